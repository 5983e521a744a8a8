import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { scanDirectiveAttributes } from '../../../src/core/render/scanDirectiveAttributes';
import { toPreviewCoding } from '../../../src/core/render/previewCoding';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

/**
 * Property: the preview reads an attribute block exactly when the index
 * (micromark, through parseTranscript) does, and finds the same codes, coder,
 * memo and id.
 */

// Units that matter to the attribute grammar; a line ending is always followed by a letter, so it never starts a block.
const unit = fc.constantFrom('.', '#', 'T', '1', 'a', 'by', 'memo', 'id', 'exemplar', '-', '_', ':', '=', '"', "'", ' ', ' ', '\na', '<', '>', '`', '}', '{', 'é', '&amp;', '!', '😀', '\t');
const block = fc.array(unit, { maxLength: 14 }).map((units) => '{' + units.join(''));

describe('reading attribute blocks as the index does (property)', () => {
  it('accepts and reads the same attribute blocks as micromark', () => {
    fc.assert(
      fc.property(block, (attributes) => {
        const text = `So :code[x]${attributes} tail\n`;
        const source = parseTranscript(text, { path: 'p.md' });
        const start = text.indexOf('{');
        const scanned = scanDirectiveAttributes(text, start, true);
        // The index took the block when it is not in the plain text.
        const indexTook = !source.plainText.includes(attributes);
        assert.equal(scanned !== null, indexTook, `scan ${JSON.stringify(scanned)} for ${JSON.stringify(text)}; plain ${JSON.stringify(source.plainText)}`);
        if (!scanned) return;
        assert.equal(source.plainText, `So x${text.slice(scanned.end, -1)}\n`, 'the block ends where the index ends it');
        const excerpt = source.excerpts[0];
        const coding = toPreviewCoding(scanned.attributes);
        assert.deepEqual(coding.codes, excerpt.codes);
        assert.equal(coding.coder, excerpt.coder);
        assert.equal(coding.memo, excerpt.memo);
        assert.equal(coding.id ?? '', excerpt.id ?? '');
      }),
      { numRuns: 1000, seed: 20261125 },
    );
  });

  it('refuses line endings in a container fence and reads a closed block', () => {
    assert.equal(scanDirectiveAttributes('{.T1\n}', 0, false), null);
    assert.deepEqual(scanDirectiveAttributes('{.T1 #e1 by=pg memo="a b" exemplar}', 0, false), {
      end: 35,
      attributes: [['class', 'T1'], ['id', 'e1'], ['by', 'pg'], ['memo', 'a b'], ['exemplar', '']],
    });
  });
});
