/**
 * The transcript model every reader (Word, WebVTT, SubRip, plain text) builds
 * and the Markdown writer reads: blocks in reading order, where a turn is
 * what one speaker said until another speaker starts.
 */

/** A run of text with the emphasis it had in the source (Word only; other formats give plain runs). */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** One paragraph of a turn, or an item of a list inside it. */
export interface TurnParagraph {
  inlines: Inline[];
  /** Set for a list item: whether the list is numbered, and its depth (0 = top level). */
  list?: { ordered: boolean; depth: number };
}

/** What one speaker said: consecutive cues or paragraphs of one speaker are one turn. */
export interface TranscriptTurn {
  kind: 'turn';
  /** The speaker as written in the source, or null before the first labelled turn. */
  speaker: string | null;
  /** Seconds from the start of the recording (or the clock time, as the source gives it) of the turn's first cue, or null. */
  time: number | null;
  paragraphs: TurnParagraph[];
}

/** A heading of a Word document (depth 1–6). */
export interface TranscriptHeading {
  kind: 'heading';
  depth: number;
  inlines: Inline[];
}

/** A block of the transcript. */
export type TranscriptBlock = TranscriptTurn | TranscriptHeading;

/** A transcript read from a file, before it is written as Markdown. */
export interface IngestedTranscript {
  /** Title found in the file (Word core properties), if any. */
  title: string | null;
  /** Date found in the file (`YYYY-MM-DD`), if any. */
  date: string | null;
  blocks: TranscriptBlock[];
  /** What was read but not imported, one short sentence each (e.g. `2 images`, `cue at line 12: bad timing`). */
  skipped: string[];
}
