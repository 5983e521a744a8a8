import * as assert from 'node:assert/strict';
import { isWebviewMessage } from '../../../src/webview/protocol';

describe('messages from the Summary page', () => {
  it('accepts each event the page posts', () => {
    assert.equal(isWebviewMessage({ type: 'didLoad' }), true);
    assert.equal(isWebviewMessage({ type: 'didRender', table: 'sources', rows: 5, columns: 3, heatCells: 10 }), true);
    assert.equal(isWebviewMessage({ type: 'didChooseTable', request: { table: 'tensions', by: 'partnership' } }), true);
    assert.equal(isWebviewMessage({ type: 'didClickExport', format: 'csv' }), true);
  });

  it('rejects anything else: unknown types, missing or mistyped fields, formats the host cannot write', () => {
    for (const message of [null, 'didLoad', {}, { type: 'runCommand' }, { type: 'didRender', table: 'x' }, { type: 'didChooseTable', request: { table: 1 } },
      { type: 'didChooseTable', request: { table: 'sources', by: 3 } }, { type: 'didClickExport', format: 'exe' }]) {
      assert.equal(isWebviewMessage(message), false, JSON.stringify(message));
    }
  });
});
