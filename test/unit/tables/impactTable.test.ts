import assert from 'node:assert/strict';
import { impactTable } from '../../../src/core/analysis/tables/impactTable';
import { makeCodebook, makeSource } from './corpus';
import { cellText, row, tableOf } from './lookup';

function study() {
  const codebook = makeCodebook([
    { id: 'I1', name: 'Kind of impact', group: 'impact' },
    { id: 'I1a', name: 'Outputs', parent: 'I1' },
    { id: 'I1b', name: 'Uses', parent: 'I1' },
    { id: 'I2', name: 'Level', group: 'impact' },
    { id: 'I2a', name: 'Individual', parent: 'I2', level: 'micro' },
    { id: 'I2b', name: 'Organisational', parent: 'I2', level: 'meso' },
    { id: 'I3', name: 'Contributors and processes', group: 'impact' },
  ]);
  const sources = [
    makeSource('A', 'A toolkit for nurses. The trust wrote guidance.', [
      { phrase: 'A toolkit for nurses.', codes: ['I1a', 'I2a'] },
      { phrase: 'The trust wrote guidance.', codes: ['I1a', 'I2b'] },
    ]),
    makeSource('B', 'P2: Managers quoted the report. Carers ran sessions. People read it.', [
      { phrase: 'Managers quoted the report.', codes: ['I1b', 'I2b'], speaker: 'P2', exemplar: true },
      { phrase: 'Carers ran sessions.', codes: ['I3', 'I2a'], speaker: 'P2' },
      { phrase: 'People read it.', codes: ['I1b'], speaker: 'P2' },
    ]),
  ];
  return { sources, codebook };
}

describe('impactTable', () => {
  it('crosses level codes with the other codes of the group, sub-codes as columns', () => {
    const { sources, codebook } = study();
    const table = tableOf(impactTable(sources, codebook, { quotes: 0 }));
    assert.deepEqual(table.columns.map((c) => c.key), ['I1a', 'I1b', 'I3']);
    assert.deepEqual(table.rows.map((r) => r.key), ['I2a', 'I2b', '(no level)']);
    assert.equal(row(table, 'I2a').label, 'I2a Individual (micro)');
    assert.equal(cellText(table, 'I2a', 'I1a'), '1 (1)');
    assert.equal(cellText(table, 'I2a', 'I1b'), '0 (0)');
    assert.equal(cellText(table, 'I2a', 'I3'), '1 (1)');
    assert.equal(cellText(table, 'I2b', 'I1a'), '1 (1)');
    assert.equal(cellText(table, 'I2b', 'I1b'), '1 (1)');
    assert.equal(cellText(table, '(no level)', 'I1b'), '1 (1)');
    assert.equal(cellText(table, '(no level)', 'I1a'), '0 (0)');
  });

  it('puts a quote under the count of a cell', () => {
    const { sources, codebook } = study();
    const table = tableOf(impactTable(sources, codebook));
    assert.equal(cellText(table, 'I2b', 'I1b'), '1 (1)\n“Managers quoted the report.” (P2, B)');
    assert.equal(row(table, 'I2b').cells[1].excerpts, 1);
  });

  it('refuses a group whose codes have no level', () => {
    const codebook = makeCodebook([{ id: 'I1', group: 'impact' }]);
    const result = impactTable([], codebook);
    assert.equal(result.table, null);
    assert.equal(result.problems.find((p) => p.severity === 'error')?.ruleId, 'no-levels');
  });
});
