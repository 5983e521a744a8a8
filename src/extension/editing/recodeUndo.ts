import * as vscode from 'vscode';
import { invertEdits } from '../../core/edit/invertEdits';
import { applyTextEdits, type TextEdit } from '../../core/edit/textEdit';
import { commandIds } from '../commandIds';
import type { WorkspaceIndex } from '../workspaceIndex';
import { relativePath } from './parseTranscriptDocument';
import { toWorkspaceEdit } from './toWorkspaceEdit';

/** The command that takes back the last rename, merge or split (from any editor). */
export const undoRecodeCommand = commandIds.undoRecode;

/** One file of the last refactoring: its text after it, and the edits that restore the text before. */
interface Written {
  uri: vscode.Uri;
  after: string;
  undo: TextEdit[];
}

let last: { label: string; files: Written[] } | undefined;

/** Remembers a refactoring just written (each file's text before and the engine's edits), for {@link undoLastRecode}. */
export function rememberRecode(label: string, files: readonly { document: vscode.TextDocument; before: string; edits: readonly TextEdit[] }[]): void {
  last = {
    label,
    files: files.map((file) => ({ uri: file.document.uri, after: applyTextEdits(file.before, file.edits), undo: invertEdits(file.before, file.edits) })),
  };
}

/** The outcome of an undo: the files restored, or why nothing was. */
export type UndoRecodeOutcome = { ok: true; label: string; files: vscode.Uri[] } | { ok: false; error: string };

/**
 * Handler of `markdownQda.undoRecode`: takes back the last rename, merge or split of this window
 * in every file it changed, as one workspace edit of exact text edits (the inverse of the ones
 * written), from whichever editor is active; saves the files that had no unsaved changes. Refuses,
 * naming the file, when one changed since (its own Edit > Undo then holds the way back).
 */
export function undoLastRecode(index: WorkspaceIndex): () => Promise<UndoRecodeOutcome> {
  return async () => {
    const outcome = await undo();
    if (outcome.ok) {
      await index.reload();
      void vscode.window.showInformationMessage(`Markdown QDA: undid ${outcome.label} in ${outcome.files.map((uri) => relativePath(uri)).join(', ')}.`);
    } else {
      void vscode.window.showWarningMessage(`Markdown QDA: cannot undo: ${outcome.error}.`);
    }
    return outcome;
  };
}

async function undo(): Promise<UndoRecodeOutcome> {
  if (!last) return { ok: false, error: 'no rename, merge or split was made in this window' };
  const edit = new vscode.WorkspaceEdit();
  const documents: vscode.TextDocument[] = [];
  for (const file of last.files) {
    const document = await vscode.workspace.openTextDocument(file.uri);
    if (document.getText() !== file.after) {
      return { ok: false, error: `${relativePath(file.uri)} changed since the ${last.label}; use Edit > Undo in that file` };
    }
    toWorkspaceEdit(document, file.undo, edit);
    documents.push(document);
  }
  const clean = documents.filter((document) => !document.isDirty);
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) return { ok: false, error: 'VS Code did not apply the edit' };
  await Promise.all(clean.map((document) => document.save()));
  const done = { ok: true as const, label: last.label, files: last.files.map((file) => file.uri) };
  last = undefined;
  return done;
}
