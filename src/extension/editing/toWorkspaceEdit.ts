import * as vscode from 'vscode';
import type { TextEdit } from '../../core/edit/textEdit';

/**
 * Adds the edit engine's edits (UTF-16 offsets into the document text) to a `WorkspaceEdit`
 * (a new one when none is given) for `document`, converting offsets with `positionAt`.
 */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[], workspaceEdit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  workspaceEdit.set(document.uri, [
    ...workspaceEdit.get(document.uri),
    ...edits.map((edit) => vscode.TextEdit.replace(new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText)),
  ]);
  return workspaceEdit;
}
