import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeAgreement } from '../../../src/core/analysis/agreement/computeAgreement';
import type { AgreementFigures } from '../../../src/core/analysis/agreement/agreementFigures';
import type { AgreementReport } from '../../../src/core/analysis/agreement/agreementReport';
import { cohenKappa } from '../../../src/core/analysis/agreement/cohenKappa';
import { fleissKappa } from '../../../src/core/analysis/agreement/fleissKappa';
import { krippendorffAlpha } from '../../../src/core/analysis/agreement/krippendorffAlpha';
import type { Source } from '../../../src/core/model';
import { makeSource, type TestCoding } from './makeSource';

const allCoders = ['ann', 'bo', 'cy', 'di'];
const codeIds = ['A', 'B', 'C'];

interface Study {
  coders: string[];
  sources: Source[];
}

/** Random studies: 1–4 sources with texts mixing letters, spaces and an astral character; 2–4 coders. */
const studyArbitrary: fc.Arbitrary<Study> = fc
  .integer({ min: 2, max: 4 })
  .chain((coderCount) => {
    const coders = allCoders.slice(0, coderCount);
    const coding = (length: number) =>
      fc.record({
        coder: fc.constantFrom(...coders),
        codes: fc.subarray(codeIds, { minLength: 1 }),
        fragments: fc.array(
          fc.tuple(fc.nat(length), fc.nat(length)).map(([x, y]): [number, number] => [Math.min(x, y), Math.max(x, y)]),
          { minLength: 1, maxLength: 2 },
        ),
      });
    const source = (index: number) =>
      fc
        .array(fc.constantFrom('a', 'b', ' ', '\n', '😀'), { minLength: 1, maxLength: 30 })
        .chain((characters) =>
          fc.array(coding(characters.length), { maxLength: 8 }).map((codings) =>
            makeSource({ id: `s${index}`, text: characters.join(''), codings: codings as TestCoding[], coders }),
          ),
        );
    return fc
      .integer({ min: 1, max: 4 })
      .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => source(i))))
      .map((sources) => ({ coders, sources }));
  });

function run(sources: Source[], coders: string[], ignoreWhitespace = false): AgreementReport {
  const hasExcerpts = coders.every((coder) => sources.some((s) => s.excerpts.some((e) => e.coder === coder)));
  fc.pre(hasExcerpts);
  const outcome = computeAgreement(sources, { coders, ignoreWhitespace });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.report;
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < 1e-9;
}

function sameFigures(a: AgreementFigures, b: AgreementFigures): void {
  assert.equal(a.units, b.units);
  for (const key of ['percentAgreement', 'kappa', 'alpha', 'fleiss'] as const) {
    assert.ok(close(a[key], b[key]), `${key}: ${a[key]} vs ${b[key]}`);
  }
  assert.deepEqual(Object.entries(a.coded).sort(), Object.entries(b.coded).sort());
}

function sameReport(a: AgreementReport, b: AgreementReport): void {
  assert.deepEqual(Object.keys(a.codes).sort(), Object.keys(b.codes).sort());
  for (const id of Object.keys(a.codes)) sameFigures(a.codes[id]!, b.codes[id]!);
  sameFigures(a.overall, b.overall);
}

