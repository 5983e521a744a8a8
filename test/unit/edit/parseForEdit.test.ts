import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import { layoutOf, readTranscriptLayout } from '../../../src/core/edit/transcriptLayout';
import { parseTranscriptForEdit, parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';
import { document } from '../syntax/scannerModel';

/** The parts of a layout that come from the block record (the rest comes from the facts). */
const FIELDS = ['textBlocks', 'flowBlocks', 'hazards', 'literalBlocks', 'fences', 'codes'] as const;

describe('parseTranscriptForEdit: facts and layout positions in one scan', function () {
  this.timeout(120_000);

  it('gives the parse parseTranscriptWithMap gives, and the layout a separate scan gives, for 1,500 random documents', () => {
    let recorded = 0;
    fc.assert(
      fc.property(document, fc.boolean(), (body, bom) => {
        const text = (bom ? '\ufeff' : '') + body;
        const forEdit = parseTranscriptForEdit(text, { path: 'random.md' });
        const plain = parseTranscriptWithMap(text, { path: 'random.md' });
        const { blocks, ...rest } = forEdit;
        assert.ok(isDeepStrictEqual(rest, plain), `the parse differs for ${JSON.stringify(text)}`);
        if (blocks) recorded++;
        // Asked twice (a command lays out the same parse more than once): the same both times.
        for (let round = 0; round < 2; round++) {
          const once = layoutOf(body, forEdit);
          const separate = readTranscriptLayout(body, plain.facts, plain.map);
          for (const field of FIELDS) assert.ok(isDeepStrictEqual(once[field], separate[field]), `${field} differs for ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 1_500, seed: 2026_1206 },
    );
    assert.ok(recorded > 300, `the scanner recorded the positions of only ${recorded} documents itself`);
  });
});
