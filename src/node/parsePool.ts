import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseCompact, type CompactParse, type CompactParseInput } from '../core/syntax/parseCompact';
import { transcriptReaderFromEnv } from './transcriptReaderFromEnv';

transcriptReaderFromEnv();

/** Below this much text, starting worker threads costs more than it saves. */
const MIN_PARALLEL_CHARS = 400_000;
/** Work is dealt out in batches of about this many characters, so no worker idles long at the end. */
const BATCH_CHARS = 150_000;

/** Options of `parseAll`. */
export interface ParseAllOptions {
  /** Worker threads at most (default: one per core; below 2, everything is parsed on this thread). */
  maxWorkers?: number;
  /** The bundled worker script (default: `indexWorker.js` beside this bundle). */
  workerScript?: string;
  /** Least text worth starting workers for (default 400,000 characters). */
  minParallelChars?: number;
  /** Called with each result, in the order the workers finished them. */
  onResult?: (index: number, result: CompactParse) => void;
}

/**
 * Parses many transcripts into their compact forms, on worker threads when
 * there is enough text and the bundled worker script is present, else on this
 * thread. Results keep the input order.
 */
export async function parseAll(inputs: CompactParseInput[], options: ParseAllOptions = {}): Promise<CompactParse[]> {
  const total = inputs.reduce((sum, input) => sum + input.text.length, 0);
  const script = options.workerScript ?? path.join(__dirname, 'indexWorker.js');
  const workers = Math.min(options.maxWorkers ?? os.availableParallelism(), inputs.length);
  const results: CompactParse[] = new Array(inputs.length);
  const deliver = (index: number, result: CompactParse) => {
    results[index] = result;
    options.onResult?.(index, result);
  };
  if (total < (options.minParallelChars ?? MIN_PARALLEL_CHARS) || workers < 2 || !fs.existsSync(script)) {
    inputs.forEach((input, index) => deliver(index, parseCompact(input)));
    return results;
  }
  // Largest first, in batches of similar size, from one queue shared by the workers.
  const order = inputs.map((_, index) => index).sort((a, b) => inputs[b].text.length - inputs[a].text.length);
  const batches: number[][] = [];
  let current: number[] = [];
  let size = 0;
  for (const index of order) {
    current.push(index);
    size += inputs[index].text.length;
    if (size >= BATCH_CHARS) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  let next = 0;
  const received: { id: number; results: { compact: string; codes: boolean }[] }[] = [];
  const drain = () => {
    for (let message = received.shift(); message; message = received.shift()) {
      batches[message.id].forEach((index, position) => {
        const result = message.results[position];
        deliver(index, { compact: JSON.parse(result.compact) as CompactParse['compact'], codes: result.codes, json: result.compact });
      });
    }
  };
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= batches.length) {
          // This worker is done, so a core is free: take in what has come back so far.
          drain();
          resolve();
          return;
        }
        const id = next++;
        worker.postMessage({ id, inputs: batches[id].map((index) => inputs[index]) });
      };
      worker.on('message', (message: { id: number; results: { compact: string; codes: boolean }[] }) => {
        send();
        // Kept as text until the workers are done: this thread stays off the two cores meanwhile.
        received.push(message);
      });
      worker.on('error', reject);
      send();
    });
  const pool = Array.from({ length: workers }, () => new Worker(script));
  try {
    await Promise.all(pool.map(run));
  } finally {
    void Promise.all(pool.map((worker) => worker.terminate()));
  }
  drain();
  return results;
}
