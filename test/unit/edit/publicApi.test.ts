import { strict as assert } from 'node:assert';
import * as editApi from '../../../src/core/edit/index';
import { excerptAt, plainRangeOf } from '../../../src/core/edit/index';
import { parse } from './helpers';

describe('edit engine public API', () => {
  it('exports exactly the documented functions and values', () => {
    assert.deepEqual(Object.keys(editApi).sort(), [
      'CODE_ID',
      'applyTextEdits',
      'codeRange',
      'directivesOfSource',
      'editCodebookText',
      'excerptAt',
      'excerptDirectives',
      'insertCodings',
      'invertEdits',
      'plainRangeOf',
      'recodeTranscript',
      'setExcerptAttributes',
      'sortTextEdits',
      'uncode',
      'verifyEdits',
    ]);
  });

  it('finds the innermost excerpt at a file offset, narrowed by code or coder', () => {
    const text = 'a :code[b :code[c]{.T2 by=rk} d]{.T1 by=pg}\n';
    const parsed = parse(text);
    const offset = text.indexOf('c]');
    assert.deepEqual(excerptAt(parsed, offset)?.codes, ['T2']);
    assert.deepEqual(excerptAt(parsed, offset, { code: 'T1' })?.codes, ['T1']);
    assert.equal(excerptAt(parsed, offset, { coder: 'zz' }), undefined);
    assert.equal(excerptAt(parsed, 0), undefined);
  });

  it('maps an editor selection in the file to code points of the plain text', () => {
    const text = '😀 :code[ab]{.T1} cd\n';
    const parsed = parse(text);
    assert.deepEqual(plainRangeOf(parsed, text.indexOf('cd'), text.indexOf('a')), { start: 2, end: 5 });
  });
});
