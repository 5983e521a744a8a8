import assert from 'node:assert/strict';
import path from 'node:path';
import { buildTable } from '../../../src/core/analysis/tables/buildTable';
import { cellExcerpts, shownText } from '../../../src/core/analysis/tables/cellExcerpts';
import { TABLE_NAMES, type Table } from '../../../src/core/analysis/tables/table';
import type { TableOptions } from '../../../src/core/analysis/tables/tableOptions';
import { codePointSlicer } from '../../../src/core/analysis/tables/textMeasures';
import type { Source } from '../../../src/core/model/source';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { loadWorkspace, type Workspace } from '../../../src/node/loadWorkspace';
import { makeCodebook } from './corpus';

const repoRoot = path.resolve(__dirname, '../../..');

function built(sources: readonly Source[], codebook: Workspace['codebook'], name: string, options: TableOptions = {}): Table {
  const result = buildTable(name, sources, codebook, options);
  assert.ok(result.table, `${name} ${JSON.stringify(options)}: ${JSON.stringify(result.problems)}`);
  return result.table;
}

/** Every table of SPEC §5 the panel offers, with the variants whose cells count differently. */
const VARIANTS: [string, TableOptions][] = [
  ...TABLE_NAMES.map((name): [string, TableOptions] => [name, {}]),
  ['tensions', { by: 'partnership' }],
  ['sources', { by: 'partnership' }],
  ['sources', { rollup: true }],
  ['sources', { normalise: true }],
  ['frequencies', { rollup: true, coders: ['pg'] }],
  ['cooccurrence', { byGroup: true }],
  ['cooccurrence', { rows: 'tensions', cols: 'mechanisms' }],
  ['cooccurrence', { rows: 'tensions', cols: 'mechanisms', mode: 'excerpt' }],
  ['cooccurrence', { rows: 'tensions', cols: 'mechanisms', jaccard: true }],
  ['cooccurrence', { rows: 'tensions', cols: 'mechanisms', rollup: true }],
  ['tensions', { asOf: 'step2' }],
  ['coders', { where: ['partnership=Northgate'] }],
];

