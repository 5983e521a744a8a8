import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseCompact, type CompactParse, type CompactParseInput } from '../core/syntax/parseCompact';
import { transcriptReaderFromEnv } from './transcriptReaderFromEnv';

transcriptReaderFromEnv();

/** Below this much text, starting a worker thread costs more than it saves. */
const MIN_PARALLEL_CHARS = 400_000;
/** Work is dealt out in batches of about this many characters, so no thread idles long at the end. */
const BATCH_CHARS = 100_000;
/** Batches a worker holds at once: one to parse, one waiting, so it never waits for this thread to hand it the next. */
const IN_FLIGHT = 2;

/** Options of `parseAll`. */
export interface ParseAllOptions {
  /** Threads at most, this one included (default: one per core; below 2, everything is parsed on this thread). */
  maxWorkers?: number;
  /** The bundled worker script (default: `indexWorker.js` beside this bundle). */
  workerScript?: string;
  /** Least text worth starting a worker thread for (default 400,000 characters); one thread more for each further such amount. */
  minParallelChars?: number;
  /** Called with each result, in the order they were finished. */
  onResult?: (index: number, result: CompactParse) => void;
}

/** A worker's message: the compact forms of one batch, as JSON text. */
interface WorkerResults {
  id: number;
  results: { compact: string; codes: boolean }[];
}

/**
 * Splits the inputs into batches of about `batchChars` characters, largest
 * inputs first, so the last batches are the small ones; each batch lists
 * input indices.
 */
export function planBatches(inputs: readonly { text: string }[], batchChars: number = BATCH_CHARS): number[][] {
  const order = inputs.map((_, index) => index).sort((a, b) => inputs[b].text.length - inputs[a].text.length);
  const batches: number[][] = [];
  let current: number[] = [];
  let size = 0;
  for (const index of order) {
    current.push(index);
    size += inputs[index].text.length;
    if (size >= batchChars) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * How many worker threads to start beside this one for `totalChars` of text:
 * none below `minParallelChars`, then one for each further `minParallelChars`,
 * at most `threads - 1` (this thread parses too).
 */
export function helperCount(totalChars: number, threads: number, minParallelChars: number = MIN_PARALLEL_CHARS): number {
  if (threads < 2 || totalChars < minParallelChars) return 0;
  const worth = minParallelChars > 0 ? Math.floor(totalChars / minParallelChars) : Number.POSITIVE_INFINITY;
  return Math.max(0, Math.min(threads - 1, worth));
}

/**
 * Parses many transcripts into their compact forms. This thread always
 * parses; when there is enough text and the bundled worker script is present,
 * worker threads take batches from the same queue (largest files first), so
 * the work is shared however fast each thread is and however late a worker
 * starts. A worker that fails hands its batches back to the queue. Results
 * keep the input order.
 */
export async function parseAll(inputs: CompactParseInput[], options: ParseAllOptions = {}): Promise<CompactParse[]> {
  const total = inputs.reduce((sum, input) => sum + input.text.length, 0);
  const script = options.workerScript ?? path.join(__dirname, 'indexWorker.js');
  const threads = Math.min(options.maxWorkers ?? os.availableParallelism(), inputs.length);
  const results: CompactParse[] = new Array(inputs.length);
  const deliver = (index: number, result: CompactParse) => {
    results[index] = result;
    options.onResult?.(index, result);
  };
  const helpers = helperCount(total, threads, options.minParallelChars);
  if (helpers === 0 || !fs.existsSync(script)) {
    inputs.forEach((input, index) => deliver(index, parseCompact(input)));
    return results;
  }
  const batches = planBatches(inputs);
  /** Batches not yet taken, in order; a retired worker's batches are put back. */
  const queue = batches.map((_, id) => id);
  const take = () => queue.shift();

  const pool: Worker[] = [];
  let busyWorkers = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const startWorker = () => {
    const worker = new Worker(script);
    pool.push(worker);
    const held = new Set<number>();
    let retired = false;
    busyWorkers++;
    const feed = () => {
      while (!retired && held.size < IN_FLIGHT) {
        const id = take();
        if (id === undefined) break;
        held.add(id);
        worker.postMessage({ id, inputs: batches[id].map((index) => inputs[index]) });
      }
      if (held.size === 0 && !retired) {
        retired = true;
        busyWorkers--;
        notify();
      }
    };
    worker.on('message', (message: WorkerResults) => {
      held.delete(message.id);
      feed();
      batches[message.id].forEach((index, position) => {
        const result = message.results[position];
        deliver(index, { compact: JSON.parse(result.compact) as CompactParse['compact'], codes: result.codes, json: result.compact });
      });
    });
    const fail = () => {
      if (retired) return;
      retired = true;
      busyWorkers--;
      // Its batches go back to the front of the queue, for this thread or another worker.
      queue.unshift(...held);
      held.clear();
      notify();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    feed();
  };
  try {
    for (let count = 0; count < helpers; count++) startWorker();
    for (;;) {
      const id = take();
      if (id !== undefined) {
        for (const index of batches[id]) deliver(index, parseCompact(inputs[index]));
        // Let the workers' results and requests for more come in.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (busyWorkers === 0) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const worker of pool) {
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
  }
  return results;
}
