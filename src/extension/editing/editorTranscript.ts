import * as vscode from 'vscode';
import { readOnlyError } from '../../core/edit/readOnlyError';
import type { EditResult } from '../../core/edit/textEdit';
import type { WorkspaceIndex } from '../workspaceIndex';
import { ensureTrusted } from './ensureTrusted';
import { parseTranscriptDocument, type DocumentTranscript } from './parseTranscriptDocument';
import { toWorkspaceEdit } from './toWorkspaceEdit';

/** The active editor's transcript, parsed from its current text, for a command that writes. */
export interface EditorTranscript extends DocumentTranscript {
  editor: vscode.TextEditor;
}

/**
 * The active Markdown editor parsed for a writing command: undefined (after a message) when
 * there is none, when the workspace is not trusted, or when the file is read-only for the tool.
 */
export async function editorTranscript(index: WorkspaceIndex): Promise<EditorTranscript | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Markdown QDA: open a Markdown transcript first.');
    return undefined;
  }
  const parsed = parseTranscriptDocument(editor.document, index);
  if (typeof parsed === 'string') {
    void vscode.window.showInformationMessage(`Markdown QDA: ${parsed}.`);
    return undefined;
  }
  if (!(await ensureTrusted())) return undefined;
  if (!parsed.parsed.source.writable) {
    void vscode.window.showErrorMessage(`Markdown QDA: ${readOnlyError(parsed.parsed.source)}; nothing was changed.`);
    return undefined;
  }
  return { ...parsed, editor };
}

/**
 * Applies the engine's result to the editor's document as one undoable edit, or shows the
 * engine's refusal (with its line) and changes nothing. Resolves to whether the edit was applied.
 */
export async function applyResult(transcript: DocumentTranscript, result: EditResult): Promise<boolean> {
  if (!result.ok) {
    const where = result.offset !== undefined ? ` (line ${transcript.document.positionAt(result.offset).line + 1})` : '';
    void vscode.window.showErrorMessage(`Markdown QDA: ${result.error}${where}; nothing was changed.`);
    return false;
  }
  if (result.edits.length === 0) return true;
  // In an editor that shows the document the edit goes straight to it (one undo step, refused
  // when the document changed meanwhile): a shorter way through VS Code than a workspace edit.
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === transcript.document);
  if (editor) {
    const { document } = transcript;
    const sent = await editor
      .edit((builder) => {
        for (const edit of result.edits) builder.replace(new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
      })
      // An editor closed in the meantime takes no edit: the document still can.
      .then(
        (applied) => applied,
        () => undefined,
      );
    if (sent !== undefined) return sent;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(transcript.document, result.edits));
}
