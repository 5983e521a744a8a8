import * as vscode from 'vscode';
import { adjacentExcerpt } from '../../core/navigate/adjacentExcerpt';
import { parseTranscriptDocument } from './parseTranscriptDocument';
import type { WorkspaceIndex } from '../workspaceIndex';

/**
 * Selects the coded text of the excerpt after or before the selection's start in the active
 * editor (going round the end of the file) and reveals it. Resolves to the new selection, or
 * undefined when the document has no excerpt (a message says so).
 */
export async function moveToExcerpt(index: WorkspaceIndex, direction: 'next' | 'previous'): Promise<vscode.Selection | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const transcript = parseTranscriptDocument(editor.document, index);
  if (typeof transcript === 'string') return undefined;
  const target = adjacentExcerpt(transcript.parsed.source, editor.document.offsetAt(editor.selection.start), direction);
  if (!target) {
    void vscode.window.showInformationMessage('Markdown QDA: this transcript has no coded excerpts.');
    return undefined;
  }
  const selection = new vscode.Selection(editor.document.positionAt(target.start), editor.document.positionAt(target.end));
  editor.selection = selection;
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return selection;
}
