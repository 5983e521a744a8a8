import assert from 'node:assert/strict';
import fc from 'fast-check';
import { coderTable } from '../../../src/core/analysis/tables/coderTable';
import { frequencyTable } from '../../../src/core/analysis/tables/frequencyTable';
import { sourceMatrix } from '../../../src/core/analysis/tables/sourceMatrix';
import type { Table } from '../../../src/core/analysis/tables/table';
import { tensionTable } from '../../../src/core/analysis/tables/tensionTable';
import type { Source } from '../../../src/core/model/source';
import { makeCodebook, makeSource } from './corpus';

const codebook = makeCodebook([
  { id: 'P', group: 'tensions' },
  { id: 'Pa', parent: 'P', group: 'tensions' },
  { id: 'Pb', parent: 'P', group: 'tensions' },
  { id: 'Q', group: 'tensions' },
  { id: 'M', group: 'mechanisms' },
]);
const IDS = ['P', 'Pa', 'Pb', 'Q', 'M', 'Z'];
const WORDS = ['care', 'co-production', 'money', 'ward', 'naïve', '😀', 'power', 'we'];

const excerptArb = fc.record({
  from: fc.nat(30),
  length: fc.integer({ min: 1, max: 8 }),
  codes: fc.subarray(IDS, { minLength: 1 }),
  coder: fc.constantFrom('ann', 'bob', null),
  exemplar: fc.boolean(),
});
const sourceArb = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }),
  partnership: fc.constantFrom('North', 'South', undefined),
  excerpts: fc.array(excerptArb, { maxLength: 8 }),
});

interface SourceSpec {
  words: string[];
  partnership: string | undefined;
  excerpts: { from: number; length: number; codes: string[]; coder: string | null; exemplar: boolean }[];
}

/** Builds sources whose excerpts cover whole words, by phrase position. */
function corpus(specs: SourceSpec[]): Source[] {
  return specs.map((spec, index) => {
    const text = spec.words.join(' ');
    const offsets: number[] = [];
    let at = 0;
    for (const word of spec.words) {
      offsets.push(at);
      at += Array.from(word).length + 1;
    }
    const source = makeSource(`S${index}`, text, [], spec.partnership ? { partnership: spec.partnership } : {});
    source.excerpts = spec.excerpts.map((excerpt, n) => {
      const first = excerpt.from % spec.words.length;
      const last = Math.min(spec.words.length - 1, first + excerpt.length - 1);
      const start = offsets[first];
      const end = offsets[last] + Array.from(spec.words[last]).length;
      const range = { startLine: 1, startColumn: 1, startOffset: 0, endLine: 1, endColumn: 1, endOffset: 0 };
      return {
        sourceId: source.id,
        path: source.path,
        id: null,
        codes: excerpt.codes,
        coder: excerpt.coder,
        memo: null,
        exemplar: excerpt.exemplar,
        attributes: {},
        fragments: [{ kind: 'text' as const, start, end, range, contentStartOffset: 0, contentEndOffset: 0 }],
        start,
        end,
        text: Array.from(text).slice(start, end).join(''),
        speaker: null,
        headings: [],
        line: n + 1,
      };
    });
    return source;
  });
}

function excerptsCol(table: Table, rowKey: string, columnKey: string): number {
  const column = table.columns.findIndex((c) => c.key === columnKey);
  const value = table.rows.find((r) => r.key === rowKey)?.cells[column]?.excerpts;
  assert.ok(value !== null && value !== undefined, `${table.name}: no count at ${rowKey} × ${columnKey}`);
  return value;
}

const withCode = (sources: Source[], ids: string[]) => sources.flatMap((s) => s.excerpts).filter((e) => e.codes.some((id) => ids.includes(id))).length;

describe('table totals (property)', () => {
  it('match the excerpt counts of the corpus in every table', () => {
    fc.assert(
      fc.property(fc.array(sourceArb, { minLength: 1, maxLength: 4 }), (specs) => {
        const sources = corpus(specs);
        const frequencies = frequencyTable(sources, codebook).table!;
        const matrix = sourceMatrix(sources, codebook).table!;
        // --by an attribute no source has is refused, so fall back to one column per source.
        const by = specs.some((spec) => spec.partnership !== undefined) ? 'partnership' : 'source';
        const tensions = tensionTable(sources, codebook, { by }).table!;
        const coders = coderTable(sources, codebook).table!;
        for (const id of IDS) {
          const direct = withCode(sources, [id]);
          if (id === 'Z' && direct === 0) {
            // A code missing from the codebook has a row only when some excerpt uses it.
            assert.ok(!frequencies.rows.some((row) => row.key === 'Z'));
            continue;
          }
          assert.equal(excerptsCol(frequencies, id, 'excerpts'), direct, `frequencies ${id}`);
          const perSource = sources.reduce((sum, source) => sum + excerptsCol(matrix, id, source.id), 0);
          assert.equal(perSource, direct, `sources matrix ${id}`);
          assert.equal(excerptsCol(matrix, id, 'total'), direct);
        }
        for (const [id, family] of [['P', ['P', 'Pa', 'Pb']], ['Pa', ['Pa']], ['Q', ['Q']]] as const) {
          const total = excerptsCol(tensions, id, 'total');
          assert.equal(total, withCode(sources, [...family]), `tensions ${id}`);
          const columns = tensions.columns.filter((c) => c.kind === 'countWithSources' && !c.total);
          assert.equal(columns.reduce((sum, c) => sum + excerptsCol(tensions, id, c.key), 0), total, `tension columns add up for ${id}`);
        }
        assert.equal(excerptsCol(tensions, 'total', 'total'), withCode(sources, ['P', 'Pa', 'Pb', 'Q']));
        assert.equal(excerptsCol(frequencies, 'total', 'excerpts'), sources.reduce((sum, s) => sum + s.excerpts.length, 0));
        const byCoder = coders.rows.reduce((sum, row) => sum + (row.cells[2].excerpts ?? 0), 0);
        assert.equal(byCoder, sources.reduce((sum, s) => sum + s.excerpts.length, 0));
        for (const table of [frequencies, matrix, tensions, coders]) {
          for (const row of table.rows) for (const cell of row.cells) assert.ok(!/NaN|undefined|Infinity/.test(cell.text), cell.text);
        }
      }),
      { numRuns: 150 },
    );
  });
});
