import path from 'node:path';
import type { Excerpt } from '../core/model/excerpt';
import { parseTranscriptForEdit, parseTranscriptWithMap, type ParsedTranscript } from '../core/syntax/parseTranscript';
import type { FileEdits } from './applyEdits';
import { readTranscriptFileSync } from './readTranscriptFile';

/** A transcript read for editing: its text, parse and what writing it back needs. */
export interface TranscriptForEdit {
  file: Omit<FileEdits, 'edits'>;
  parsed: ParsedTranscript;
}

/**
 * Reads and parses one transcript for the edit engine. `display` is the path
 * used in messages and in the parse (relative, `/`-separated). Gives a
 * one-line message when the file cannot be read (missing, binary, too large).
 * The read is synchronous: commands read hundreds of files one after the
 * other, and an asynchronous read's round trips cost more than the read (a
 * FIFO or device never blocks it: it is opened without waiting).
 */
export function readForEdit(absolute: string, display: string): TranscriptForEdit | string {
  const read = readTranscriptFileSync(absolute, display);
  if (!read.ok) return `${display}: ${read.diagnostics[0]?.message ?? 'cannot read the file'}`;
  const parsed = parseTranscriptForEdit(read.text, { path: display.split(path.sep).join('/'), hash: read.hash, bom: read.bom, writable: read.writable, diagnostics: read.diagnostics });
  return { file: { absolute, display, text: read.text, bom: read.bom, hash: read.hash }, parsed };
}

/** What making an edit again on a newer text needs of the transcript as it was read: little, so a command editing many files need not keep their parses. */
export interface ReadBasis {
  path: string;
  bom: boolean;
  plainText: string;
}

/** The basis of a transcript read for editing (see `reparseForEdit`). */
export function basisOf(read: TranscriptForEdit): ReadBasis {
  return { path: read.parsed.source.path, bom: read.file.bom, plainText: read.parsed.source.plainText };
}

/**
 * Parses the newer text of a transcript that someone else wrote after it was
 * read, so that an edit can be made again on it. Only codings may have
 * changed: resolves to a message when the plain text is not the same (the
 * request, in the old text's terms, may no longer mean the same thing).
 */
export function reparseForEdit(read: ReadBasis, text: string): ParsedTranscript | string {
  const parsed = parseTranscriptWithMap(text, { path: read.path, bom: read.bom, writable: true });
  if (parsed.source.plainText !== read.plainText) return 'its plain text is no longer the same';
  return parsed;
}

/**
 * The excerpt of a newer parse that is the same coding as `excerpt` of an
 * older one: same plain-text span, codes and coder. Resolves to a message when
 * there is none, or several.
 */
export function sameExcerpt(parsed: ParsedTranscript, excerpt: Excerpt): Excerpt | string {
  const found = parsed.source.excerpts.filter(
    (candidate) => candidate.start === excerpt.start && candidate.end === excerpt.end && candidate.coder === excerpt.coder && candidate.codes.join(' ') === excerpt.codes.join(' '),
  );
  return found.length === 1 ? found[0] : `the excerpt at line ${excerpt.line} is ${found.length === 0 ? 'no longer there as it was' : 'no longer the only one of its kind there'}`;
}
