import assert from 'node:assert/strict';
import { tensionTable } from '../../../src/core/analysis/tables/tensionTable';
import { makeCodebook, makeSource, smallStudy } from './corpus';
import { cellText, row, rowTexts, tableOf } from './lookup';

describe('tensionTable', () => {
  it('counts excerpts (sources) per partnership, rolling sub-codes up into their parent', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(tensionTable(sources, codebook, { by: 'partnership' }));
    assert.deepEqual(table.columns.map((c) => c.key), ['North', 'South', 'total', 'quotes']);
    assert.deepEqual(rowTexts(table, 'T1').slice(0, 3), ['4 (2)', '1 (1)', '5 (3)']);
    assert.deepEqual(rowTexts(table, 'T1a').slice(0, 3), ['2 (1)', '0 (0)', '2 (1)']);
    assert.deepEqual(rowTexts(table, 'T1b').slice(0, 3), ['2 (2)', '0 (0)', '2 (2)']);
    assert.deepEqual(rowTexts(table, 'T2').slice(0, 3), ['2 (2)', '1 (1)', '3 (3)']);
    assert.deepEqual(rowTexts(table, 'total').slice(0, 3), ['6 (2)', '2 (1)', '8 (3)']);
    assert.ok(row(table, 'T1').flags.includes('rolled-up'));
    assert.ok(table.notes.some((note) => note.includes('rolls them up')));
  });

  it('indents sub-codes under their parent in codebook order', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(tensionTable(sources, codebook, { by: 'partnership' }));
    assert.deepEqual(
      table.rows.map((r) => [r.key, r.depth]),
      [['T1', 0], ['T1a', 1], ['T1b', 1], ['T2', 0], ['T3', 0], ['total', 0]],
    );
  });

  it('keeps a tension without excerpts as an honest row of zeros without a quote', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(tensionTable(sources, codebook, { by: 'partnership' }));
    assert.deepEqual(rowTexts(table, 'T3'), ['0 (0)', '0 (0)', '0 (0)', '']);
    assert.ok(row(table, 'T3').flags.includes('no-excerpts'));
  });

  it('quotes the exemplar with its speaker and source', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(tensionTable(sources, codebook, { by: 'partnership' }));
    assert.equal(cellText(table, 'T1b', 'quotes'), '“Money decides everything.” (P1, S1)');
  });

  it('quotes a parent from text coded with the parent itself rather than repeating a sub-code quote', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(tensionTable(sources, codebook, { by: 'partnership' }));
    assert.equal(cellText(table, 'T1', 'quotes'), '“the university and the money” (P3, S3)');
  });

  it('gives one column per source by default', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(tensionTable(sources, codebook));
    assert.deepEqual(table.columns.map((c) => c.key), ['S1', 'S2', 'S3', 'total', 'quotes']);
    assert.deepEqual(rowTexts(table, 'T2').slice(0, 4), ['1 (1)', '1 (1)', '1 (1)', '3 (3)']);
  });

  it('refuses an attribute no source has, naming the ones that exist', () => {
    const { sources, codebook } = smallStudy();
    const result = tensionTable(sources, codebook, { by: 'region' });
    assert.equal(result.table, null);
    const error = result.problems.find((p) => p.severity === 'error');
    assert.equal(error?.ruleId, 'unknown-attribute');
    assert.match(error?.message ?? '', /'region'.*partnership/);
  });

  it('refuses an unknown group, naming the groups of the codebook', () => {
    const { sources, codebook } = smallStudy();
    const result = tensionTable(sources, codebook, { group: 'barriers' });
    assert.equal(result.table, null);
    assert.match(result.problems.find((p) => p.severity === 'error')?.message ?? '', /unknown group 'barriers' \(groups: tensions, mechanisms\)/);
  });

  it('puts sources without the attribute in a column of their own', () => {
    const codebook = makeCodebook([{ id: 'T1', group: 'tensions' }]);
    const sources = [
      makeSource('A', 'one two', [{ phrase: 'one', codes: ['T1'] }], { partnership: 'North' }),
      makeSource('B', 'three four', [{ phrase: 'four', codes: ['T1'] }]),
    ];
    const table = tableOf(tensionTable(sources, codebook, { by: 'partnership' }));
    assert.deepEqual(table.columns.map((c) => c.label), ['North', '(no partnership)', 'Total', 'Exemplar quotes']);
    assert.deepEqual(rowTexts(table, 'T1').slice(0, 3), ['1 (1)', '1 (1)', '2 (2)']);
  });

  it('leaves out sources without the attribute when they hold no coded excerpt, saying so', () => {
    const codebook = makeCodebook([{ id: 'T1', group: 'tensions' }]);
    const sources = [
      makeSource('A', 'one two', [{ phrase: 'one', codes: ['T1'] }], { partnership: 'North' }),
      makeSource('README', 'about the study', []),
    ];
    const table = tableOf(tensionTable(sources, codebook, { by: 'partnership' }));
    assert.deepEqual(table.columns.map((c) => c.label), ['North', 'Total', 'Exemplar quotes']);
    assert.ok(table.notes.some((note) => note.includes('(README) are left out')));
  });

  it('gives zero rows, not a crash, for an empty corpus', () => {
    const { codebook } = smallStudy();
    const result = tensionTable([], codebook, { by: 'partnership' });
    const table = tableOf(result);
    assert.deepEqual(table.columns.map((c) => c.key), ['total', 'quotes']);
    assert.deepEqual(rowTexts(table, 'T1'), ['0 (0)', '']);
    assert.ok(result.problems.some((p) => p.ruleId === 'empty-corpus'));
  });

  it('counts only the chosen coder when filtered by coder', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(tensionTable(sources, codebook, { by: 'partnership', coders: ['bob'] }));
    assert.deepEqual(rowTexts(table, 'T1').slice(0, 3), ['2 (2)', '0 (0)', '2 (2)']);
    assert.deepEqual(rowTexts(table, 'T2').slice(0, 3), ['1 (1)', '0 (0)', '1 (1)']);
  });
});
