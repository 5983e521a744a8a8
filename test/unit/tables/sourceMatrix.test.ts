import assert from 'node:assert/strict';
import { sourceMatrix } from '../../../src/core/analysis/tables/sourceMatrix';
import { makeCodebook, makeSource, smallStudy } from './corpus';
import { row, rowTexts, tableOf } from './lookup';

describe('sourceMatrix', () => {
  it('counts excerpts per code and source, with a total of excerpts (sources)', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(sourceMatrix(sources, codebook));
    assert.deepEqual(table.columns.map((c) => c.key), ['S1', 'S2', 'S3', 'total']);
    assert.deepEqual(rowTexts(table, 'T1'), ['0', '0', '1', '1 (1)']);
    assert.deepEqual(rowTexts(table, 'T1a'), ['2', '0', '0', '2 (1)']);
    assert.deepEqual(rowTexts(table, 'T2'), ['1', '1', '1', '3 (3)']);
  });

  it('groups sources by an attribute and shows excerpts (sources)', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(sourceMatrix(sources, codebook, { by: 'partnership' }));
    assert.deepEqual(rowTexts(table, 'T2'), ['2 (2)', '1 (1)', '3 (3)']);
    assert.deepEqual(rowTexts(table, 'T1b'), ['2 (2)', '0 (0)', '2 (2)']);
  });

  it('normalises to excerpts per 1,000 words of each source', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(sourceMatrix(sources, codebook, { normalise: true }));
    // T2: 1 of 21 words, 1 of 11, 1 of 9; 3 of 41 overall.
    assert.deepEqual(rowTexts(table, 'T2'), ['47.6', '90.9', '111.1', '73.2']);
    assert.equal(row(table, 'T2').cells[0].value, 47.6);
  });

  it('keeps codes missing from the codebook as flagged rows', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(sourceMatrix(sources, codebook));
    assert.deepEqual(rowTexts(table, 'X9'), ['0', '0', '1', '1 (1)']);
    assert.ok(row(table, 'X9').flags.includes('not-in-codebook'));
  });

  it('keeps two files that share an id apart, naming their columns by path', () => {
    const codebook = makeCodebook([{ id: 'T1' }]);
    const first = makeSource('A', 'one two', [{ phrase: 'one', codes: ['T1'] }]);
    const second = { ...makeSource('A', 'three four five', [{ phrase: 'four', codes: ['T1'] }, { phrase: 'five', codes: ['T1'] }]), path: 'copy/A.md' };
    const table = tableOf(sourceMatrix([first, second], codebook));
    assert.deepEqual(table.columns.map((c) => c.key), ['A.md', 'copy/A.md', 'total']);
    assert.deepEqual(rowTexts(table, 'T1'), ['1', '2', '3 (2)']);
  });

  it('marks the per-source cells for heatmap colouring but not the total', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(sourceMatrix(sources, codebook));
    assert.deepEqual(table.columns.map((c) => c.heat), [true, true, true, false]);
  });
});
