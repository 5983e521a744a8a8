import assert from 'node:assert/strict';
import { facilitatorTable } from '../../../src/core/analysis/tables/facilitatorTable';
import { makeCodebook, makeSource, smallStudy } from './corpus';
import { cellText, row, rowTexts, tableOf } from './lookup';

function study() {
  const codebook = makeCodebook([
    { id: 'F1', name: 'Individual (micro)', group: 'facilitators', level: 'micro' },
    { id: 'F1a', name: 'Regular contact', parent: 'F1', level: 'micro' },
    { id: 'F1b', name: 'Trust', parent: 'F1', level: 'micro' },
    { id: 'F2', name: 'Organisational (meso)', group: 'facilitators', level: 'meso' },
    { id: 'F2a', name: 'Board support', parent: 'F2', level: 'meso' },
  ]);
  const sources = [
    makeSource('A', 'P1: We talk every week and we trust each other.', [
      { phrase: 'We talk every week', codes: ['F1a'], speaker: 'P1', exemplar: true },
      { phrase: 'we trust each other', codes: ['F1b'], speaker: 'P1' },
    ]),
    makeSource('B', 'P2: The board backed it. We talk a lot.', [
      { phrase: 'The board backed it.', codes: ['F2a'], speaker: 'P2' },
      { phrase: 'We talk a lot.', codes: ['F1a'], speaker: 'P2' },
    ]),
  ];
  return { sources, codebook };
}

describe('facilitatorTable', () => {
  it('lists levels with their elements, evidence counts, sources and a quote', () => {
    const { sources, codebook } = study();
    const table = tableOf(facilitatorTable(sources, codebook));
    assert.deepEqual(table.rows.map((r) => [r.key, r.depth, r.kind]), [
      ['F1', 0, 'heading'],
      ['F1a', 1, 'code'],
      ['F1b', 1, 'code'],
      ['F2', 0, 'heading'],
      ['F2a', 1, 'code'],
    ]);
    assert.deepEqual(rowTexts(table, 'F1').slice(0, 2), ['3', '2']);
    assert.deepEqual(rowTexts(table, 'F1a'), ['2', '2', '“We talk every week” (P1, A)']);
    assert.deepEqual(rowTexts(table, 'F1b').slice(0, 2), ['1', '1']);
    assert.deepEqual(rowTexts(table, 'F2').slice(0, 2), ['1', '1']);
  });

  it('gives a level row a quote that its element rows do not already show', () => {
    const { sources, codebook } = study();
    const table = tableOf(facilitatorTable(sources, codebook));
    assert.equal(cellText(table, 'F1b', 'quote'), '“we trust each other” (P1, A)');
    assert.equal(cellText(table, 'F1', 'quote'), '“We talk a lot.” (P2, B)');
  });

  it('groups a flat group of codes under their level values', () => {
    const codebook = makeCodebook([
      { id: 'G1', group: 'facilitators', level: 'micro' },
      { id: 'G2', group: 'facilitators', level: 'meso' },
      { id: 'G3', group: 'facilitators', level: 'micro' },
    ]);
    const sources = [makeSource('A', 'one two three', [{ phrase: 'one', codes: ['G1'] }, { phrase: 'one two', codes: ['G3'] }])];
    const table = tableOf(facilitatorTable(sources, codebook));
    assert.deepEqual(table.rows.map((r) => [r.key, r.depth]), [
      ['level:micro', 0],
      ['G1', 1],
      ['G3', 1],
      ['level:meso', 0],
      ['G2', 1],
    ]);
    assert.deepEqual(rowTexts(table, 'level:micro').slice(0, 2), ['2', '1']);
    assert.deepEqual(rowTexts(table, 'level:meso'), ['0', '0', '']);
    assert.ok(row(table, 'G2').flags.includes('no-excerpts'));
  });

  it('refuses a codebook without a facilitators group', () => {
    const { sources, codebook } = smallStudy();
    const result = facilitatorTable(sources, codebook);
    assert.equal(result.table, null);
    assert.match(result.problems.find((p) => p.severity === 'error')?.message ?? '', /unknown group 'facilitators'/);
  });
});
