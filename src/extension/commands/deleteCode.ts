import * as vscode from 'vscode';
import { resolveCodeId } from '../../core/codebook/queryCodes';
import { changeWorkspaceCodebook, type CodebookChangeOutcome } from '../editing/codebookChangeEdit';
import type { WorkspaceIndex } from '../workspaceIndex';
import { codeIdOf, pickCode } from './pickCode';

/**
 * Makes the handler of `markdownQda.deleteCode`: deletes a code no transcript uses from the
 * codebook through the codebook edit engine, recorded as `drop` in the history (undo in the
 * codebook file). A code that excerpts use (under its id or an alias, by any coder) or that has
 * sub-codes is refused with a message. Takes a Codebook view node or `{ id }`, else asks.
 */
export function deleteCode(index: WorkspaceIndex): (args?: { id?: string } | unknown) => Promise<CodebookChangeOutcome | undefined> {
  return async (args) => {
    const given = (typeof args === 'object' && args !== null ? args : {}) as { id?: string };
    const id = codeIdOf(args) ?? given.id ?? (await pickCode(index, 'Delete which unused code?'));
    if (!id) return undefined;
    const workspace = await index.reload();
    let excerpts = 0;
    const sources = new Set<string>();
    for (const source of workspace.sources) {
      for (const excerpt of source.excerpts) {
        if (!excerpt.codes.some((code) => (resolveCodeId(workspace.codebook, code) ?? code) === id)) continue;
        excerpts += 1;
        sources.add(source.path);
      }
    }
    const refuse = (error: string): CodebookChangeOutcome => {
      void vscode.window.showErrorMessage(`Markdown QDA: cannot delete ${id}: ${error}; nothing was changed.`);
      return { ok: false, error };
    };
    if (excerpts > 0) {
      return refuse(`${excerpts} ${excerpts === 1 ? 'excerpt' : 'excerpts'} in ${sources.size} ${sources.size === 1 ? 'transcript uses' : 'transcripts use'} it (uncode them, or merge ${id} into another code)`);
    }
    if (!workspace.codebook.codes.has(id)) return refuse('it is not in the codebook');
    const outcome = await changeWorkspaceCodebook(index, { action: 'drop', from: [id], to: [] });
    if (!outcome.ok) return refuse(outcome.error);
    void vscode.window.showInformationMessage(`Markdown QDA: deleted ${id} from ${vscode.workspace.asRelativePath(outcome.uri)} (recorded in its history; undo there).`);
    return outcome;
  };
}
