import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseCompact, type CompactParse, type CompactParseInput } from '../core/syntax/parseCompact';
import { transcriptReaderFromEnv } from './transcriptReaderFromEnv';

transcriptReaderFromEnv();

/**
 * Least free cores (this thread's included) for which worker threads are
 * started by default. On the two-core machine measured, this thread and one
 * worker took 1.2–1.8× the time of this thread alone at load averages of 3
 * to 8, though the worker parsed half the batches (sending it inputs, reading
 * and restoring its results and collecting garbage cost this thread more than
 * it saved), and workers alone took 1.2–1.4× on a quiet machine.
 */
const MIN_THREADS_FOR_WORKERS = 3;
/** Below this much text, starting a worker thread costs more than it saves. */
const MIN_PARALLEL_CHARS = 400_000;
/** Work is dealt out in batches of about this many characters, so no thread idles long at the end. */
const BATCH_CHARS = 100_000;
/** Batches a worker holds at once: one to parse, one waiting, so it never waits for this thread to hand it the next. */
const IN_FLIGHT = 2;
/** After this long without an answer from any worker while this thread has nothing left to do, it parses what the workers hold. */
const STALL_MS = 1000;

/** Options of `parseAll`. */
export interface ParseAllOptions {
  /**
   * Threads at most, this one included (below 2, everything is parsed on this
   * thread). Default: one per core that other work leaves free (see
   * `freeCores`), and only this thread when fewer than three are free.
   */
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
 * Cores not busy with other work: the cores less the load average of the last
 * minute, rounded (this process's own running thread counts in the load, so
 * one busy core is rounded away), and at least one. A worker thread on a core
 * that is already busy only takes time from this thread.
 */
export function freeCores(cores: number = os.availableParallelism(), load: number = os.loadavg()[0]): number {
  return Math.max(1, Math.min(cores, Math.round(cores - load + 1)));
}

/** Threads used when the caller does not say: the free cores, or this thread alone when fewer than three are free. */
export function defaultThreads(free: number): number {
  return free >= MIN_THREADS_FOR_WORKERS ? free : 1;
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
  const threads = Math.min(options.maxWorkers ?? defaultThreads(freeCores()), inputs.length);
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
  /** Batches not yet taken, in order; a failed worker's batches are put back. */
  const queue = batches.map((_, id) => id);
  const done = new Uint8Array(batches.length);
  let remaining = batches.length;
  /** Marks a batch done; false when it already was (a batch taken back from a worker, then finished by it too). */
  const finish = (id: number) => {
    if (done[id] === 1) return false;
    done[id] = 1;
    remaining--;
    return true;
  };
  /** Batches sent to each live worker and not yet answered, in the order sent. */
  const held: number[][] = [];
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  /**
   * A batch a worker holds but has not started (the last of two sent), which
   * this thread takes back rather than idle; after a stall, any batch a worker
   * holds. Whichever thread finishes a batch first delivers it.
   */
  const takeBack = (stalled: boolean) => {
    for (const sent of held) if (sent.length >= (stalled ? 1 : IN_FLIGHT)) return sent.pop();
    return undefined;
  };

  const pool: Worker[] = [];
  const startWorker = () => {
    const worker = new Worker(script);
    pool.push(worker);
    const sent: number[] = [];
    held.push(sent);
    let gone = false;
    const feed = () => {
      while (!gone && sent.length < IN_FLIGHT && queue.length > 0) {
        const id = queue.shift() as number;
        sent.push(id);
        worker.postMessage({ id, inputs: batches[id].map((index) => inputs[index]) });
      }
    };
    worker.on('message', (message: WorkerResults) => {
      const at = sent.indexOf(message.id);
      if (at !== -1) sent.splice(at, 1);
      feed();
      if (finish(message.id)) {
        batches[message.id].forEach((index, position) => {
          const result = message.results[position];
          deliver(index, { compact: JSON.parse(result.compact) as CompactParse['compact'], codes: result.codes, json: result.compact });
        });
      }
      notify();
    });
    const fail = () => {
      if (gone) return;
      gone = true;
      // Its batches go back to the front of the queue, for this thread or another worker.
      queue.unshift(...sent.filter((id) => done[id] === 0));
      sent.length = 0;
      notify();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    feed();
  };
  try {
    for (let count = 0; count < helpers; count++) startWorker();
    let stalled = false;
    while (remaining > 0) {
      const id = queue.shift() ?? takeBack(stalled);
      if (id === undefined) {
        stalled = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), STALL_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        continue;
      }
      if (finish(id)) for (const index of batches[id]) deliver(index, parseCompact(inputs[index]));
      // Let the workers' results and requests for more come in.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    for (const worker of pool) {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
    }
  }
  return results;
}
