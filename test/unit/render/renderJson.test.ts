import assert from 'node:assert/strict';
import { renderJson } from '../../../src/core/render/renderJson';
import { hostileTable } from './hostileStudy';

describe('renderJson', () => {
  it('gives the table as data with the excerpt references behind each cell', () => {
    const data = JSON.parse(renderJson(hostileTable()));
    assert.equal(data.table, 'tensions');
    assert.deepEqual(data.columns.map((c: { key: string }) => c.key), ['North "East"', 'Yorkshire & Humber', 'total', 'quotes']);
    const sub = data.rows.find((r: { key: string }) => r.key === 'T1a');
    const cell = sub.cells[1];
    assert.equal(cell.column, 'Yorkshire & Humber');
    assert.equal(cell.excerpts, 1);
    assert.equal(cell.sources, 1);
    // "P1: " is 4 code points; the quote is 69.
    assert.deepEqual(cell.refs, [{ source: "S1", path: "S1.md", start: 4, end: 73, line: 1, id: null }]);
  });

  it('writes the same text for the same table, keys in a fixed order', () => {
    const first = renderJson(hostileTable());
    assert.equal(renderJson(hostileTable()), first);
    assert.deepEqual(Object.keys(JSON.parse(first)), ['version', 'table', 'title', 'caption', 'rowHeader', 'columns', 'rows', 'notes']);
  });
});
