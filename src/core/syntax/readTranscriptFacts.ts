import { analyseTranscript } from './analyseTranscript';
import { scanTranscript } from './scan/scanTranscript';
import type { TranscriptFacts } from './transcriptFacts';

/**
 * How transcripts are read: `scanner`, the transcript scanner with micromark
 * for what it leaves undecided (the default), or `micromark` alone (the
 * scanner's oracle; set `MDQDA_PARSER=micromark` to use it, see docs).
 */
export type TranscriptReader = 'scanner' | 'micromark';

let reader: TranscriptReader = 'scanner';

/** Files read so far on this thread: by the scanner, and left by it to micromark. */
export const readerTally = { scanned: 0, fellBack: 0 };

/** Chooses how this thread reads transcripts from now on. */
export function useTranscriptReader(choice: TranscriptReader): void {
  reader = choice;
}

export function transcriptReader(): TranscriptReader {
  return reader;
}

/** The facts of a transcript's text (without byte order mark), read the chosen way. */
export function readTranscriptFacts(text: string): TranscriptFacts {
  if (reader === 'scanner') {
    const facts = scanTranscript(text);
    if (facts) {
      readerTally.scanned++;
      return facts;
    }
    readerTally.fellBack++;
  }
  return analyseTranscript(text);
}
