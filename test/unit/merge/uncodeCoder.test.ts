import { strict as assert } from 'node:assert';
import { uncodeCoder } from '../../../src/core/merge/uncodeCoder';
import { applyTextEdits } from '../../../src/core/edit/textEdit';
import { codingsOf, parse } from './mergeModel';

describe('uncodeCoder', () => {
  const text = ':::code{.F2 by=pg}\nP1: :code[We met :code[the residents]{.T1 by=rk} in the hall]{.M3 by=pg} and :code[talked]{.T1 by=rk id=a} :code[for hours]{.T1 by=rk id=a}.\n:::\n';

  it('removes every excerpt of one coder, keeps the others’ and the plain text', () => {
    const result = uncodeCoder(text, parse(text), 'pg');
    assert.ok(result.ok);
    const after = applyTextEdits(text, result.edits);
    assert.equal(parse(after).source.plainText, parse(text).source.plainText);
    assert.deepEqual(codingsOf(after), codingsOf(text).filter((line) => !line.startsWith('pg ')));
    assert.ok(codingsOf(after).length > 0);
  });

  it('gives no edits for a coder without excerpts', () => {
    assert.deepEqual(uncodeCoder(text, parse(text), 'sm'), { ok: true, edits: [] });
  });
});
