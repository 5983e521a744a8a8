import * as vscode from 'vscode';
import { parseTranscriptForEdit, type ParsedTranscript } from '../../core/syntax/parseTranscript';
import type { WorkspaceIndex } from '../workspaceIndex';

/** A transcript document parsed for the edit engine: its text (without BOM, as VS Code gives it) and parse. */
export interface DocumentTranscript {
  document: vscode.TextDocument;
  text: string;
  parsed: ParsedTranscript;
}

/**
 * Parses an open document (its unsaved text) for the edit engine. The path is relative to the
 * workspace folder; a file the index marked not writable (invalid UTF-8, binary, too large) stays
 * read-only here, so the engine refuses to edit it. Returns a message for a document that is not
 * a Markdown file on disk.
 */
export function parseTranscriptDocument(document: vscode.TextDocument, index: WorkspaceIndex): DocumentTranscript | string {
  if (document.languageId !== 'markdown') return 'open a Markdown transcript first';
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return 'only transcripts saved in the workspace can be coded';
  const path = relativePath(document.uri);
  const indexed = index.sourceAt(path);
  // VS Code gives the text without a byte order mark, as the engine's offsets expect.
  const text = document.getText();
  const parsed = parseTranscriptForEdit(text, { path, writable: indexed?.writable ?? true, bom: indexed?.bom });
  return { document, text, parsed };
}

/** The path of `uri` relative to its workspace folder, `/`-separated (the file name when outside every folder). */
export function relativePath(uri: vscode.Uri): string {
  const relative = vscode.workspace.asRelativePath(uri, false);
  return relative.split('\\').join('/');
}
