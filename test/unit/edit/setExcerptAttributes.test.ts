import { strict as assert } from 'node:assert';
import { setExcerptAttributes } from '../../../src/core/edit/setExcerptAttributes';
import { applied, parse } from './helpers';

function change(text: string, memo: string | null | undefined, exemplar?: boolean) {
  const parsed = parse(text);
  return setExcerptAttributes(text, parsed, parsed.source.excerpts[0], { memo, exemplar });
}

describe('setExcerptAttributes', () => {
  it('adds a memo after the other attributes, keeping them byte for byte', () => {
    const text = 'a :code[b]{.T1  by=pg confidence=\'high\'} c\n';
    assert.equal(applied(text, change(text, 'why')), 'a :code[b]{.T1  by=pg confidence=\'high\' memo=why} c\n');
  });

  it('changes a memo where it is written', () => {
    const text = 'a :code[b]{.T1 memo="old" by=pg} c\n';
    assert.equal(applied(text, change(text, 'new one')), 'a :code[b]{.T1 memo="new one" by=pg} c\n');
  });

  it('removes a memo with the space before it', () => {
    const text = 'a :code[b]{.T1 memo="old" by=pg} c\n';
    assert.equal(applied(text, change(text, null)), 'a :code[b]{.T1 by=pg} c\n');
  });

  it('reads back a memo with quotes, line breaks, brackets and backslashes in a container', () => {
    const text = ':::code{.T1}\nOne.\n:::\n';
    const memo = 'a\nb "q" \\ [x] & é';
    const after = applied(text, change(text, memo));
    assert.equal(parse(after).source.excerpts[0].memo, memo);
  });

  it('turns exemplar on and off', () => {
    const text = 'a :code[b]{.T1} c\n';
    const on = applied(text, change(text, undefined, true));
    assert.equal(on, 'a :code[b]{.T1 exemplar} c\n');
    assert.equal(applied(on, change(on, undefined, false)), text);
  });
});
