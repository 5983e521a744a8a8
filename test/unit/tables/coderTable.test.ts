import assert from 'node:assert/strict';
import { coderTable } from '../../../src/core/analysis/tables/coderTable';
import { makeCodebook, makeSource, smallStudy } from './corpus';
import { cellText, row, rowTexts, tableOf } from './lookup';

describe('coderTable', () => {
  it('summarises each coder: sources read and coded, excerpts, codes, words and memos', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(coderTable(sources, codebook));
    assert.deepEqual(table.rows.map((r) => r.key), ['ann', 'bob']);
    assert.deepEqual(rowTexts(table, 'ann'), ['2', '2', '6', '7', 'T1, T1a, T1b, T2, M1, M2, X9', '22', '1', '“money again” (S1)']);
    assert.deepEqual(rowTexts(table, 'bob'), ['2', '2', '3', '3', 'T1a, T1b, T2', '15', '1', '“compare with S1” (S2)']);
  });

  it('counts a source listed in coders: as read even when the coder coded nothing there', () => {
    const codebook = makeCodebook([{ id: 'T1' }]);
    const sources = [
      makeSource('A', 'one two', [{ phrase: 'one', codes: ['T1'], coder: 'ann' }], {}, ['ann']),
      makeSource('B', 'three four', [], {}, ['ann']),
    ];
    const table = tableOf(coderTable(sources, codebook));
    assert.equal(cellText(table, 'ann', 'read'), '2');
    assert.equal(cellText(table, 'ann', 'coded'), '1');
  });

  it('gathers excerpts without by= in a flagged row', () => {
    const codebook = makeCodebook([{ id: 'T1' }]);
    const sources = [makeSource('A', 'one two', [{ phrase: 'one', codes: ['T1'] }])];
    const table = tableOf(coderTable(sources, codebook));
    assert.deepEqual(table.rows.map((r) => r.key), ['(no coder)']);
    assert.ok(row(table, '(no coder)').flags.includes('no-coder'));
    assert.equal(cellText(table, '(no coder)', 'excerpts'), '1');
  });

  it('shows only the chosen coder when filtered', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(coderTable(sources, codebook, { coders: ['bob'] }));
    assert.deepEqual(table.rows.map((r) => r.key), ['bob']);
  });

  it('refuses an unknown coder, naming the coders', () => {
    const { sources, codebook } = smallStudy();
    const result = coderTable(sources, codebook, { coders: ['cat'] });
    assert.equal(result.table, null);
    assert.match(result.problems.find((p) => p.severity === 'error')?.message ?? '', /unknown coder 'cat' \(coders: ann, bob\)/);
  });
});
