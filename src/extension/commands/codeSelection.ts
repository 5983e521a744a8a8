import * as vscode from 'vscode';
import { CODE_ID, codeRange } from '../../core/edit/codeRange';
import { orderCodeChoices, rememberCodes } from '../../core/navigate/orderCodeChoices';
import { addCodeToWorkspaceCodebook, today } from '../editing/codebookDocument';
import { applyResult, editorTranscript } from '../editing/editorTranscript';
import { readCoder } from '../readSettings';
import type { WorkspaceIndex } from '../workspaceIndex';
import { setCoder } from './setCoder';

/** Optional arguments of `markdownQda.codeSelection` (scripts and tests skip the prompts with them). */
export interface CodeSelectionArgs {
  codes?: string[];
  coder?: string;
  memo?: string;
  exemplar?: boolean;
}

/** Key of the recently used code ids in the workspace state, most recent first. */
export const recentCodesKey = 'markdownQda.recentCodes';

interface CodeItem extends vscode.QuickPickItem {
  id?: string;
  create?: boolean;
}

/**
 * Makes the handler of `markdownQda.codeSelection`: codes the selection of the active Markdown
 * editor with codes picked from the codebook (recent first; "Create new code…" adds one to the
 * codebook) by the coder of `markdownQda.coder` (asked for and saved when unset), as one
 * undoable edit computed by the edit engine. Resolves to whether the document was changed.
 */
export function codeSelection(index: WorkspaceIndex, state: vscode.Memento): (args?: CodeSelectionArgs) => Promise<boolean> {
  return async (args = {}) => {
    const transcript = await editorTranscript(index);
    if (!transcript) return false;
    const { editor, parsed } = transcript;
    const selection = editor.selection;
    if (selection.isEmpty) {
      void vscode.window.showInformationMessage('Markdown QDA: select the text to code first.');
      return false;
    }
    const codes = args.codes ?? (await pickCodes(index, state));
    if (!codes || codes.length === 0) return false;
    const coder = args.coder ?? readCoder() ?? (await setCoder());
    if (!coder) return false;
    const toPlain = (position: vscode.Position) => parsed.map.toCodePoint(parsed.map.fileToPlain(editor.document.offsetAt(position)));
    const result = codeRange(transcript.text, parsed, {
      start: toPlain(selection.start),
      end: toPlain(selection.end),
      codes,
      coder,
      memo: args.memo ?? null,
      exemplar: args.exemplar === true,
    });
    const applied = await applyResult(transcript, result);
    if (applied) await state.update(recentCodesKey, rememberCodes(state.get<string[]>(recentCodesKey, []), codes));
    return applied;
  };
}

/** Asks for codes in a multi-select quick pick; resolves to the ids, or undefined when cancelled. */
export async function pickCodes(index: WorkspaceIndex, state: vscode.Memento, title = 'Markdown QDA: code the selection'): Promise<string[] | undefined> {
  const workspace = index.current ?? (await index.reload());
  const used = workspace.sources.flatMap((source) => source.excerpts.flatMap((excerpt) => excerpt.codes));
  const choices = orderCodeChoices(workspace.codebook, state.get<string[]>(recentCodesKey, []), used);
  const items: CodeItem[] = [{ label: '$(add) Create new code…', alwaysShow: true, create: true }];
  let section: boolean | undefined;
  for (const choice of choices) {
    if (choice.recent !== section) {
      section = choice.recent;
      items.push({ label: choice.recent ? 'recently used' : 'codebook', kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({
      id: choice.id,
      label: `${'  '.repeat(choice.depth)}${choice.id}`,
      description: choice.code?.name ?? 'not in the codebook',
      detail: choice.code?.description ?? undefined,
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: 'Choose one or more codes (type to filter by id, name or description)',
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  const ids = picked.flatMap((item) => (item.id ? [item.id] : []));
  if (picked.some((item) => item.create)) {
    const created = await createCode(workspace.codebook.codes);
    if (created) {
      ids.push(created);
      await index.reload();
    } else if (ids.length === 0) return undefined;
  }
  return ids;
}

/** Asks for an id and a name and adds the code to the codebook; resolves to its id. */
async function createCode(existing: ReadonlyMap<string, unknown>): Promise<string | undefined> {
  const id = await vscode.window.showInputBox({
    title: 'Markdown QDA: new code (1/2)',
    prompt: 'Code id: short and stable, e.g. T5 or M10 (a letter, then letters, digits, _ or -)',
    validateInput: (value) =>
      !CODE_ID.test(value.trim()) ? 'A letter, then letters, digits, _ or -' : existing.has(value.trim()) ? 'The codebook already has this code' : undefined,
  });
  if (!id) return undefined;
  const name = await vscode.window.showInputBox({ title: 'Markdown QDA: new code (2/2)', prompt: `Name of ${id.trim()}`, validateInput: (value) => (value.trim() ? undefined : 'Give the code a name') });
  if (!name) return undefined;
  const problem = await addCodeToWorkspaceCodebook({ id: id.trim(), name: name.trim(), date: today() });
  if (problem) {
    void vscode.window.showErrorMessage(`Markdown QDA: cannot add ${id.trim()} to the codebook: ${problem}`);
    return undefined;
  }
  return id.trim();
}
