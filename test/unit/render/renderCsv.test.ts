import assert from 'node:assert/strict';
import { escapeCsvField, renderCsv } from '../../../src/core/render/renderCsv';
import { HOSTILE_QUOTE, hostileTable } from './hostileStudy';

/** A small RFC 4180 reader, to read back what the renderer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return rows;
}

describe('renderCsv', () => {
  it('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    assert.equal(escapeCsvField('plain'), 'plain');
    assert.equal(escapeCsvField('a,b'), '"a,b"');
    assert.equal(escapeCsvField('say "hi"'), '"say ""hi"""');
    assert.equal(escapeCsvField('one\ntwo'), '"one\ntwo"');
  });

  it('reads back to the same values, one header row and CRLF line ends', () => {
    const csv = renderCsv(hostileTable());
    const rows = parseCsv(csv);
    assert.deepEqual(rows[0], [
      'key',
      'Tension',
      'depth',
      'North "East" excerpts',
      'North "East" sources',
      'Yorkshire & Humber excerpts',
      'Yorkshire & Humber sources',
      'Total excerpts',
      'Total sources',
      'Exemplar quotes',
    ]);
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[2].slice(0, 9), ['T1a', 'T1a Sub, with comma', '1', '0', '0', '1', '1', '1', '1']);
    assert.equal(rows[2][9], `“${HOSTILE_QUOTE.replace('\n', ' ')}” (P1, S1)`);
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(!csv.startsWith('\uFEFF'));
  });

  it('starts with a byte order mark when asked', () => {
    assert.ok(renderCsv(hostileTable(), { bom: true }).startsWith('\uFEFFkey,'));
  });
});
