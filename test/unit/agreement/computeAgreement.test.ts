import { strict as assert } from 'node:assert';
import { computeAgreement, type AgreementOptions } from '../../../src/core/analysis/agreement/computeAgreement';
import type { AgreementReport } from '../../../src/core/analysis/agreement/agreementReport';
import type { Codebook, Code, Source } from '../../../src/core/model';
import { makeSource } from './makeSource';

function report(sources: Source[], options: AgreementOptions = {}): AgreementReport {
  const outcome = computeAgreement(sources, options);
  if (!outcome.ok) assert.fail(`expected a report, received: ${outcome.message}`);
  return outcome.report;
}

function failure(sources: Source[], options: AgreementOptions = {}): string {
  const outcome = computeAgreement(sources, options);
  assert.equal(outcome.ok, false, 'expected the comparison to be refused');
  return (outcome as { message: string }).message;
}

const ten = '0123456789';

function code(id: string, parent: string | null, children: string[] = []): Code {
  return {
    id, name: id, description: null, color: null, parent, children, group: null, level: null,
    aliases: [], example: null, history: [], preset: null, extra: {}, origin: null,
  };
}

describe('computeAgreement', () => {
  it('gives agreement 1, kappa 1 and alpha 1 when two coders code the same stretch', () => {
    const source = makeSource({
      id: 's', text: ten,
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[2, 6]] },
        { coder: 'b', codes: ['T1'], fragments: [[2, 6]] },
      ],
    });
    const figures = report([source]).codes.T1!;
    assert.equal(figures.units, 10);
    assert.deepEqual(figures.coded, { a: 4, b: 4 });
    assert.equal(figures.percentAgreement, 1);
    assert.equal(figures.kappa, 1);
    assert.equal(figures.alpha, 1);
  });

  it('gives agreement 0, kappa -1 and alpha -0.9 when two coders code complementary halves', () => {
    // 10 units, each coded by exactly one coder: po 0, pe 0.5; alpha = 1 - 19 * 10 / (10 * 10).
    const source = makeSource({
      id: 's', text: ten,
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 5]] },
        { coder: 'b', codes: ['T1'], fragments: [[5, 10]] },
      ],
    });
    const figures = report([source]).codes.T1!;
    assert.equal(figures.percentAgreement, 0);
    assert.equal(figures.kappa, -1);
    assert.ok(Math.abs(figures.alpha! - -0.9) < 1e-12);
  });

  it('gives kappa 0 for a code one coder never used', () => {
    // T1: a codes 4 of 10 units, b none: po 0.6, pe 0.4 * 0 + 0.6 * 1 = 0.6.
    const source = makeSource({
      id: 's', text: ten,
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 4]] },
        { coder: 'b', codes: ['T2'], fragments: [[6, 8]] },
      ],
    });
    const figures = report([source]).codes.T1!;
    assert.deepEqual(figures.coded, { a: 4, b: 0 });
    assert.ok(Math.abs(figures.percentAgreement! - 0.6) < 1e-12);
    assert.ok(Math.abs(figures.kappa!) < 1e-12);
    // alpha = 1 - (20 - 1) * 4 / (16 * 4)
    assert.ok(Math.abs(figures.alpha! - (1 - (19 * 4) / 64)) < 1e-12);
  });

  it('reports kappa and alpha as null with a reason when both coders coded every unit', () => {
    const source = makeSource({
      id: 's', text: 'abc',
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 3]] },
        { coder: 'b', codes: ['T1'], fragments: [[0, 3]] },
      ],
    });
    const figures = report([source]).codes.T1!;
    assert.equal(figures.percentAgreement, 1);
    assert.equal(figures.kappa, null);
    assert.equal(figures.alpha, null);
    assert.match(figures.reasons.kappa!, /no variation/);
    assert.match(figures.reasons.alpha!, /no variation/);
    assert.ok(!JSON.stringify(figures).includes('NaN'));
  });

  it('reports every statistic as null with a reason when no source was coded by all compared coders', () => {
    const sources = [
      makeSource({ id: 'x', text: ten, codings: [{ coder: 'a', codes: ['T1'], fragments: [[0, 3]] }] }),
      makeSource({ id: 'y', text: ten, codings: [{ coder: 'b', codes: ['T1'], fragments: [[0, 3]] }] }),
    ];
    const result = report(sources);
    assert.equal(result.compared.sources, 0);
    assert.deepEqual(result.compared.skipped.map((s) => [s.source, s.missing]), [['x', ['b']], ['y', ['a']]]);
    assert.equal(result.overall.units, 0);
    assert.equal(result.overall.percentAgreement, null);
    assert.match(result.overall.reasons.percentAgreement!, /no units/);
  });

  it('does not list as skipped a source no compared coder coded', () => {
    const coded = makeSource({
      id: 'x', text: ten,
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 3]] },
        { coder: 'b', codes: ['T1'], fragments: [[0, 3]] },
      ],
    });
    const untouched = makeSource({ id: 'readme', text: 'notes', codings: [{ coder: 'c', codes: ['T1'], fragments: [[0, 2]] }] });
    const result = report([coded, untouched], { coders: ['a', 'b'] });
    assert.equal(result.compared.sources, 1);
    assert.deepEqual(result.compared.skipped, []);
  });

  it('counts a source as coded by a coder listed in its front-matter coders even without excerpts there', () => {
    const withList = makeSource({
      id: 'x', text: ten, coders: ['a', 'b'],
      codings: [{ coder: 'a', codes: ['T1'], fragments: [[0, 3]] }],
    });
    const other = makeSource({ id: 'y', text: 'abc', codings: [{ coder: 'b', codes: ['T1'], fragments: [[0, 1]] }] });
    const result = report([withList, other]);
    assert.equal(result.compared.sources, 1);
    assert.deepEqual(result.codes.T1!.coded, { a: 3, b: 0 });
  });

  it('leaves whitespace out of the units with ignoreWhitespace', () => {
    const source = makeSource({
      id: 's', text: 'ab cd  ef',
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 5]] },
        { coder: 'b', codes: ['T1'], fragments: [[0, 2], [3, 5]] },
      ],
    });
    const counted = report([source]).codes.T1!;
    assert.equal(counted.units, 9);
    assert.ok(counted.percentAgreement! < 1);
    const ignored = report([source], { ignoreWhitespace: true });
    assert.equal(ignored.codes.T1!.units, 6);
    assert.equal(ignored.codes.T1!.percentAgreement, 1);
    assert.equal(ignored.disagreements.length, 0);
  });

  it('counts a child code for its parent only with rollup', () => {
    const codebook: Codebook = {
      codes: new Map([['P', code('P', null, ['C'])], ['C', code('C', 'P')]]),
      roots: ['P'], history: [], citations: [], files: [],
    };
    const source = makeSource({
      id: 's', text: ten,
      codings: [
        { coder: 'a', codes: ['C'], fragments: [[0, 5]] },
        { coder: 'b', codes: ['P'], fragments: [[0, 5]] },
      ],
    });
    const plain = report([source], { codebook });
    assert.deepEqual(plain.codes.P!.coded, { a: 0, b: 5 });
    const rolled = report([source], { codebook, rollup: true });
    assert.deepEqual(rolled.codes.P!.coded, { a: 5, b: 5 });
    assert.equal(rolled.codes.P!.percentAgreement, 1);
    assert.deepEqual(Object.keys(rolled.codes), ['P', 'C']);
  });

  it('counts a coder once where two of their excerpts with the same code overlap', () => {
    const source = makeSource({
      id: 's', text: ten,
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 5]] },
        { coder: 'a', codes: ['T1', 'T2'], fragments: [[3, 7]] },
        { coder: 'b', codes: ['T1'], fragments: [[0, 7]] },
      ],
    });
    const figures = report([source]).codes.T1!;
    assert.deepEqual(figures.coded, { a: 7, b: 7 });
    assert.equal(figures.percentAgreement, 1);
  });

  it('leaves out a code whose only excerpt is empty', () => {
    const source = makeSource({
      id: 's', text: ten,
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 5]] },
        { coder: 'b', codes: ['T1'], fragments: [[0, 5]] },
        { coder: 'a', codes: ['T2'], fragments: [[3, 3]] },
      ],
    });
    assert.deepEqual(Object.keys(report([source]).codes), ['T1']);
  });

  it('pools the 2×2 tables of all codes in overall', () => {
    const source = makeSource({
      id: 's', text: ten,
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 5]] },
        { coder: 'b', codes: ['T1'], fragments: [[0, 5]] },
        { coder: 'a', codes: ['T2'], fragments: [[5, 10]] },
      ],
    });
    const result = report([source]);
    assert.equal(result.overall.units, 20);
    assert.deepEqual(result.overall.pairwise[0]!.table, { both: 5, firstOnly: 5, secondOnly: 0, neither: 10 });
    assert.equal(result.overall.percentAgreement, 15 / 20);
  });

  it('gives pairwise kappas, their mean and Fleiss\' kappa for three coders', () => {
    const source = makeSource({
      id: 's', text: ten,
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 4]] },
        { coder: 'b', codes: ['T1'], fragments: [[0, 5]] },
        { coder: 'c', codes: ['T1'], fragments: [[2, 6]] },
      ],
    });
    const figures = report([source]).codes.T1!;
    assert.deepEqual(figures.pairwise.map((pair) => pair.coders), [['a', 'b'], ['a', 'c'], ['b', 'c']]);
    const mean = figures.pairwise.reduce((sum, pair) => sum + pair.kappa!, 0) / 3;
    assert.ok(Math.abs(figures.kappa! - mean) < 1e-12);
    assert.notEqual(figures.fleiss, null);
  });

  it('lists maximal disagreements longest first with coders, text and speaker', () => {
    const source = makeSource({
      id: 's', text: 'P1: hello 😀 world, P2: bye',
      turns: [{ speaker: 'P1', start: 0 }, { speaker: 'P2', start: 19 }],
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[4, 17]] },
        { coder: 'b', codes: ['T1'], fragments: [[4, 9]] },
        { coder: 'b', codes: ['T2'], fragments: [[23, 26]] },
      ],
    });
    const result = report([source]);
    assert.deepEqual(
      result.disagreements.map((d) => [d.code, d.start, d.end, d.coders, d.text, d.speaker]),
      [
        ['T1', 9, 17, ['a'], ' 😀 world', 'P1'],
        ['T2', 23, 26, ['b'], 'bye', 'P2'],
      ],
    );
  });

  it('refuses an unknown coder, a single coder and a coder with no excerpts with one clear message', () => {
    const source = makeSource({
      id: 's', text: ten, coders: ['c'],
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 4]] },
        { coder: 'b', codes: ['T1'], fragments: [[0, 5]] },
      ],
    });
    assert.match(failure([source], { coders: ['a', 'z'] }), /unknown coder 'z'/);
    assert.match(failure([source], { coders: ['a'] }), /at least two coders/);
    assert.match(failure([source], { coders: ['a', 'c'] }), /coder 'c' has no excerpts/);
    const alone = makeSource({ id: 't', text: ten, codings: [{ coder: 'a', codes: ['T1'], fragments: [[0, 4]] }] });
    assert.match(failure([alone]), /at least two coders/);
  });

  it('compares by default the coders who have excerpts, not those only listed in front matter', () => {
    const source = makeSource({
      id: 's', text: ten, coders: ['a', 'b', 'c'],
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 4]] },
        { coder: 'b', codes: ['T1'], fragments: [[0, 5]] },
      ],
    });
    assert.deepEqual(report([source]).coders, ['a', 'b']);
  });

  it('ignores excerpts without a coder and counts them', () => {
    const source = makeSource({
      id: 's', text: ten,
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 4]] },
        { coder: 'b', codes: ['T1'], fragments: [[0, 4]] },
        { coder: null, codes: ['T1'], fragments: [[5, 9]] },
      ],
    });
    const result = report([source]);
    assert.equal(result.unattributedExcerpts, 1);
    assert.equal(result.codes.T1!.percentAgreement, 1);
  });

  it('has the JSON shape of the agreement command', () => {
    const source = makeSource({
      id: 's', text: ten,
      codings: [
        { coder: 'a', codes: ['T1'], fragments: [[0, 4]] },
        { coder: 'b', codes: ['T1'], fragments: [[1, 4]] },
      ],
    });
    const json = JSON.parse(JSON.stringify(report([source])));
    assert.deepEqual(json.coders, ['a', 'b']);
    assert.equal(json.unit, 'codepoint');
    for (const figures of [json.codes.T1, json.overall]) {
      for (const key of ['percentAgreement', 'kappa', 'alpha', 'units', 'coded']) assert.ok(key in figures, key);
    }
    for (const key of ['source', 'start', 'end', 'code', 'coders', 'text']) assert.ok(key in json.disagreements[0], key);
  });
});
