import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { impactTable } from '../../../src/core/analysis/tables/impactTable';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { makeSource } from './corpus';
import { cellText, tableOf } from './lookup';

const presetPath = path.resolve(__dirname, '../../../presets/impact.yaml');

describe('impactTable on the bundled impact preset', () => {
  const { codebook } = compileCodebook([{ text: fs.readFileSync(presetPath, 'utf8'), path: 'presets/impact.yaml' }]);
  const sources = [
    makeSource('A', 'P1: The nurses used the toolkit. The trust funded a post.', [
      { phrase: 'The nurses used the toolkit.', codes: ['I1b', 'I2a'], speaker: 'P1' },
      { phrase: 'The trust funded a post.', codes: ['I1c', 'I2c'], speaker: 'P1' },
    ]),
  ];

  it('has the five levels as rows, from individual to paradigmatic', () => {
    const table = tableOf(impactTable(sources, codebook, { quotes: 0 }));
    assert.deepEqual(table.rows.map((r) => r.key), ['I2a', 'I2b', 'I2c', 'I2d', 'I2e']);
    assert.equal(cellText(table, 'I2a', 'I1b'), '1 (1)');
    assert.equal(cellText(table, 'I2c', 'I1c'), '1 (1)');
  });

  it('gives the grid of the paper with --cols: contributors, outputs, uses, outcomes, mechanisms', () => {
    const table = tableOf(impactTable(sources, codebook, { cols: 'I3,I1a,I1b,I1c,I4', quotes: 0 }));
    assert.deepEqual(table.columns.map((c) => c.label), [
      'I3 Contributors and processes',
      'I1a Outputs',
      'I1b Uses',
      'I1c Outcomes',
      'I4 Contributory mechanisms',
    ]);
    assert.equal(cellText(table, 'I2a', 'I1b'), '1 (1)');
  });

  it('refuses an unknown column code', () => {
    const result = impactTable(sources, codebook, { cols: 'I3,I9' });
    assert.equal(result.table, null);
    assert.match(result.problems.find((p) => p.severity === 'error')?.message ?? '', /unknown code 'I9' in --cols/);
  });
});
