import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { newTally, runSteps, step, transcript } from './editModel';

/**
 * The plain-text invariant of SPEC §3, guarded: for random Unicode
 * transcripts (CRLF, astral characters, emphasis, inline code, links, other
 * directives, existing nested and crossing codings, containers) and any
 * sequence of code, uncode, memo and rename requests, the plain text never
 * changes, no new problem appears, and the codings read back are exactly the
 * ones requested. `npm run fuzz` runs many more cases.
 */
describe('edit engine properties', () => {
  it('keeps the plain text and reads back exactly the requested codings for any sequence of requests', function () {
    this.timeout(120_000);
    const tally = newTally();
    const started = Date.now();
    fc.assert(
      fc.property(transcript, fc.array(step, { minLength: 1, maxLength: 6 }), (text, steps) => {
        runSteps(text, steps, tally);
      }),
      { numRuns: 500, seed: 7_2026_1125, verbose: 1 },
    );
    const done = Object.values(tally.done).reduce((sum, value) => sum + value, 0);
    const refused = Object.values(tally.refused).reduce((sum, value) => sum + value, 0);
    // The guard must not pass by refusing: most requests are carried out, of every kind.
    assert.ok(done > 3 * refused, `done ${JSON.stringify(tally.done)}, refused ${JSON.stringify(tally.refused)}: ${JSON.stringify(tally.reasons)}`);
    // The engine's own placement never needs the re-parse guard to refuse it.
    assert.deepEqual(Object.keys(tally.reasons).filter((reason) => reason.startsWith('cannot code')), []);
    for (const kind of ['code-text', 'code-container', 'code-added-class', 'uncode', 'memo', 'rename']) {
      assert.ok((tally.done[kind] ?? 0) > 5, `too few ${kind}: ${JSON.stringify(tally.done)}`);
    }
    if (process.env.EDIT_TALLY) console.log(Date.now() - started, 'ms', tally);
  });
});
