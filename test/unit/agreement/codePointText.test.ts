import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { toCodePointText } from '../../../src/core/analysis/agreement/codePointText';

/** Text with characters outside the Basic Multilingual Plane, lone surrogates and plain letters, long enough to pass several checkpoints. */
const text = fc
  .array(fc.constantFrom('a', 'é', '😀', '𝒜', '\ud800', '\udc00', ' ', '日'), { maxLength: 400 })
  .map((parts) => parts.join(''));

describe('toCodePointText', () => {
  it('slices by code point as the string iterator counts them, lone surrogates one each', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -5, max: 450 }), fc.integer({ min: -5, max: 450 }), (value, a, b) => {
        const points = Array.from(value);
        const view = toCodePointText(value);
        assert.equal(view.length, points.length);
        const clamp = (index: number) => Math.max(0, Math.min(points.length, index));
        assert.equal(view.slice(a, b), points.slice(clamp(a), clamp(b)).join(''));
      }),
      { numRuns: 3000, seed: 2026_1206 },
    );
  });
});