describe('cellExcerpts: the excerpts behind a cell', function () {
  this.timeout(60_000);
  let study: Workspace;

  before(async () => {
    study = await loadWorkspace({ paths: [path.join(repoRoot, 'examples/coproduction-study')], cwd: repoRoot, cache: false, maxWorkers: 1 });
  });

  for (const [name, options] of VARIANTS) {
    it(`lists as many excerpts as every count of ${name} ${JSON.stringify(options)} says, each with its plain text`, () => {
      const table = built(study.sources, study.codebook, name, options);
      const slicers = new Map(study.sources.map((source) => [source.path, codePointSlicer(source.plainText)]));
      let counted = 0;
      for (const row of table.rows) {
        table.columns.forEach((column, index) => {
          const cell = row.cells[index]!;
          const where = `${name} ${row.key} × ${column.key} (${cell.text})`;
          const drill = cellExcerpts(table, study.sources, { row: row.key, column: column.key });
          if (cell.refs.length === 0) {
            assert.equal(drill, null, `${where}: nothing behind it`);
            return;
          }
          assert.ok(drill, where);
          assert.equal(drill.missing, 0, where);
          if (cell.excerpts !== null) {
            assert.equal(drill.count, cell.excerpts, where);
            assert.equal(drill.items.length, cell.excerpts, where);
            counted += 1;
          } else {
            assert.equal(drill.items.length, cell.quotes.length > 0 ? cell.quotes.length : cell.refs.length, where);
          }
          for (const item of drill.items) {
            assert.equal(item.text, slicers.get(item.path)!(item.start, item.end), `${where}: text of ${item.path}:${item.line}`);
            assert.ok(item.fileStart < item.fileEnd, where);
            assert.doesNotMatch(item.shown, /\*\*[^*]{1,40}:\*\*/, `${where}: no bold speaker label in ${item.shown}`);
            if (column.kind === 'count' && row.kind === 'code' && table.name !== 'cooccurrence' && !options.rollup && !options.asOf) {
              assert.ok(item.codes.includes(row.key), `${where}: ${item.codes.join(' ')}`);
            }
          }
          cell.quotes.forEach((quote, at) => {
            const one = cellExcerpts(table, study.sources, { row: row.key, column: column.key, quote: at });
            assert.ok(one, `${where}: quote ${at}`);
            assert.equal(one.items.length, 1);
            assert.equal(one.items[0]!.source, quote.source);
            assert.equal(one.items[0]!.start, quote.ref.start);
          });
        });
      }
      // Word counts count words, not excerpts: no cell of the words table lists excerpts (checked above).
      if (!options.jaccard && table.name !== 'words') assert.ok(counted > 0, 'some count cells');
    });
  }

  it('matches the coders table: the memo count lists the memos, the excerpt count the coder’s excerpts', () => {
    const table = built(study.sources, study.codebook, 'coders');
    for (const row of table.rows) {
      const memos = cellExcerpts(table, study.sources, { row: row.key, column: 'memoCount' });
      const count = row.cells[table.columns.findIndex((column) => column.key === 'memoCount')]!.value;
      assert.equal(memos?.items.length ?? 0, count, row.key);
      for (const item of memos?.items ?? []) assert.equal(item.memos.length, 1);
      for (const item of cellExcerpts(table, study.sources, { row: row.key, column: 'excerpts' })!.items) {
        assert.deepEqual(item.coders, row.key === '(no coder)' ? [] : [row.key]);
      }
    }
  });

  it('shows the text without its speaker label, bold or line breaks', () => {
    assert.equal(shownText('**P2:** Oh, constantly.\n\n**Interviewer:** And then?', 'P2'), 'Oh, constantly. Interviewer: And then?');
    assert.equal(shownText('Not a label: kept', null), 'Not a label: kept');
  });

  it('returns null for a row, column or quote that does not exist', () => {
    const table = built(study.sources, study.codebook, 'frequencies');
    assert.equal(cellExcerpts(table, study.sources, { row: 'no-such-code', column: 'excerpts' }), null);
    assert.equal(cellExcerpts(table, study.sources, { row: table.rows[0]!.key, column: 'nope' }), null);
    assert.equal(cellExcerpts(table, study.sources, { row: table.rows[0]!.key, column: 'excerpts', quote: 3 }), null);
  });

  const codebook = makeCodebook([{ id: 'A' }, { id: 'B' }]);
  const text = [
    '**P1:** We :code[:code[shared the budget]{.A by=pg}]{.A by=rk} in the end.',
    '',
    '**P2:** :code[Nobody asked :code[the patients]{.B by=rk} first]{.A by=pg}.',
    '',
  ].join('\n');
  const source = parseTranscript(text, { path: 'talk.md' });

  it('tells apart two coders’ identical excerpts nested on one line', () => {
    const table = built([source], codebook, 'coders');
    const pg = cellExcerpts(table, [source], { row: 'pg', column: 'excerpts' })!;
    const rk = cellExcerpts(table, [source], { row: 'rk', column: 'excerpts' })!;
    assert.deepEqual(pg.items.map((item) => [item.text, item.coders]), [['shared the budget', ['pg']], ['Nobody asked the patients first', ['pg']]]);
    assert.deepEqual(rk.items.map((item) => [item.text, item.coders]), [['shared the budget', ['rk']], ['the patients', ['rk']]]);
    const frequencies = built([source], codebook, 'frequencies');
    const a = cellExcerpts(frequencies, [source], { row: 'A', column: 'excerpts' })!;
    assert.deepEqual(a.items.map((item) => item.coders[0]).sort(), ['pg', 'pg', 'rk']);
  });

  it('lists a co-occurrence as the pair of overlapping excerpts, selected from the first directive to the last', () => {
    const table = built([source], codebook, 'cooccurrence');
    const drill = cellExcerpts(table, [source], { row: 'A', column: 'B' })!;
    assert.equal(drill.count, 1);
    assert.equal(drill.items.length, 1);
    const [pair] = drill.items;
    assert.equal(pair!.excerpts, 2);
    assert.equal(pair!.text, 'Nobody asked the patients first');
    assert.equal(pair!.speaker, 'P2');
    assert.deepEqual(pair!.codes, ['A', 'B']);
    assert.deepEqual(pair!.coders, ['pg', 'rk']);
    const directive = text.slice(pair!.fileStart, pair!.fileEnd);
    assert.equal(directive, ':code[Nobody asked :code[the patients]{.B by=rk} first]{.A by=pg}');
  });
});
