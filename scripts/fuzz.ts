/**
 * A long run of the edit engine's property test (see
 * test/unit/edit/editEngine.property.test.ts): random transcripts, random
 * sequences of code, uncode, memo and rename requests; the plain text must
 * never change and the codings must read back exactly.
 *
 *   npm run fuzz                      20,000 cases, a random seed
 *   npm run fuzz -- --runs 2000       fewer cases (what CI runs)
 *   npm run fuzz -- --seed 42         a seed again (or FUZZ_RUNS=100000 FUZZ_SEED=42 npm run fuzz)
 *
 * Prints the seed, the number of cases and steps, the time, and what was
 * done and refused; exits 1 with the counterexample when the property fails,
 * or when the re-parse guard had to refuse a coding the engine built.
 */
import fc from 'fast-check';
import { numberOption } from './numberOption';
import { newTally, runSteps, step, transcript } from '../test/unit/edit/editModel';

/** A whole-number option of this script. */
function option(name: string, variable: string, fallback: number): number {
  return numberOption('fuzz', name, variable, fallback);
}

const runs = option('runs', 'FUZZ_RUNS', 20_000);
const seed = option('seed', 'FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
const tally = newTally();
let steps = 0;
const started = Date.now();
console.log(`fuzz: ${runs} cases, seed ${seed}`);
try {
  fc.assert(
    fc.property(transcript, fc.array(step, { minLength: 1, maxLength: 8 }), (text, requests) => {
      steps += requests.length;
      runSteps(text, requests, tally);
    }),
    { numRuns: runs, seed, verbose: 1 },
  );
} catch (error) {
  console.error(String((error as Error).message));
  console.error(`fuzz: FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
  process.exit(1);
}
const seconds = (Date.now() - started) / 1000;
const done = Object.values(tally.done).reduce((sum, value) => sum + value, 0);
const refused = Object.values(tally.refused).reduce((sum, value) => sum + value, 0);
console.log(`fuzz: ${runs} cases, ${steps} requests (${done} carried out, ${refused} refused) in ${seconds.toFixed(1)} s, seed ${seed}: passed`);
console.log('carried out:', JSON.stringify(tally.done));
console.log('refused because:', JSON.stringify(tally.reasons, null, 1));
// Uncoding can meet text the markup cannot express without the directive (a lone `\` right before a nested one).
for (const example of tally.examples.filter((item) => item.startsWith('cannot uncode'))) console.log('uncode refused:', example);
// A coding the engine built but its re-parse guard had to refuse is a placement bug, even though nothing was written.
const guarded = tally.examples.filter((example) => example.startsWith('cannot code'));
if (guarded.length > 0) {
  console.error(`fuzz: the re-parse guard refused ${guarded.length} coding(s) the engine built:\n${guarded.join('\n')}`);
  process.exit(1);
}
