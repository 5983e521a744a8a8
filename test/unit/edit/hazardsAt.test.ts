import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { hazardsOverlapping } from '../../../src/core/edit/hazardsAt';
import type { InlineHazard } from '../../../src/core/edit/transcriptLayout';

/** Hazards sorted by start, nested and overlapping at random, some empty, some long. */
const hazards = fc
  .array(fc.tuple(fc.nat(200), fc.nat(60)), { maxLength: 40 })
  .map((pairs) => pairs.map(([start, length]): InlineHazard => ({ start, end: start + length, inner: null, what: 'x' })).sort((a, b) => a.start - b.start));

describe('hazardsOverlapping', () => {
  it('finds exactly the hazards a walk over all of them finds, in the same order', () => {
    fc.assert(
      fc.property(hazards, fc.nat(260), fc.nat(40), (list, from, length) => {
        const to = from + length;
        const walked = list.filter((hazard) => hazard.start < to && hazard.end > from);
        assert.deepEqual(hazardsOverlapping(list, from, to), walked);
        // Asked again (the largest ends are kept per list): the same.
        assert.deepEqual(hazardsOverlapping(list, from, to), walked);
      }),
      { numRuns: 3000, seed: 2026_1206 },
    );
  });

  it('finds a long hazard that starts long before the range, past shorter ones that end before it', () => {
    const list: InlineHazard[] = [
      { start: 0, end: 100, inner: null, what: 'a link' },
      { start: 10, end: 12, inner: null, what: 'inline code' },
      { start: 20, end: 22, inner: null, what: 'inline code' },
    ];
    assert.deepEqual(
      hazardsOverlapping(list, 50, 60).map((hazard) => hazard.what),
      ['a link'],
    );
    assert.deepEqual(hazardsOverlapping(list, 12, 20), [list[0]]);
    assert.deepEqual(hazardsOverlapping(list, 100, 120), []);
  });
});
