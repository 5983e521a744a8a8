import { strict as assert } from 'node:assert';
import { codingsAt } from '../../../src/core/analysis/agreement/codingsAt';
import { computeAgreement } from '../../../src/core/analysis/agreement/computeAgreement';
import { describeComparison } from '../../../src/core/analysis/agreement/describeComparison';
import { groupDisagreements } from '../../../src/core/analysis/agreement/groupDisagreements';
import { disagreementKey, isResolved, resolveDisagreement } from '../../../src/core/analysis/agreement/resolveDisagreement';
import type { Disagreement } from '../../../src/core/analysis/agreement/agreementReport';
import { codeRange } from '../../../src/core/edit/codeRange';
import type { Codebook } from '../../../src/core/model/codebook';
import { parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';
import { applied } from '../edit/helpers';
import { makeSource } from './makeSource';

const noCodebook = { codes: new Map() } as unknown as Codebook;

/** Two coders on one sentence: pg codes "abc" T1, rk codes "abc" T2 and "def" T1. */
const source = makeSource({
  id: 's',
  text: 'abc def ghi',
  codings: [
    { coder: 'pg', codes: ['T1'], fragments: [[0, 3]] },
    { coder: 'rk', codes: ['T2'], fragments: [[0, 3]] },
    { coder: 'rk', codes: ['T1'], fragments: [[4, 7]] },
  ],
});

function disagreementOf(code: string, start: number): Disagreement {
  const outcome = computeAgreement([source]);
  if (!outcome.ok) assert.fail(outcome.message);
  const found = outcome.report.disagreements.find((d) => d.code === code && d.start === start);
  assert.ok(found, `a disagreement on ${code} at ${start}`);
  return found;
}

describe('resolving a disagreement', () => {
  it('gives each coder\'s codes over the stretch, empty for a coder who coded nothing there', () => {
    assert.deepEqual(codingsAt(source, 4, 7, ['pg', 'rk']), [
      { coder: 'pg', codes: [], memos: [] },
      { coder: 'rk', codes: ['T1'], memos: [] },
    ]);
    assert.deepEqual(codingsAt(source, 0, 3, ['pg', 'rk']).map((c) => c.codes), [['T1'], ['T2']]);
  });

  it('accepting a coder writes that coder\'s codes over the stretch, by the consensus coder', () => {
    const d = disagreementOf('T1', 0);
    const outcome = resolveDisagreement(d, codingsAt(source, d.start, d.end, ['pg', 'rk']), { kind: 'accept', coder: 'rk' });
    assert.deepEqual(outcome, { ok: true, request: { start: 0, end: 3, coder: 'consensus', codes: ['T2'], memo: null } });
  });

  it('keeping both writes every coder\'s codes, first coder first', () => {
    const d = disagreementOf('T2', 0);
    const outcome = resolveDisagreement(d, codingsAt(source, d.start, d.end, ['pg', 'rk']), { kind: 'keepBoth' }, 'team');
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.request.codes, ['T1', 'T2']);
    assert.equal(outcome.request.coder, 'team');
  });

  it('marking discussed writes the disputed code with the memo, and wants a memo', () => {
    const d = disagreementOf('T1', 4);
    const codings = codingsAt(source, d.start, d.end, ['pg', 'rk']);
    const outcome = resolveDisagreement(d, codings, { kind: 'discussed', memo: '  agreed: not a tension ' });
    assert.ok(outcome.ok);
    assert.deepEqual([outcome.request.codes, outcome.request.memo], [['T1'], 'agreed: not a tension']);
    assert.deepEqual(resolveDisagreement(d, codings, { kind: 'discussed', memo: ' ' }), { ok: false, message: 'write a memo saying what the discussion decided' });
  });

  it('refuses to accept a coder who coded nothing there, or a consensus name that is a compared coder', () => {
    const d = disagreementOf('T1', 4);
    const codings = codingsAt(source, d.start, d.end, ['pg', 'rk']);
    const nothing = resolveDisagreement(d, codings, { kind: 'accept', coder: 'pg' });
    assert.ok(!nothing.ok && /pg coded nothing here/.test(nothing.message));
    const clash = resolveDisagreement(d, codings, { kind: 'keepBoth' }, 'rk');
    assert.ok(!clash.ok && /one of the compared coders/.test(clash.message));
    const bad = resolveDisagreement(d, codings, { kind: 'keepBoth' }, 'two words');
    assert.ok(!bad.ok && /not a coder name/.test(bad.message));
  });

  it('counts a disagreement as resolved once a consensus coding overlaps its stretch', () => {
    assert.equal(isResolved({ start: 4, end: 7 }, [{ start: 0, end: 3 }]), false);
    assert.equal(isResolved({ start: 4, end: 7 }, [{ start: 6, end: 9 }]), true);
  });

  it('groups disagreements by source and code in codebook order, each in text order', () => {
    const outcome = computeAgreement([source, makeSource({ id: 'a', text: 'xyz', codings: [{ coder: 'pg', codes: ['T2'], fragments: [[0, 1]] }, { coder: 'rk', codes: ['T2'], fragments: [[2, 3]] }] })]);
    assert.ok(outcome.ok);
    const groups = groupDisagreements(outcome.report.disagreements, ['T2', 'T1']);
    assert.deepEqual(groups.map((g) => [g.path, g.codes.map((c) => [c.code, c.disagreements.map((d) => d.start)])]), [
      ['a.md', [['T2', [0, 2]]]],
      ['s.md', [['T2', [0]], ['T1', [0, 4]]]],
    ]);
  });

  it('writes the consensus coding through the edit engine without changing the plain text, and the comparison counts it resolved', () => {
    const file = '**P1:** We called it :code[co-production]{.T1 by=pg} because :code[the funder asked]{.T2 by=rk}.\n';
    const parsed = parseTranscriptWithMap(file, { path: 'p.md' });
    const outcome = computeAgreement([parsed.source]);
    assert.ok(outcome.ok);
    const d = outcome.report.disagreements.find((candidate) => candidate.code === 'T1');
    assert.ok(d);
    const coding = resolveDisagreement(d, codingsAt(parsed.source, d.start, d.end, outcome.report.coders), { kind: 'accept', coder: 'pg' });
    assert.ok(coding.ok);
    const after = applied(file, codeRange(file, parsed, coding.request));
    const reparsed = parseTranscriptWithMap(after, { path: 'p.md' });
    assert.equal(reparsed.source.plainText, parsed.source.plainText);
    const consensus = reparsed.source.excerpts.filter((excerpt) => excerpt.coder === 'consensus');
    assert.deepEqual(consensus.map((excerpt) => [excerpt.text, excerpt.codes]), [['co-production', ['T1']]]);
    const again = computeAgreement([reparsed.source], { coders: ['pg', 'rk'] });
    assert.ok(again.ok);
    assert.deepEqual(again.report.overall, outcome.report.overall, 'the consensus coder does not change the figures');
    const comparison = describeComparison(again.report, [reparsed.source], noCodebook, 'consensus');
    assert.equal(comparison.resolved, 1);
    const settled = comparison.disagreements.find((item) => item.key === disagreementKey(d));
    assert.deepEqual(settled?.resolution, { coder: 'consensus', codes: ['T1'], memos: [] });
  });
});
