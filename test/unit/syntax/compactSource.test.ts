import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCompact } from '../../../src/core/syntax/parseCompact';
import { restoreSource, StringPool } from '../../../src/core/syntax/compactSource';
import { document } from './scannerModel';

const input = (text: string) => ({ text, path: 'x/s1.md', hash: 'h', bom: false, writable: true, diagnostics: [] });

describe('restoring a compact source on the thread that parsed it', () => {
  it('gives the source a copy of the compact form (as read from the cache) gives, for random transcripts', () => {
    fc.assert(
      fc.property(document, (text) => {
        const { compact } = parseCompact(input(text));
        const copy = JSON.parse(JSON.stringify(compact));
        const pool = new StringPool();
        const restored = restoreSource(compact, text, pool);
        const fromCopy = restoreSource(copy, text, new StringPool());
        assert.deepEqual(restored, fromCopy);
        assert.equal(JSON.stringify(restored), JSON.stringify(fromCopy));
        // Restored twice, the second time from the compact form alone: the same again.
        assert.deepEqual(restoreSource(compact, text, pool), fromCopy);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('shares the code lists of the sources it restores through the pool', () => {
    const text = '**P1:** :code[a]{.A .B by=pg}\n\n**P1:** :code[b]{.A .B by=pg}\n';
    const pool = new StringPool();
    const one = restoreSource(parseCompact(input(text)).compact, text, pool);
    const two = restoreSource(parseCompact(input(text)).compact, text, pool);
    assert.equal(one.excerpts[0].codes, two.excerpts[1].codes);
    assert.equal(one.excerpts.length, 2);
  });

  it('builds the source again when the text differs from the one parsed', () => {
    const text = ':code[a]{.A}\n';
    const other = ':code[b]{.A}\n';
    const { compact } = parseCompact(input(text));
    assert.equal(restoreSource(compact, other).excerpts[0].text, 'b');
  });
});