/** An independent, one-value-per-unit computation of the figures, for comparison. */
function bruteForce(sources: Source[], coders: string[], ignoreWhitespace: boolean) {
  const vectors = new Map<string, number[][]>();
  const units: { source: Source; offset: number }[] = [];
  for (const source of sources) {
    [...source.plainText].forEach((character, offset) => {
      if (!ignoreWhitespace || !/\s/u.test(character)) units.push({ source, offset });
    });
  }
  // Codes applied to at least one code point (an empty excerpt codes nothing).
  const used = new Set(
    sources.flatMap((s) => s.excerpts.filter((e) => e.fragments.some((f) => f.end > f.start)).flatMap((e) => e.codes)),
  );
  for (const id of used) {
    vectors.set(
      id,
      coders.map((coder) =>
        units.map(({ source, offset }) =>
          source.excerpts.some(
            (e) => e.coder === coder && e.codes.includes(id) && e.fragments.some((f) => f.start <= offset && offset < f.end),
          )
            ? 1
            : 0,
        ),
      ),
    );
  }
  const figures = (rows: number[][]) => {
    const kappas = [];
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const table = [
          [0, 0],
          [0, 0],
        ];
        rows[i]!.forEach((value, u) => table[1 - value]![1 - rows[j]![u]!]!++);
        kappas.push(cohenKappa(table).value);
      }
    }
    const kappa = kappas.includes(null) ? null : kappas.reduce((s: number, k) => s + k!, 0) / kappas.length;
    const counts = rows[0]!.map((_, u) => {
      const yes = rows.reduce((s, row) => s + row[u]!, 0);
      return [rows.length - yes, yes];
    });
    return {
      kappa,
      alpha: krippendorffAlpha(rows).value,
      fleiss: rows.length > 2 ? fleissKappa(counts).value : null,
    };
  };
  const perCode = new Map([...vectors].map(([id, rows]) => [id, figures(rows)]));
  const pooledRows = coders.map((_, i) => [...vectors.values()].flatMap((rows) => rows[i]!));
  return { perCode, overall: figures(pooledRows) };
}

const runs = { numRuns: 150 };

describe('computeAgreement properties', () => {
  it('agrees with a naive per-code-point computation', () => {
    fc.assert(
      fc.property(studyArbitrary, fc.boolean(), ({ coders, sources }, ignoreWhitespace) => {
        const result = run(sources, coders, ignoreWhitespace);
        const expected = bruteForce(sources, coders, ignoreWhitespace);
        for (const [id, figures] of expected.perCode) {
          const actual = result.codes[id]!;
          assert.ok(close(actual.kappa, figures.kappa), `kappa ${id}: ${actual.kappa} vs ${figures.kappa}`);
          assert.ok(close(actual.alpha, figures.alpha), `alpha ${id}: ${actual.alpha} vs ${figures.alpha}`);
          assert.ok(close(actual.fleiss, figures.fleiss), `fleiss ${id}: ${actual.fleiss} vs ${figures.fleiss}`);
        }
        if (expected.perCode.size > 0) {
          assert.ok(close(result.overall.kappa, expected.overall.kappa));
          assert.ok(close(result.overall.alpha, expected.overall.alpha));
        }
      }),
      runs,
    );
  });

  it('is symmetric in the coders', () => {
    fc.assert(
      fc.property(studyArbitrary, ({ coders, sources }) => {
        sameReport(run(sources, coders), run(sources, [...coders].reverse()));
      }),
      runs,
    );
  });

  it('does not depend on the order of the sources', () => {
    fc.assert(
      fc.property(studyArbitrary, ({ coders, sources }) => {
        sameReport(run(sources, coders), run([...sources].reverse(), coders));
      }),
      runs,
    );
  });

  it('does not change when a source is split in two', () => {
    fc.assert(
      fc.property(studyArbitrary, fc.nat(), ({ coders, sources }, at) => {
        const [first, ...rest] = sources;
        const characters = [...first!.plainText];
        const cut = at % (characters.length + 1);
        const part = (id: string, from: number, to: number) =>
          makeSource({
            id,
            text: characters.slice(from, to).join(''),
            coders,
            codings: first!.excerpts.flatMap((excerpt) => {
              const fragments = excerpt.fragments
                .map((f): [number, number] => [Math.max(f.start, from) - from, Math.min(f.end, to) - from])
                .filter(([s, e]) => e > s);
              return fragments.length ? [{ coder: excerpt.coder, codes: excerpt.codes, fragments }] : [];
            }),
          });
        const split = [part('left', 0, cut), part('right', cut, characters.length), ...rest];
        sameReport(run(sources, coders), run(split, coders));
      }),
      runs,
    );
  });

  it('makes every pairwise table sum to the units compared', () => {
    fc.assert(
      fc.property(studyArbitrary, ({ coders, sources }) => {
        const result = run(sources, coders);
        for (const figures of [...Object.values(result.codes), result.overall]) {
          for (const pair of figures.pairwise) {
            const t = pair.table;
            assert.equal(t.both + t.firstOnly + t.secondOnly + t.neither, figures.units);
          }
        }
      }),
      runs,
    );
  });
});
