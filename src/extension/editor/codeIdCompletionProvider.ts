import * as vscode from 'vscode';
import { codeIdCompletionAt } from '../../core/editor/codeIdCompletionAt';
import { rankCodeIds } from '../../core/editor/rankCodeIds';
import { escapeMarkdownText } from '../../core/editor/escapeMarkdownText';
import type { BlindMode } from '../blindMode';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Internal command a completion runs once accepted, so its code counts as recent. */
export const rememberCodeCommand = 'markdownQda._rememberCode';

/** Characters that open a place for a code id: `.` of a class, `"` and space inside `class="…"`. */
export const completionTriggers = ['.', '"', ' '];

/** The recently used code ids, most recent first, shared with Code Selection…. */
export interface RecentCodes {
  get(): readonly string[];
  remember(id: string): void;
}

/**
 * Completes code ids inside the `{…}` of `:code[…]` and `:::code` (after `.`, or inside
 * `class="…"`): every codebook code with its name and description, recently used codes first,
 * then the most used, then codebook order; codes already in the block are left out, codes used in
 * transcripts but missing from the codebook come last. A chosen item runs
 * {@link rememberCodeCommand}, which makes its code recent. While "Show Only My Codings" is on,
 * the counts and ranks come from the coder's own codings.
 */
export function codeIdCompletionProvider(index: WorkspaceIndex, recent: RecentCodes, blind: BlindMode): vscode.CompletionItemProvider {
  return {
    provideCompletionItems(document, position) {
      const workspace = index.current && blind.workspace(index.current);
      if (!workspace) return undefined;
      const line = document.lineAt(position.line).text;
      const place = codeIdCompletionAt(line, position.character);
      if (!place) return undefined;
      const range = new vscode.Range(position.line, place.start, position.line, place.end);
      const ranked = rankCodeIds(workspace.codebook, workspace.sources, recent.get(), place.present);
      const width = String(ranked.length).length;
      return ranked.map((code, rank) => {
        const item = new vscode.CompletionItem({ label: code.id, description: code.name ?? 'not in the codebook' }, vscode.CompletionItemKind.EnumMember);
        item.detail = [code.name ?? 'not in the codebook', `${code.uses} ${code.uses === 1 ? 'excerpt' : 'excerpts'}`, code.recent ? 'recent' : ''].filter(Boolean).join(' · ');
        if (code.description) item.documentation = new vscode.MarkdownString(escapeMarkdownText(code.description));
        item.sortText = String(rank).padStart(width, '0');
        item.filterText = code.id;
        item.range = range;
        item.command = { command: rememberCodeCommand, title: 'Remember code', arguments: [code.id] };
        return item;
      });
    },
  };
}
