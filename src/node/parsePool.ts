import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyseTranscript } from '../core/syntax/analyseTranscript';
import type { TranscriptFacts } from '../core/syntax/transcriptFacts';

/** Below this much text, starting worker threads costs more than it saves. */
const MIN_PARALLEL_CHARS = 400_000;

/**
 * Parses many transcript texts into facts, on worker threads when there is
 * enough text and the bundled worker script is present (one worker per core,
 * at most `maxWorkers`), else on this thread. Results keep the input order.
 */
export async function parseAll(texts: string[], options: { maxWorkers?: number; workerScript?: string } = {}): Promise<TranscriptFacts[]> {
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  const script = options.workerScript ?? path.join(__dirname, 'indexWorker.js');
  const workers = Math.min(options.maxWorkers ?? os.availableParallelism(), texts.length);
  if (total < MIN_PARALLEL_CHARS || workers < 2 || !fs.existsSync(script)) {
    return texts.map((text) => analyseTranscript(text));
  }
  // Deal the texts into batches of similar size, largest first, one queue shared by the workers.
  const order = texts.map((_, index) => index).sort((a, b) => texts[b].length - texts[a].length);
  const batches: number[][] = [];
  const batchChars = Math.max(50_000, Math.ceil(total / (workers * 8)));
  let current: number[] = [];
  let size = 0;
  for (const index of order) {
    current.push(index);
    size += texts[index].length;
    if (size >= batchChars) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  const results: TranscriptFacts[] = new Array(texts.length);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= batches.length) {
          resolve();
          return;
        }
        const id = next++;
        worker.postMessage({ id, texts: batches[id].map((index) => texts[index]) });
      };
      worker.on('message', (message: { id: number; facts: TranscriptFacts[] }) => {
        batches[message.id].forEach((index, position) => (results[index] = message.facts[position]));
        send();
      });
      worker.on('error', reject);
      send();
    });
  const pool = Array.from({ length: workers }, () => new Worker(script));
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}
