import assert from 'node:assert/strict';
import { parseWorkshop } from '../../../src/core/analysis/workshop/parseWorkshop';
import { tallyWorkshop } from '../../../src/core/analysis/workshop/tallyWorkshop';
import { workshopChanges } from '../../../src/core/analysis/workshop/workshopChanges';
import { makeCodebook } from '../tables/corpus';
import { entry, mergedStudy } from './packCorpus';

const THREE = [
  'step: step2',
  'candidates: [A, B, C1, C2, X]',
  'participants:',
  '  - id: p1',
  '    votes: [A, B]',
  '    inner: [A]',
  '    outer: [B, C1]',
  '  - id: p2',
  '    votes: [A]',
  '    inner: [A, B]',
  '  - id: p3',
  '    votes: [B, C1]',
  '    inner: [C1]',
  '    outer: [A]',
].join('\n');

function tallyOf(text: string, withCodebook = true) {
  const parsed = parseWorkshop(text, 'w.yaml');
  assert.deepEqual(parsed.diagnostics.filter((d) => d.severity === 'error'), []);
  return tallyWorkshop(parsed.workshop, withCodebook ? mergedStudy().codebook : null);
}

describe('tallyWorkshop', () => {
  it('counts votes, inner and outer placements and who left a card unplaced', () => {
    const { tally } = tallyOf(THREE);
    assert.deepEqual(
      tally.candidates.map((c) => [c.id, c.votes, c.inner, c.outer, c.unplaced]),
      [
        ['A', 2, 2, 1, 0],
        ['B', 2, 1, 1, 1],
        ['C1', 1, 1, 1, 1],
        ['C2', 0, 0, 0, 3],
        ['X', 0, 0, 0, 3],
      ],
    );
    const b = tally.candidates.find((c) => c.id === 'B')!;
    assert.deepEqual([b.voters, b.innerBy, b.outerBy, b.unplacedBy], [['p1', 'p3'], ['p2'], ['p1'], ['p3']]);
  });

  it('ranks by votes, then inner-circle placements, equal candidates sharing a rank', () => {
    const { tally } = tallyOf(THREE);
    assert.deepEqual(tally.candidates.map((c) => [c.id, c.rank]), [['A', 1], ['B', 2], ['C1', 3], ['C2', 4], ['X', 4]]);
  });

  it('lists per participant the cards left in neither circle', () => {
    const { tally } = tallyOf(THREE);
    assert.deepEqual(tally.participants.map((p) => [p.id, p.unplaced]), [['p1', ['C2', 'X']], ['p2', ['C1', 'C2', 'X']], ['p3', ['B', 'C2', 'X']]]);
  });

  it('names candidates as the codebook stood before the workshop step', () => {
    const { tally } = tallyOf(THREE);
    assert.equal(tally.candidatesFrom, 'step1');
    assert.deepEqual(tally.candidates.map((c) => c.name), ['Alpha', 'Beta', 'Gamma one', 'Gamma two', 'Other']);
  });

  it('lists the codebook changes recorded for the workshop step', () => {
    const { tally } = tallyOf(THREE);
    assert.deepEqual(tally.changes.map((c) => [c.action, c.fromLabels, c.toLabels, c.note]), [['merge', ['C1 Gamma one', 'C2 Gamma two'], ['M Merged'], 'Workshop: one theme']]);
  });

  it('warns at its place about a candidate the codebook never knew', () => {
    const { diagnostics, tally } = tallyOf('step: step2\ncandidates: [A, Q]\nparticipants:\n  - id: p1\n    votes: [Q]\n');
    assert.deepEqual(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`), ['2:17 warning unknown-candidate']);
    assert.equal(tally.candidates[0]!.id, 'Q');
    assert.equal(tally.candidates[0]!.known, false);
  });

  it('warns about a step the history does not name and lists no changes', () => {
    const { diagnostics, tally } = tallyOf('step: step7\ncandidates: [A]\nparticipants:\n  - id: p1\n');
    assert.deepEqual(diagnostics.map((d) => d.ruleId), ['unknown-step']);
    assert.deepEqual(tally.changes, []);
  });

  it('tallies without a codebook, every candidate named by its id', () => {
    const { tally, diagnostics } = tallyOf(THREE, false);
    assert.deepEqual(diagnostics, []);
    assert.equal(tally.candidates[0]!.name, 'A');
    assert.deepEqual(tally.changes, []);
  });
});

describe('workshopChanges', () => {
  it('adds the changes written in codes’ own histories once, an entry without `to` applying to its code', () => {
    const codebook = makeCodebook([
      { id: 'T4', name: 'Four', history: [entry('merge', ['C4', 'C5'], ['T4'], 'step3')] },
      { id: 'T3b', name: 'Skills', history: [entry('added', [], [], 'step3', 'from the discussion')] },
      { id: 'T1', name: 'One', history: [entry('describe', [], [], 'step2')] },
    ]);
    codebook.history = [entry('candidate', [], ['C4'], 'step2', 'Research or not'), entry('merge', ['C4', 'C5'], ['T4'], 'step3')];
    assert.deepEqual(
      workshopChanges(codebook, 'step3').map((c) => [c.action, c.fromLabels, c.toLabels, c.note]),
      [
        ['merge', ['C4 Research or not', 'C5'], ['T4 Four'], null],
        ['added', [], ['T3b Skills'], 'from the discussion'],
      ],
    );
  });
});
