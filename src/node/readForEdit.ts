import path from 'node:path';
import { parseTranscriptWithMap, type ParsedTranscript } from '../core/syntax/parseTranscript';
import type { FileEdits } from './applyEdits';
import { readTranscriptFile } from './readTranscriptFile';

/** A transcript read for editing: its text, parse and what writing it back needs. */
export interface TranscriptForEdit {
  file: Omit<FileEdits, 'edits'>;
  parsed: ParsedTranscript;
}

/**
 * Reads and parses one transcript for the edit engine. `display` is the path
 * used in messages and in the parse (relative, `/`-separated). Resolves to a
 * one-line message when the file cannot be read (missing, binary, too large).
 */
export async function readForEdit(absolute: string, display: string): Promise<TranscriptForEdit | string> {
  const read = await readTranscriptFile(absolute, display);
  if (!read.ok) return `${display}: ${read.diagnostics[0]?.message ?? 'cannot read the file'}`;
  const parsed = parseTranscriptWithMap(read.text, { path: display.split(path.sep).join('/'), hash: read.hash, bom: read.bom, writable: read.writable, diagnostics: read.diagnostics });
  return { file: { absolute, display, text: read.text, bom: read.bom, hash: read.hash }, parsed };
}
