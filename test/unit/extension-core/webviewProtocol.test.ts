import * as assert from 'node:assert/strict';
import { cleanRequest, isWebviewMessage } from '../../../src/webview/protocol';

describe('messages from the Summary page', () => {
  it('accepts each event the page posts', () => {
    assert.equal(isWebviewMessage({ type: 'didLoad' }), true);
    assert.equal(isWebviewMessage({ type: 'didRender', table: 'sources', rows: 5, columns: 3, heatCells: 10 }), true);
    assert.equal(isWebviewMessage({ type: 'didChooseTable', request: { table: 'tensions', by: 'partnership' } }), true);
    assert.equal(isWebviewMessage({ type: 'didClickExport', format: 'csv' }), true);
    assert.equal(isWebviewMessage({ type: 'didChooseTable', request: { table: 'cooccurrence', coder: 'pg', group: 'tensions', where: 'type=interview', asOf: 'step2', rows: '*', cols: 'mechanisms' } }), true);
    assert.equal(isWebviewMessage({ type: 'didClickCell', row: 'T1', column: 'HS-P1' }), true);
    assert.equal(isWebviewMessage({ type: 'didClickCell', row: 'T1', column: 'quotes', quote: 1 }), true);
    assert.equal(isWebviewMessage({ type: 'didRenderExcerpts', items: 4 }), true);
    assert.equal(isWebviewMessage({ type: 'didClickExcerpt', index: 0 }), true);
  });

  it('keeps only the known, non-empty fields of a request', () => {
    assert.deepEqual(cleanRequest({ table: 'sources', by: '', coder: 'pg', extra: 'x' } as never), { table: 'sources', coder: 'pg' });
  });

  it('rejects anything else: unknown types, missing or mistyped fields, formats the host cannot write', () => {
    for (const message of [null, 'didLoad', {}, { type: 'runCommand' }, { type: 'didRender', table: 'x' }, { type: 'didChooseTable', request: { table: 1 } },
      { type: 'didChooseTable', request: { table: 'sources', by: 3 } }, { type: 'didClickExport', format: 'exe' },
      { type: 'didChooseTable', request: { table: 'sources', coder: ['pg'] } }, { type: 'didClickCell', row: 'T1' },
      { type: 'didClickCell', row: 'T1', column: 'x', quote: -1 }, { type: 'didClickExcerpt', index: 1.5 }, { type: 'didRenderExcerpts' }]) {
      assert.equal(isWebviewMessage(message), false, JSON.stringify(message));
    }
  });
});
