import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { difference, document, type ScanTally } from './scannerModel';

describe('transcript scanner against micromark (differential)', function () {
  this.timeout(120_000);

  it('reads the same facts as micromark for 10,000 random documents', () => {
    const tally: ScanTally = { scanned: 0, fellBack: 0 };
    fc.assert(
      fc.property(document, (text) => {
        const found = difference(text, tally);
        if (found) throw new Error(found);
      }),
      { numRuns: 10_000, seed: 1717 },
    );
    // The test means something only when the scanner decides most documents itself.
    assert.ok(tally.scanned > 2_000, `the scanner decided only ${tally.scanned} documents (${tally.fellBack} left to micromark)`);
  });
});
