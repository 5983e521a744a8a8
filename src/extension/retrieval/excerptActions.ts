import * as vscode from 'vscode';
import { excerptQuote } from '../../core/render/excerptQuote';
import { type EditMemoArgs, editMemo } from '../commands/editMemo';
import { openExcerpt } from '../commands/openExcerpt';
import { uncodeExcerpt } from '../commands/uncodeExcerpt';
import type { WorkspaceIndex } from '../workspaceIndex';
import { type ExcerptRow, excerptTargetOf, isExcerptRow } from './excerptRow';

/** The file of a row's transcript in the workspace. */
function uriOf(index: WorkspaceIndex, row: ExcerptRow): vscode.Uri {
  return vscode.Uri.joinPath(vscode.Uri.file(index.current?.root ?? ''), ...row.source.path.split('/'));
}

/** A message when a command meant for an excerpt row got something else. */
function notARow(): undefined {
  void vscode.window.showInformationMessage('Markdown QDA: choose an excerpt in the Coded Excerpts or Memos view.');
  return undefined;
}

/**
 * Opens the row's excerpt and puts the cursor at the start of its first directive, where the
 * cursor commands (uncode, memo) find exactly this excerpt, not one nested in it.
 */
async function openAtDirective(index: WorkspaceIndex, row: ExcerptRow): Promise<vscode.TextEditor | undefined> {
  const target = excerptTargetOf(uriOf(index, row), row.excerpt);
  const editor = await openExcerpt(target);
  if (!editor) return undefined;
  const start = editor.document.positionAt(target.start);
  editor.selection = new vscode.Selection(start, start);
  return editor;
}

/** Handler of "Open" on an excerpt row: opens the transcript with the excerpt selected. */
export function openExcerptRow(index: WorkspaceIndex): (row: unknown) => Promise<vscode.TextEditor | undefined> {
  return async (row) => (isExcerptRow(row) ? openExcerpt(excerptTargetOf(uriOf(index, row), row.excerpt)) : notARow());
}

/**
 * Handler of "Uncode" on an excerpt row: opens the excerpt and removes its coding. Under a code
 * of the Coded Excerpts view, only that code goes (the excerpt stays with its other codes);
 * elsewhere an excerpt with several codes asks which. Resolves to whether the file changed.
 */
export function uncodeExcerptRow(index: WorkspaceIndex): (row: unknown) => Promise<boolean> {
  const uncode = uncodeExcerpt(index);
  return async (row) => {
    if (!isExcerptRow(row)) return notARow() ?? false;
    if (!(await openAtDirective(index, row))) return false;
    const { codes } = row.excerpt;
    const code = row.codeId !== undefined && codes.length > 1 && codes.includes(row.codeId) ? row.codeId : undefined;
    return uncode(code !== undefined ? { code } : codes.length === 1 ? { all: true } : {});
  };
}

/**
 * Handler of "Edit Memo…" on an excerpt row: opens the excerpt and asks for its memo (or writes
 * `args.memo` when given, as the tests do). Resolves to whether the memo is as wanted.
 */
export function editMemoOfRow(index: WorkspaceIndex): (row: unknown, args?: unknown) => Promise<boolean> {
  const edit = editMemo(index);
  return async (row, args) => {
    if (!isExcerptRow(row)) return notARow() ?? false;
    if (!(await openAtDirective(index, row))) return false;
    const memo = typeof args === 'object' && args !== null && !Array.isArray(args) && 'memo' in args ? (args as EditMemoArgs) : {};
    return edit(memo);
  };
}

/**
 * Handler of "Copy as Quote" on an excerpt row: puts the excerpt on the clipboard as a quotation
 * for a paper — `“text” (speaker, source, line N)` — and says so. Resolves to the quotation.
 */
export async function copyExcerptQuote(row: unknown): Promise<string | undefined> {
  if (!isExcerptRow(row)) return notARow();
  const quote = excerptQuote(row.excerpt);
  await vscode.env.clipboard.writeText(quote);
  void vscode.window.showInformationMessage(`Markdown QDA: copied ${quote.length > 90 ? `${[...quote].slice(0, 89).join('')}…` : quote}`);
  return quote;
}
