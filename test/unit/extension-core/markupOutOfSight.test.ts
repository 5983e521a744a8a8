import { strict as assert } from 'node:assert';
import { emptyCodebook } from '../../../src/core/codebook/emptyCodebook';
import { codingLayout } from '../../../src/core/editor/codingLayout';
import { markupOutOfSight } from '../../../src/core/editor/markupOutOfSight';
import { ownCodingsOf } from '../../../src/core/index/ownCodings';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

describe('markupOutOfSight (folding the other coders\' markup while coding blind)', () => {
  const text = [
    'P1: :code[mine]{.T1 by=pg} and :code[theirs]{.T2 by=rk}.',
    '',
    ':::code{.M1 by=rk}',
    'A paragraph with :code[my words]{.T3 by=pg} inside theirs.',
    ':::',
    '',
  ].join('\n');
  const source = parseTranscript(text, { path: 'a.md' });
  const codebook = emptyCodebook();
  const all = codingLayout(source, text, codebook).markup;

  it('folds exactly the markup of the hidden codings, so the text reads as if only mine were there', () => {
    const shown = codingLayout(ownCodingsOf(source, 'pg'), text, codebook).markup;
    const hidden = markupOutOfSight(all, shown);
    const pieces = hidden.map((range) => text.slice(range.start, range.end));
    assert.ok(pieces.some((piece) => piece.startsWith(':code[') && text.slice(hidden[0].end).startsWith('theirs')), pieces.join(' | '));
    assert.ok(pieces.some((piece) => piece.includes('by=rk}')), 'the attribute block of rk\'s span');
    assert.ok(pieces.some((piece) => piece.includes(':::code{.M1 by=rk}')), 'the opening fence of rk\'s container');
    assert.ok(!pieces.some((piece) => piece.includes('pg')), 'none of pg\'s markup is folded');
    let rest = '';
    let at = 0;
    for (const range of hidden) {
      rest += text.slice(at, range.start);
      at = range.end;
    }
    rest += text.slice(at);
    assert.ok(rest.includes('P1: :code[mine]{.T1 by=pg} and theirs.'), rest);
  });

  it('folds nothing when every coding shows, and everything when none does', () => {
    assert.deepEqual(markupOutOfSight(all, all), []);
    assert.deepEqual(markupOutOfSight(all, []), all.filter((range) => range.end > range.start));
  });
});
