import assert from 'node:assert/strict';
import { parseWorkshop } from '../../../src/core/analysis/workshop/parseWorkshop';

function placed(text: string): string[] {
  return parseWorkshop(text, 'w.yaml').diagnostics.map((d) => `${d.path}:${d.line}:${d.column}: ${d.severity} ${d.ruleId}`);
}

const GOOD = [
  'title: Leads workshop',
  'date: 2021-10-12',
  'step: step3',
  'votesEach: 2',
  'candidates: [A, B, C]',
  'participants:',
  '  - id: p1',
  '    name: First lead',
  '    votes: [A, B]',
  '    inner: [A]',
  '    outer: [B, C]',
  '    notes: "Saw B and C as one."',
  '  - id: p2',
  '    votes: A',
  '    inner: [B]',
  'notes: Merged B and C.',
].join('\n');

describe('parseWorkshop', () => {
  it('reads the date, step, candidates and each participant', () => {
    const { workshop, diagnostics } = parseWorkshop(GOOD, 'w.yaml');
    assert.deepEqual(diagnostics, []);
    assert.equal(workshop.title, 'Leads workshop');
    assert.equal(workshop.date, '2021-10-12');
    assert.equal(workshop.step, 'step3');
    assert.equal(workshop.votesEach, 2);
    assert.deepEqual(workshop.candidates.map((c) => c.id), ['A', 'B', 'C']);
    assert.deepEqual(
      workshop.participants.map((p) => [p.id, p.name, p.votes.map((r) => r.id), p.inner.map((r) => r.id), p.outer.map((r) => r.id), p.notes]),
      [
        ['p1', 'First lead', ['A', 'B'], ['A'], ['B', 'C'], 'Saw B and C as one.'],
        ['p2', null, ['A'], ['B'], [], null],
      ],
    );
    assert.equal(workshop.notes, 'Merged B and C.');
  });

  it('keeps where each id was written', () => {
    const { workshop } = parseWorkshop(GOOD, 'w.yaml');
    assert.deepEqual(workshop.candidates[2]!.origin, { path: 'w.yaml', line: 5, column: 20 });
    assert.deepEqual(workshop.participants[0]!.outer[1]!.origin, { path: 'w.yaml', line: 11, column: 16 });
  });

  it('places every problem of a bad file at its line and column', () => {
    const bad = [
      'date: next week',
      'step: step3',
      'votesEach: 1',
      'candidates: [A, B, C]',
      'participants:',
      '  - id: p1',
      '    votes: [A, B]',
      '    inner: [A, D]',
      '    outer: [A]',
      '  - id: p1',
      '    colour: red',
      '  - name: nobody',
    ].join('\n');
    assert.deepEqual(placed(bad), [
      'w.yaml:1:7: warning bad-date',
      'w.yaml:7:16: warning too-many-votes',
      'w.yaml:8:16: error not-a-candidate',
      'w.yaml:9:13: error both-circles',
      'w.yaml:10:5: error duplicate-participant',
      'w.yaml:11:5: warning unknown-key',
      'w.yaml:12:5: error missing-participant-id',
    ]);
  });

  it('names the participant and the card in the message of a card placed in both circles', () => {
    const text = 'candidates: [A, B]\nparticipants:\n  - id: lead3\n    inner: [A, B]\n    outer: [B]\n';
    const { workshop, diagnostics } = parseWorkshop(text, 'w.yaml');
    assert.equal(diagnostics[0]!.message, 'lead3 placed B in both the inner and the outer circle; a card goes in one');
    assert.deepEqual(workshop.participants[0]!.inner.map((r) => r.id), ['A']);
    assert.deepEqual(workshop.participants[0]!.outer, []);
  });

  it('names the candidates in the message of an id that is not one', () => {
    const text = 'candidates: [A, B]\nparticipants:\n  - id: p1\n    votes: [Z]\n';
    assert.equal(parseWorkshop(text, 'w.yaml').diagnostics[0]!.message, 'Z in the votes of p1 is not one of the candidates (A, B)');
  });

  it('counts an id listed twice in one list once, with a warning', () => {
    const text = 'candidates: [A, B]\nparticipants:\n  - id: p1\n    votes: [A, A]\n';
    const { workshop } = parseWorkshop(text, 'w.yaml');
    assert.deepEqual(placed(text), ['w.yaml:4:16: warning duplicate-entry']);
    assert.deepEqual(workshop.participants[0]!.votes.map((r) => r.id), ['A']);
  });

  it('reports a file without candidates as an error and without participants as a warning', () => {
    assert.deepEqual(placed('title: Nothing yet\n'), ['w.yaml:1:1: error no-candidates', 'w.yaml:1:1: warning no-participants']);
  });

  it('reports a file that is not a mapping at 1:1', () => {
    assert.deepEqual(placed('- A\n- B\n'), ['w.yaml:1:1: error wrong-type']);
  });

  it('reports broken YAML at its place and never throws', () => {
    const found = placed('candidates: [A, B\nparticipants:\n');
    assert.ok(found.some((line) => / error yaml-syntax$/.test(line)), found.join('\n'));
    assert.doesNotThrow(() => parseWorkshop('\u0000\t: : [', 'w.yaml'));
  });

  it('reports an id that is not a code id', () => {
    assert.deepEqual(placed('candidates: [A, 2B]\n'), ['w.yaml:1:1: warning no-participants', 'w.yaml:1:17: error bad-id']);
  });
});
