import assert from 'node:assert/strict';
import { cooccurrenceTable } from '../../../src/core/analysis/tables/cooccurrenceTable';
import { makeCodebook, makeSource, smallStudy } from './corpus';
import { cellText, row, tableOf } from './lookup';

describe('cooccurrenceTable', () => {
  it('counts overlapping codings of tensions against mechanisms', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(cooccurrenceTable(sources, codebook, { rows: 'tensions', cols: 'mechanisms' }));
    assert.deepEqual(table.columns.map((c) => c.key), ['M1', 'M2']);
    assert.deepEqual(table.rows.map((r) => r.key), ['T1', 'T1a', 'T1b', 'T2', 'T3']);
    // T1's excerpt shares "the university" with the M2 excerpt; T2 sits on the same excerpt as M1, and as M2.
    assert.equal(cellText(table, 'T1', 'M2'), '1');
    assert.equal(cellText(table, 'T1', 'M1'), '0');
    assert.equal(cellText(table, 'T2', 'M1'), '1');
    assert.equal(cellText(table, 'T2', 'M2'), '1');
    assert.equal(cellText(table, 'T1a', 'M1'), '0');
  });

  it('counts only excerpts carrying both codes in excerpt mode', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(cooccurrenceTable(sources, codebook, { rows: 'tensions', cols: 'mechanisms', mode: 'excerpt' }));
    assert.equal(cellText(table, 'T1', 'M2'), '0');
    assert.equal(cellText(table, 'T2', 'M2'), '1');
  });

  it('gives the Jaccard index of the coded characters', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(cooccurrenceTable(sources, codebook, { rows: 'tensions', cols: 'mechanisms', jaccard: true }));
    // T2 covers 36 + 32 + 30 characters, M2 the same 30: 30 / 98.
    assert.equal(cellText(table, 'T2', 'M2'), '0.31');
    // T1 covers 28 characters, M2 30, sharing "the university" (14): 14 / 44.
    assert.equal(cellText(table, 'T1', 'M2'), '0.32');
    assert.equal(cellText(table, 'T1a', 'M1'), '0.00');
    // T3 and M1: no coded text at all for T3, 36 for M1: 0 / 36.
    assert.equal(cellText(table, 'T3', 'M1'), '0.00');
  });

  it('is symmetric with a blank diagonal within one group', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(cooccurrenceTable(sources, codebook, { group: 'tensions' }));
    assert.equal(cellText(table, 'T1', 'T2'), '1');
    assert.equal(cellText(table, 'T2', 'T1'), '1');
    assert.equal(cellText(table, 'T1', 'T1'), '');
    assert.equal(row(table, 'T1').cells[0].value, null);
    assert.equal(cellText(table, 'T1a', 'T1b'), '0');
  });

  it('counts a sub-code with its parent only when rolling up', () => {
    const codebook = makeCodebook([{ id: 'P' }, { id: 'Pa', parent: 'P' }, { id: 'Q' }]);
    const sources = [
      makeSource('A', 'alpha beta gamma', [
        { phrase: 'alpha beta', codes: ['Pa'] },
        { phrase: 'beta gamma', codes: ['Q'] },
      ]),
    ];
    const direct = tableOf(cooccurrenceTable(sources, codebook));
    const rolled = tableOf(cooccurrenceTable(sources, codebook, { rollup: true }));
    assert.equal(cellText(direct, 'P', 'Q'), '0');
    assert.equal(cellText(direct, 'Pa', 'Q'), '1');
    assert.equal(cellText(rolled, 'P', 'Q'), '1');
  });

  it('with byGroup, has one row and column per code group, codes without a group last', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(cooccurrenceTable(sources, codebook, { byGroup: true }));
    assert.deepEqual(table.columns.map((c) => c.key), ['tensions', 'mechanisms', '(no group)']);
    assert.deepEqual(table.rows.map((r) => [r.key, r.label, r.depth]), [
      ['tensions', 'tensions', 0],
      ['mechanisms', 'mechanisms', 0],
      ['(no group)', '(no group)', 0],
    ]);
    // Two excerpts carry a tension and a mechanism; in S3 the T1 excerpt also overlaps the T2 + M2 one.
    assert.equal(cellText(table, 'tensions', 'mechanisms'), '3');
    assert.equal(cellText(table, 'mechanisms', 'tensions'), '3');
    // X9 ("money") sits inside T1's excerpt and touches no mechanism.
    assert.equal(cellText(table, 'tensions', '(no group)'), '1');
    assert.equal(cellText(table, 'mechanisms', '(no group)'), '0');
    assert.equal(cellText(table, 'tensions', 'tensions'), '');
    assert.match(table.title, /code groups/);
  });

  it('with byGroup in excerpt mode, counts the excerpts carrying codes of both groups', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(cooccurrenceTable(sources, codebook, { byGroup: true, mode: 'excerpt' }));
    assert.equal(cellText(table, 'tensions', 'mechanisms'), '2');
  });

  it('refuses an unknown column group', () => {
    const { sources, codebook } = smallStudy();
    const result = cooccurrenceTable(sources, codebook, { rows: 'tensions', cols: 'barriers' });
    assert.equal(result.table, null);
    assert.equal(result.problems.find((p) => p.severity === 'error')?.ruleId, 'unknown-group');
  });
});
