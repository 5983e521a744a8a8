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

/** Turns (labelled or not), speakers in order of first turn, and words of turns and headings. */
export function summariseTranscript(transcript: IngestedTranscript): TranscriptSummary {
  const speakers: string[] = [];
  let turns = 0;
  let words = 0;
  for (const block of transcript.blocks) {
    const texts = block.kind === 'turn' ? block.paragraphs.map((paragraph) => inlineText(paragraph.inlines)) : [inlineText(block.inlines)];
    for (const text of texts) words += text.match(WORD)?.length ?? 0;
    if (block.kind !== 'turn') continue;
    turns++;
    if (block.speaker !== null && !speakers.includes(block.speaker)) speakers.push(block.speaker);
  }
  return { turns, speakers, words };
}
