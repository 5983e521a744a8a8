import * as vscode from 'vscode';
import type { TextEdit } from '../../core/edit/textEdit';

/**
 * Adds the edit engine's edits (UTF-16 offsets into the document text) to a `WorkspaceEdit`
 * (a new one when none is given) for `document`, converting offsets with `positionAt`; with
 * `metadata` (e.g. `needsConfirmation`), each edit carries it (the refactor preview shows them).
 */
export function toWorkspaceEdit(
  document: vscode.TextDocument,
  edits: readonly TextEdit[],
  workspaceEdit = new vscode.WorkspaceEdit(),
  metadata?: vscode.WorkspaceEditEntryMetadata,
): vscode.WorkspaceEdit {
  const toEdit = (edit: TextEdit) => vscode.TextEdit.replace(new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
  if (metadata) {
    for (const edit of edits) workspaceEdit.replace(document.uri, toEdit(edit).range, edit.newText, metadata);
    return workspaceEdit;
  }
  workspaceEdit.set(document.uri, [...workspaceEdit.get(document.uri), ...edits.map(toEdit)]);
  return workspaceEdit;
}
