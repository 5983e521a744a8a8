import { readTranscript } from './readTranscript';
import { renderTranscriptMarkdown } from './renderTranscriptMarkdown';
import { renameSpeakers, type SpeakerMap } from './speakerMap';
import { summariseTranscript, type TranscriptSummary } from './summariseTranscript';

/** Options of `importTranscript`. */
export interface ImportTranscriptOptions {
  /** Source id for the front matter. */
  id: string;
  /** Source type (default `interview`). */
  type?: string;
  /** Keep each turn's first timestamp (default true). */
  timestamps?: boolean;
  /** Speakers to rename while importing. */
  speakers?: SpeakerMap;
}

/** An imported transcript: its Markdown, counts for the summary, and what was skipped. */
export interface ImportedTranscript {
  ok: true;
  markdown: string;
  summary: TranscriptSummary;
  skipped: string[];
  /** Old names of the speaker map that occur in this file. */
  renamed: Set<string>;
}

/**
 * Turns one transcript file (its bytes and name) into a Markdown transcript
 * (SPEC §7): read by format, speakers renamed, written with front matter and
 * one `**Name:**` paragraph per turn. Errors are `{ ok: false, error }` with a
 * one-line reason; never throws.
 */
export async function importTranscript(bytes: Uint8Array, fileName: string, options: ImportTranscriptOptions): Promise<ImportedTranscript | { ok: false; error: string }> {
  const read = await readTranscript(bytes, fileName);
  if (!read.ok) return read;
  const { transcript, used } = options.speakers ? renameSpeakers(read.transcript, options.speakers) : { transcript: read.transcript, used: new Set<string>() };
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const markdown = renderTranscriptMarkdown(transcript, {
    id: options.id,
    title: base.replace(/\.[^.]+$/, ''),
    type: options.type,
    importedFrom: base,
    timestamps: options.timestamps,
  });
  return { ok: true, markdown, summary: summariseTranscript(transcript), skipped: transcript.skipped, renamed: used };
}
