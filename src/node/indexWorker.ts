import { parentPort } from 'node:worker_threads';
import { parseCompact, type CompactParseInput } from '../core/syntax/parseCompact';

/** Worker thread entry: parses the transcripts it is sent and posts their compact forms back. */
parentPort?.on('message', (message: { id: number; inputs: CompactParseInput[] }) => {
  const results = message.inputs.map((input) => parseCompact(input));
  // One JSON string crosses threads faster than a structured clone of thousands of small arrays.
  parentPort?.postMessage({ id: message.id, results: JSON.stringify(results) });
});
