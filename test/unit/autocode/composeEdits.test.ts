import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { composeEdits } from '../../../src/core/edit/composeEdits';
import { applyTextEdits, sortTextEdits, type TextEdit } from '../../../src/core/edit/textEdit';

/** Non-overlapping random edits of a text of `length` UTF-16 units. */
function editsOf(length: number): fc.Arbitrary<TextEdit[]> {
  return fc
    .array(fc.tuple(fc.nat(length), fc.nat(3), fc.constantFrom('', 'x', ':code[', ']{.A}', '\n:::\n')), { maxLength: 6 })
    .map((items) => {
      const edits: TextEdit[] = [];
      let cursor = 0;
      for (const [at, width, newText] of [...items].sort((a, b) => a[0] - b[0])) {
        const start = Math.max(at, cursor);
        const end = Math.min(length, start + width);
        if (start > length) break;
        edits.push({ start, end, newText });
        cursor = end + (end > start ? 0 : 1);
      }
      return edits.filter((edit) => edit.start <= length);
    });
}

describe('composeEdits', () => {
  it('does what the first edits then the second do, as edits of the original text that never overlap', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }).chain((text) => fc.tuple(fc.constant(text), editsOf(text.length))),
        fc.nat(),
        ([text, first], seed) => {
          const middle = applyTextEdits(text, first);
          const second = fc.sample(editsOf(middle.length), { numRuns: 1, seed })[0];
          const composed = composeEdits(text, first, second);
          assert.equal(applyTextEdits(text, composed), applyTextEdits(middle, second));
          assert.doesNotThrow(() => sortTextEdits(composed));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('merges an insertion into text the first edits inserted with that edit', () => {
    const composed = composeEdits('ab', [{ start: 1, end: 1, newText: 'XY' }], [{ start: 2, end: 2, newText: '-' }]);
    assert.deepEqual(composed, [{ start: 1, end: 1, newText: 'X-Y' }]);
  });
});
