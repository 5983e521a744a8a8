import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { partitionPoint } from '../../../src/core/util/partitionPoint';

describe('partitionPoint', () => {
  it('finds where a sorted list stops being before a value, as a walk from the start does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, wanted) => {
        const sorted = [...values].sort((a, b) => a - b);
        const walked = sorted.findIndex((value) => value >= wanted);
        assert.equal(partitionPoint(sorted.length, (index) => sorted[index] < wanted), walked === -1 ? sorted.length : walked);
      }),
      { numRuns: 2000, seed: 2026_1206 },
    );
  });
});
