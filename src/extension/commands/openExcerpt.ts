import * as vscode from 'vscode';

/** Where an excerpt is: its file, and UTF-16 offsets into the file text (end exclusive). */
export interface ExcerptTarget {
  uri: vscode.Uri;
  start: number;
  end: number;
  /** Editor column to open it in (default: the active one). */
  viewColumn?: vscode.ViewColumn;
}

/**
 * Command handler: opens the excerpt's file and selects exactly the excerpt, revealed in the
 * middle of the editor. Resolves to the editor, or undefined when `target` is not an
 * {@link ExcerptTarget} or the file cannot be opened (a message says which).
 */
export async function openExcerpt(target: unknown): Promise<vscode.TextEditor | undefined> {
  if (!isExcerptTarget(target)) {
    void vscode.window.showErrorMessage('Markdown QDA: choose an excerpt in the Coded Excerpts view.');
    return undefined;
  }
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(target.uri);
  } catch (error) {
    void vscode.window.showErrorMessage(`Markdown QDA: cannot open ${target.uri.fsPath}: ${String(error)}`);
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(document, { preview: true, viewColumn: target.viewColumn });
  const selection = new vscode.Selection(document.positionAt(target.start), document.positionAt(target.end));
  editor.selection = selection;
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function isExcerptTarget(value: unknown): value is ExcerptTarget {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ExcerptTarget>;
  return candidate.uri instanceof vscode.Uri
    && Number.isInteger(candidate.start) && Number.isInteger(candidate.end)
    && (candidate.start as number) <= (candidate.end as number);
}
