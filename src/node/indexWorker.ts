import { parentPort } from 'node:worker_threads';
import { parseCompact, type CompactParseInput } from '../core/syntax/parseCompact';
import { transcriptReaderFromEnv } from './transcriptReaderFromEnv';

transcriptReaderFromEnv();

/** Worker thread entry: parses the transcripts it is sent and posts their compact forms back. */
parentPort?.on('message', (message: { id: number; inputs: CompactParseInput[] }) => {
  // JSON strings cross threads faster than a structured clone of thousands of small arrays,
  // and the cache can store them as they are.
  const results = message.inputs.map((input) => {
    const { compact, codes } = parseCompact(input);
    return { compact: JSON.stringify(compact), codes };
  });
  parentPort?.postMessage({ id: message.id, results });
});
