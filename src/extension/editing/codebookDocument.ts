import * as vscode from 'vscode';
import { addCodeToCodebook, type NewCode } from '../../core/edit/addCodeToCodebook';
import { applyTextEdits } from '../../core/edit/textEdit';
import { readSettings } from '../readSettings';
import { toWorkspaceEdit } from './toWorkspaceEdit';

/**
 * The codebook file the extension writes to: the first of `markdownQda.codebooks`, else
 * `codebook.yaml` at the root of the first workspace folder. Undefined without a folder.
 */
export function codebookUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const [first] = readSettings(folder).codebooks;
  return vscode.Uri.joinPath(folder.uri, ...(first ?? 'codebook.yaml').split(/[\\/]/));
}

/** Whether a file exists. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Today as `YYYY-MM-DD` (UTC), for history entries. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Adds a code to the workspace codebook as exact text edits (the codebook is created when
 * missing) and saves it, so the index reloads it. Resolves to an error message, or undefined
 * when the code was added.
 */
export async function addCodeToWorkspaceCodebook(code: NewCode): Promise<string | undefined> {
  const uri = codebookUri();
  if (!uri) return 'open a workspace folder first';
  if (!(await exists(uri))) {
    const result = addCodeToCodebook('', code);
    if (!result.ok) return result.error;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(applyTextEdits('', result.edits)));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const result = addCodeToCodebook(document.getText(), code);
  if (!result.ok) return `${vscode.workspace.asRelativePath(uri)}: ${result.error}`;
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, result.edits)))) return 'the codebook could not be edited';
  await document.save();
  return undefined;
}
