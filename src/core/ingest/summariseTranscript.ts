import { inlineText } from './assembleTurns';
import type { IngestedTranscript } from './transcriptModel';

/** Counts for the one-line summary of an import. */
export interface TranscriptSummary {
  turns: number;
  speakers: string[];
  words: number;
}

/** Words as the summary counts them: runs of letters and digits, with inner apostrophes. */
export const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether the code point at `index` of `text` belongs to a word; ASCII is decided without a regular expression. */
function isWordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index) as number));
}

/** How many `WORD`s `text` has, counted without building them (a transcript has tens of thousands). */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const width = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
    if (isWordAt(text, index)) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(inWord && (code === 0x27 || code === 0x2019) && index + 1 < text.length && isWordAt(text, index + 1))) {
      // An inner apostrophe (`don't`) keeps the word going; anything else ends it.
      inWord = false;
    }
    index += width - 1;
  }
  return count;
}

/** Turns (labelled or not), speakers in order of first turn, and words of turns and headings. */
export function summariseTranscript(transcript: IngestedTranscript): TranscriptSummary {
  const speakers: string[] = [];
  let turns = 0;
  let words = 0;
  for (const block of transcript.blocks) {
    const texts = block.kind === 'turn' ? block.paragraphs.map((paragraph) => inlineText(paragraph.inlines)) : [inlineText(block.inlines)];
    for (const text of texts) words += countWords(text);
    if (block.kind !== 'turn') continue;
    turns++;
    if (block.speaker !== null && !speakers.includes(block.speaker)) speakers.push(block.speaker);
  }
  return { turns, speakers, words };
}
