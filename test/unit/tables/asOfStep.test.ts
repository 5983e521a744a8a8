import assert from 'node:assert/strict';
import path from 'node:path';
import { buildTable } from '../../../src/core/analysis/tables/buildTable';
import { TABLE_NAMES, type Row, type Table } from '../../../src/core/analysis/tables/table';
import { buildPack } from '../../../src/core/analysis/workshop/buildPack';
import type { ResourcePack } from '../../../src/core/analysis/workshop/resourcePack';
import { tallyWorkshop } from '../../../src/core/analysis/workshop/tallyWorkshop';
import type { Workshop } from '../../../src/core/analysis/workshop/workshop';
import { loadWorkspace, type Workspace } from '../../../src/node/loadWorkspace';

const repoRoot = path.resolve(__dirname, '../../..');
const MERGED = 'TC4 + TC5 + TC6';

function table(study: Workspace, name: string, options: Record<string, unknown> = {}): Table {
  const result = buildTable(name, study.sources, study.codebook, { asOf: 'step2', ...options });
  assert.ok(result.table, `${name}: ${JSON.stringify(result.problems)}`);
  assert.deepEqual(result.problems.filter((problem) => problem.ruleId === 'unknown-code-used'), [], name);
  return result.table;
}

function row(found: Table, key: string): Row {
  const match = found.rows.find((candidate) => candidate.key === key);
  assert.ok(match, `${found.name} has no row ${key}: ${found.rows.map((r) => r.key).join(', ')}`);
  return match;
}

function cell(found: Table, line: Row, columnKey: string): { excerpts: number | null; sources: number | null } {
  const index = found.columns.findIndex((column) => column.key === columnKey);
  assert.ok(index >= 0, `${found.name} has no column ${columnKey}`);
  return line.cells[index]!;
}

describe('the example study as of step 2: one meaning for every table, the pack and the tally', function () {
  this.timeout(60_000);
  let study: Workspace;
  let pack: ResourcePack;

  before(async () => {
    study = await loadWorkspace({ paths: [path.join(repoRoot, 'examples/coproduction-study')], cwd: repoRoot, cache: false, maxWorkers: 1 });
    const result = buildPack(study.sources, study.codebook, { asOf: 'step2', by: 'partnership' });
    assert.ok(result.pack, JSON.stringify(result.problems));
    pack = result.pack;
  });

  it('shows the codings of T4 and its sub-codes as one row for the candidates merged into it, marked as not separable', () => {
    const tensions = table(study, 'tensions', { by: 'partnership' });
    const merged = row(tensions, MERGED);
    assert.match(merged.label, /^TC4 \+ TC5 \+ TC6 \(merged later into T4; not separable\)$/);
    assert.ok(merged.flags.includes('not-separable'));
    for (const id of ['TC4', 'TC5', 'TC6']) assert.ok(row(tensions, id).flags.includes('merged-later'), id);
    assert.ok(cell(tensions, merged, 'total').excerpts! > 0);
    assert.ok(!tensions.rows.some((line) => ['T4', 'T4a', 'T4b', 'T3b'].includes(line.key)));
    assert.ok(tensions.notes.some((note) => /cannot be split back/.test(note)), tensions.notes.join('\n'));
  });

  it('gives the same counts in the tension table and in the pack, card by card, column by column', () => {
    const tensions = table(study, 'tensions', { by: 'partnership' });
    assert.ok(pack.cards.some((card) => card.id === MERGED));
    for (const card of pack.cards) {
      const line = row(tensions, card.id);
      assert.deepEqual(cell(tensions, line, 'total'), { ...cell(tensions, line, 'total'), excerpts: card.excerpts, sources: card.sources }, card.id);
      for (const column of card.columns) {
        const found = cell(tensions, line, column.key);
        assert.deepEqual([found.excerpts, found.sources], [column.excerpts, column.sources], `${card.id} ${column.key}`);
      }
      for (const sub of card.subCodes) assert.equal(cell(tensions, row(tensions, sub.id), 'total').excerpts, sub.excerpts, sub.id);
    }
  });

  it('gives the same rolled-up counts in the frequency table, the code × source matrix and the pack', () => {
    const frequencies = table(study, 'frequencies', { rollup: true, group: 'tensions' });
    const matrix = table(study, 'sources', { rollup: true, group: 'tensions' });
    for (const card of pack.cards) {
      assert.equal(row(frequencies, card.id).cells[0]!.excerpts, card.excerpts, `frequencies ${card.id}`);
      assert.equal(cell(matrix, row(matrix, card.id), 'total').excerpts, card.excerpts, `sources ${card.id}`);
    }
  });

  it('uses the same rows in the co-occurrence, facilitator, impact and coder tables, with no unknown codes', () => {
    const cooccurrence = table(study, 'cooccurrence', { group: 'tensions' });
    assert.ok(cooccurrence.rows.some((line) => line.key === MERGED));
    assert.ok(!cooccurrence.rows.some((line) => line.key === 'T4'));
    table(study, 'facilitators');
    table(study, 'coders');
    for (const name of TABLE_NAMES) {
      const result = buildTable(name, study.sources, study.codebook, { asOf: 'step2' });
      assert.deepEqual(result.problems.filter((problem) => problem.ruleId === 'unknown-code-used'), [], name);
    }
  });

  it('names the candidates in the workshop tally as the codebook stood after step 2', () => {
    const at = (line: number) => ({ path: 'workshop.yaml', line, column: 1 });
    const workshop: Workshop = {
      path: 'workshop.yaml',
      title: null,
      date: null,
      step: 'step3',
      votesEach: null,
      candidates: ['T1', 'TC4'].map((id, index) => ({ id, origin: at(index + 1) })),
      participants: [],
      notes: null,
    };
    const { tally, diagnostics } = tallyWorkshop(workshop, study.codebook);
    assert.deepEqual(diagnostics, []);
    const card = pack.cards.find((candidate) => candidate.id === 'TC4')!;
    assert.equal(tally.candidates.find((candidate) => candidate.id === 'TC4')!.name, card.name);
  });
});
