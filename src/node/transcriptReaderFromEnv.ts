import { useTranscriptReader } from '../core/syntax/readTranscriptFacts';

/**
 * Applies `MDQDA_PARSER` (`micromark` reads every transcript with micromark
 * alone, `scanner` or unset with the transcript scanner) to this thread;
 * worker threads inherit the variable and call this too.
 */
export function transcriptReaderFromEnv(): void {
  useTranscriptReader(process.env.MDQDA_PARSER === 'micromark' ? 'micromark' : 'scanner');
}
