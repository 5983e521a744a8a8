import assert from 'node:assert/strict';
import { buildTable } from '../../../src/core/analysis/tables/buildTable';
import { TABLE_NAMES } from '../../../src/core/analysis/tables/table';
import type { Codebook } from '../../../src/core/model/codebook';
import { makeCodebook, smallStudy } from './corpus';
import { rowTexts, tableOf } from './lookup';

describe('buildTable', () => {
  it('refuses an unknown table name, listing the names', () => {
    const { sources, codebook } = smallStudy();
    const result = buildTable('pie', sources, codebook);
    assert.equal(result.table, null);
    assert.match(result.problems[0].message, /unknown table 'pie' \(tables: tensions, frequencies, sources/);
  });

  it('never shows NaN or undefined in any table of an empty corpus', () => {
    const codebook = makeCodebook([
      { id: 'T1', group: 'tensions' },
      { id: 'F1', group: 'facilitators', level: 'micro' },
      { id: 'F1a', parent: 'F1', level: 'micro' },
      { id: 'I1', group: 'impact' },
      { id: 'I2', group: 'impact', level: 'micro' },
    ]);
    for (const name of TABLE_NAMES) {
      const table = tableOf(buildTable(name, [], codebook));
      const texts = table.rows.flatMap((r) => [r.label, ...r.cells.map((c) => c.text)]);
      assert.ok(!texts.some((text) => /NaN|undefined|Infinity/.test(text)), `${name}: ${texts.join(' | ')}`);
    }
  });

  it('reads the codebook as it stood after a step of its history, leaving out and naming a code added later with no counterpart', () => {
    const { sources, codebook } = smallStudy();
    const withHistory: Codebook = {
      ...codebook,
      history: [{ action: 'added', from: [], to: ['T2'], step: 'step3', date: null, note: null }],
    };
    // Make the codebook know step2 too.
    withHistory.history.unshift({ action: 'candidate', from: [], to: ['T1'], step: 'step2', date: null, note: null });
    const table = tableOf(buildTable('frequencies', sources, withHistory, { asOf: 'step2' }));
    assert.ok(!table.rows.some((r) => r.key === 'T2'), 'T2 did not exist at step2 and came from no code of it');
    assert.ok(table.notes.includes('Not counted: T2, created after step2 with no counterpart then.'), table.notes.join('\n'));
  });

  it('refuses a step the history does not record', () => {
    const { sources, codebook } = smallStudy();
    const result = buildTable('frequencies', sources, codebook, { asOf: 'step9' });
    assert.equal(result.table, null);
    assert.equal(result.problems.find((p) => p.severity === 'error')?.ruleId, 'unknown-step');
  });
});
