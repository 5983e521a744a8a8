import * as vscode from 'vscode';
import { excerptAt } from '../../core/edit/excerptDirectives';
import type { Excerpt } from '../../core/model/excerpt';
import type { EditorTranscript } from './editorTranscript';

/**
 * The innermost excerpt whose markup holds the cursor (or touches it from the left, so a cursor
 * just after a directive still finds it); undefined after a message when there is none.
 */
export function excerptUnderCursor(transcript: EditorTranscript): Excerpt | undefined {
  const offset = transcript.document.offsetAt(transcript.editor.selection.active);
  const excerpt = excerptAt(transcript.parsed, offset) ?? (offset > 0 ? excerptAt(transcript.parsed, offset - 1) : undefined);
  if (!excerpt) void vscode.window.showInformationMessage('Markdown QDA: put the cursor in a coded excerpt first.');
  return excerpt;
}
