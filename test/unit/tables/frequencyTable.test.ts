import assert from 'node:assert/strict';
import { frequencyTable } from '../../../src/core/analysis/tables/frequencyTable';
import { makeCodebook, makeSource, smallStudy } from './corpus';
import { row, rowTexts, tableOf } from './lookup';

// The small study has 41 words: S1 21, S2 11, S3 9.
describe('frequencyTable', () => {
  it('gives excerpts, sources, coders, words and share of corpus per code', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(frequencyTable(sources, codebook));
    assert.deepEqual(table.columns.map((c) => c.key), ['excerpts', 'sources', 'coders', 'words', 'share']);
    assert.deepEqual(rowTexts(table, 'T1'), ['1', '1', '1', '5', '12.2%']);
    assert.deepEqual(rowTexts(table, 'T1a'), ['2', '1', '2', '6', '14.6%']);
    assert.deepEqual(rowTexts(table, 'T1b'), ['2', '2', '2', '8', '19.5%']);
    assert.deepEqual(rowTexts(table, 'T2'), ['3', '3', '2', '15', '36.6%']);
    assert.deepEqual(rowTexts(table, 'M1'), ['1', '1', '1', '5', '12.2%']);
  });

  it('counts each covered word once when excerpts of a code overlap', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(frequencyTable(sources, codebook));
    // T1a: "Nobody agrees what co-production means here." (6 words) contains bob's 5-word excerpt.
    assert.equal(rowTexts(table, 'T1a')[3], '6');
    assert.deepEqual(rowTexts(table, 'total'), ['9', '3', '2', '32', '78.0%']);
  });

  it('lists a code used in transcripts but missing from the codebook, flagged', () => {
    const { sources, codebook } = smallStudy();
    const result = frequencyTable(sources, codebook);
    const table = tableOf(result);
    const unknown = row(table, 'X9');
    assert.equal(unknown.label, 'X9 (not in codebook)');
    assert.ok(unknown.flags.includes('not-in-codebook'));
    assert.deepEqual(rowTexts(table, 'X9'), ['1', '1', '1', '1', '2.4%']);
    assert.ok(result.problems.some((p) => p.ruleId === 'unknown-code-used' && p.message.includes('X9')));
  });

  it('keeps an unused code as a row of zeros', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(frequencyTable(sources, codebook));
    assert.deepEqual(rowTexts(table, 'T3'), ['0', '0', '0', '0', '0.0%']);
    assert.ok(row(table, 'T3').flags.includes('no-excerpts'));
  });

  it('rolls sub-codes into their parent when asked', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(frequencyTable(sources, codebook, { rollup: true }));
    // T1 with T1a and T1b: 5 excerpts in S1, S2, S3; words 5 + 6 + 8 = 19.
    assert.deepEqual(rowTexts(table, 'T1'), ['5', '3', '2', '19', '46.3%']);
  });

  it('limits rows to a group', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(frequencyTable(sources, codebook, { group: 'mechanisms' }));
    assert.deepEqual(table.rows.map((r) => r.key), ['M1', 'M2', 'total']);
    assert.deepEqual(rowTexts(table, 'total'), ['2', '2', '1', '10', '24.4%']);
  });

  it('limits sources with --where and refuses an unknown attribute', () => {
    const { sources, codebook } = smallStudy();
    const table = tableOf(frequencyTable(sources, codebook, { where: ['partnership=South'] }));
    // S3 alone: 9 words.
    assert.deepEqual(rowTexts(table, 'T2'), ['1', '1', '1', '5', '55.6%']);
    const bad = frequencyTable(sources, codebook, { where: ['region=South'] });
    assert.equal(bad.table, null);
    assert.equal(bad.problems.find((p) => p.severity === 'error')?.ruleId, 'unknown-attribute');
  });

  it('refuses a code that is neither in the codebook nor used', () => {
    const { sources, codebook } = smallStudy();
    const result = frequencyTable(sources, codebook, { codes: ['Z1'] });
    assert.equal(result.table, null);
    assert.match(result.problems.find((p) => p.severity === 'error')?.message ?? '', /unknown code 'Z1'/);
  });

  it('shows a dash, never NaN, for shares of an empty corpus', () => {
    const codebook = makeCodebook([{ id: 'T1' }]);
    const table = tableOf(frequencyTable([], codebook));
    assert.deepEqual(rowTexts(table, 'T1'), ['0', '0', '0', '0', '—']);
    assert.equal(row(table, 'T1').cells[4].value, null);
  });

  it('resolves an alias to its code', () => {
    const codebook = makeCodebook([{ id: 'T1', aliases: ['meaning'] }]);
    const sources = [makeSource('A', 'one two three', [{ phrase: 'two', codes: ['meaning'] }])];
    const table = tableOf(frequencyTable(sources, codebook));
    assert.deepEqual(table.rows.map((r) => r.key), ['T1', 'total']);
    assert.equal(rowTexts(table, 'T1')[0], '1');
  });
});
