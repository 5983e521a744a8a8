/**
 * A long run of the transcript scanner's differential test (see
 * test/unit/syntax/scannerDifferential.test.ts and
 * test/unit/edit/layoutDifferential.test.ts): random documents read by the
 * scanner and by micromark must give the same facts, and the same edit layout
 * (block and inline positions) as an mdast parse.
 *
 *   npm run fuzz:parser                        1,000,000 documents, a random seed
 *   npm run fuzz:parser -- --runs 20000        fewer
 *   npm run fuzz:parser -- --seed 42           a seed again (or FUZZ_RUNS / FUZZ_SEED)
 *
 * Prints the seed, the number of documents the scanner read and left to
 * micromark, and the time; exits 1 with the shrunk document when they differ.
 */
import fc from 'fast-check';
import { numberOption } from './numberOption';
import { difference, document, type ScanTally } from '../test/unit/syntax/scannerModel';
import { layoutDifference } from '../test/unit/edit/layoutModel';

/** A whole-number option of this script. */
function option(name: string, variable: string, fallback: number): number {
  return numberOption('fuzz:parser', name, variable, fallback);
}

const runs = option('runs', 'FUZZ_RUNS', 1_000_000);
const seed = option('seed', 'FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
const tally: ScanTally = { scanned: 0, fellBack: 0 };
const started = Date.now();
/** Documents per round: each round prints its progress, with a seed of its own (the seed given, plus the round). */
const ROUND = 50_000;
console.log(`fuzz:parser: ${runs} documents, seed ${seed}`);
for (let done = 0, round = 0; done < runs; done += ROUND, round++) {
  const count = Math.min(ROUND, runs - done);
  try {
    fc.assert(
      fc.property(document, (text) => {
        const found = difference(text, tally) ?? layoutDifference(text);
        if (found) throw new Error(found);
      }),
      { numRuns: count, seed: seed + round },
    );
  } catch (error) {
    console.error(String((error as Error).message));
    console.error(`fuzz:parser: FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s (round seed ${seed + round}: npm run fuzz:parser -- --runs ${count} --seed ${seed + round})`);
    process.exit(1);
  }
  if (count < runs) console.log(`fuzz:parser: ${done + count} documents passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const seconds = (Date.now() - started) / 1000;
console.log(`fuzz:parser: ${runs} documents in ${seconds.toFixed(1)} s, seed ${seed}: passed (${tally.scanned} read by the scanner, ${tally.fellBack} left to micromark)`);
