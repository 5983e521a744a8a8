import { analyseTranscript } from './analyseTranscript';
import { scanTranscript, scanWithBlocks } from './scan/scanTranscript';
import type { BlockRecorder } from './scan/blockRecorder';
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
  return readChosen(text, scanTranscript, (facts) => facts);
}

/**
 * Like `readTranscriptFacts`, with the block and inline positions the
 * scanner recorded in the same pass (for the edit engine's layout); `blocks`
 * is null where micromark read the file, or the scanner refused it.
 */
export function readTranscriptFactsAndBlocks(text: string): { facts: TranscriptFacts; blocks: BlockRecorder | null } {
  return readChosen(text, scanWithBlocks, (facts) => ({ facts, blocks: null }));
}

/** Reads with the scanner when it is the chosen reader and decides the text, else with micromark; counts which in `readerTally`. */
function readChosen<T>(text: string, scan: (text: string) => T | null, fromMicromark: (facts: TranscriptFacts) => T): T {
  if (reader === 'scanner') {
    const read = scan(text);
    if (read) {
      readerTally.scanned++;
      return read;
    }
    readerTally.fellBack++;
  }
  return fromMicromark(analyseTranscript(text));
}
