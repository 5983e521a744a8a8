import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ownCodings, ownCodingsOf } from '../../../src/core/index/ownCodings';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

const text = [
  'P1: :code[we pay for it]{.T1 by=pg} and :code[nobody asks]{.T2 by=rk}.',
  '',
  ':::code{.M1 by=rk}',
  'A whole paragraph coded by rk.',
  ':::',
  '',
  'P2: :code[no coder here]{.T3} and :code[again mine]{.T2 by=pg}.',
  '',
].join('\n');

describe('ownCodings (Show Only My Codings)', () => {
  const source = parseTranscript(text, { path: 'a.md' });

  it('keeps only the codings whose by= is the coder, in file order', () => {
    assert.equal(source.excerpts.length, 5);
    assert.deepEqual(ownCodings(source.excerpts, 'pg').map((excerpt) => excerpt.text), ['we pay for it', 'again mine']);
    assert.deepEqual(ownCodings(source.excerpts, 'rk').map((excerpt) => excerpt.codes), [['T2'], ['M1']]);
  });

  it('hides codings without by= and shows nothing to a coder who coded nothing', () => {
    assert.ok(ownCodings(source.excerpts, 'pg').every((excerpt) => excerpt.coder === 'pg'));
    assert.deepEqual(ownCodings(source.excerpts, 'zz'), []);
  });

  it('shows every coding, the very same list, when the mode is off', () => {
    assert.equal(ownCodings(source.excerpts, undefined), source.excerpts);
    assert.equal(ownCodingsOf(source, undefined), source);
  });

  it('gives back the same source when nothing is hidden, and a copy with the original unchanged when something is', () => {
    const mine = parseTranscript(':code[a]{.T1 by=pg} :code[b]{.T2 by=pg}\n', { path: 'b.md' });
    assert.equal(ownCodingsOf(mine, 'pg'), mine);
    const seen = ownCodingsOf(source, 'rk');
    assert.notEqual(seen, source);
    assert.equal(seen.plainText, source.plainText);
    assert.equal(seen.excerpts.length, 2);
    assert.equal(source.excerpts.length, 5);
  });

  it('splits the excerpts between the coders: each excerpt with a coder is seen by exactly that coder', () => {
    const coders = ['pg', 'rk', 'ab'];
    fc.assert(fc.property(fc.array(fc.option(fc.constantFrom(...coders), { nil: null }), { maxLength: 12 }), (bys) => {
      const line = bys.map((by, n) => `:code[w${n}]{.T1${by ? ` by=${by}` : ''}}`).join(' ');
      const parsed = parseTranscript(`${line}\n`, { path: 'c.md' });
      const seen = coders.flatMap((coder) => ownCodings(parsed.excerpts, coder));
      assert.equal(seen.length, bys.filter((by) => by !== null).length);
      for (const coder of coders) assert.ok(ownCodings(parsed.excerpts, coder).every((excerpt) => excerpt.coder === coder));
    }));
  });
});
