import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { document } from '../syntax/scannerModel';
import { layoutDifference } from './layoutModel';

describe('edit layout from the transcript scanner against mdast (differential)', function () {
  this.timeout(120_000);

  it('gives the same blocks, text ranges, hazards, code blocks and fences for 5,000 random documents', () => {
    let scanned = 0;
    fc.assert(
      fc.property(document, (text) => {
        const found = layoutDifference(text);
        if (found === undefined) return;
        scanned++;
        if (found) throw new Error(found);
      }),
      { numRuns: 5_000, seed: 2026 },
    );
    // The test means something only when the scanner lays out a good share of the documents itself.
    assert.ok(scanned > 1_000, `the scanner laid out only ${scanned} documents itself`);
  });
});
