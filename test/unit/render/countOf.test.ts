import assert from 'node:assert/strict';
import { countOf } from '../../../src/core/render/countOf';

describe('countOf', () => {
  it('puts the noun in the singular for exactly one and in the plural otherwise', () => {
    assert.deepEqual([0, 1, 2, 1.5].map((count) => countOf(count, 'transcript')), ['0 transcripts', '1 transcript', '2 transcripts', '1.5 transcripts']);
  });

  it('takes an irregular plural', () => {
    assert.equal(countOf(1, 'copy', 'copies'), '1 copy');
    assert.equal(countOf(2, 'copy', 'copies'), '2 copies');
  });
});
