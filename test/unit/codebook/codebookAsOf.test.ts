import assert from 'node:assert/strict';
import { codebookAsOf, codebookSteps } from '../../../src/core/codebook/codebookAsOf';
import { compileInMemory, lines } from './helpers';

const { codebook } = compileInMemory(
  lines(
    'codes:',
    '  - { id: T1, name: Narratives, group: tensions }',
    '  - id: T3',
    '    name: Language',
    '    group: tensions',
    '    children:',
    '      - { id: T3a, name: Communication }',
    '      - id: T3b',
    '        name: Skills',
    '        history: [{ action: added, step: step3 }]',
    '  - id: T4',
    '    name: Motivation vs structure',
    '    group: tensions',
    '    level: meso',
    '    children: [{ id: T4a, name: Motivation }]',
    '  - { id: NEW, name: Renamed code, aliases: [OLD] }',
    'history:',
    '  - { action: candidate, to: [T1], step: step2, note: Narratives }',
    '  - { action: candidate, to: [T3], step: step2, note: Language }',
    '  - { action: candidate, to: [TC4], step: step2, note: Research vs non-research }',
    '  - { action: candidate, to: [TC5], step: step2, note: Ways of working }',
    '  - { action: merge, from: [TC4, TC5], to: [T4], step: step3 }',
    '  - { action: added, to: [T3b], step: step3 }',
    '  - { action: rename, from: [OLD], to: [NEW], date: 2026-11-25 }',
  ),
);

describe('codebookAsOf', () => {
  it('lists the steps in order of first appearance', () => {
    assert.deepEqual(codebookSteps(codebook), ['step2', 'step3']);
  });

  it('shows the candidates of step 2 as of step 2, where the merged code stood', () => {
    const asOf = codebookAsOf(codebook, 'step2')!;
    assert.deepEqual(asOf.roots, ['T1', 'T3', 'TC4', 'TC5', 'OLD']);
    const tc4 = asOf.codes.get('TC4')!;
    assert.equal(tc4.name, 'Research vs non-research', 'named after the note of the candidate entry');
    assert.equal(tc4.group, 'tensions', 'takes the group of the code it was merged into');
    assert.equal(tc4.level, 'meso');
  });

  it('removes a merged code with its children as of the step before the merge', () => {
    const asOf = codebookAsOf(codebook, 'step2')!;
    assert.equal(asOf.codes.has('T4'), false);
    assert.equal(asOf.codes.has('T4a'), false);
  });

  it('leaves out codes added in step 3 as of step 2, and keeps their siblings', () => {
    const asOf = codebookAsOf(codebook, 'step2')!;
    assert.equal(asOf.codes.has('T3b'), false);
    assert.deepEqual(asOf.codes.get('T3')!.children, ['T3a']);
  });

  it('shows the merged code and no candidates as of step 3', () => {
    const asOf = codebookAsOf(codebook, 'step3')!;
    assert.ok(asOf.codes.has('T4'));
    assert.ok(asOf.codes.has('T3b'));
    assert.equal(asOf.codes.has('TC4'), false);
  });

  it('undoes a step-less change written after step 3 when looking at step 3', () => {
    const asOf = codebookAsOf(codebook, 'step3')!;
    assert.equal(asOf.codes.has('NEW'), false);
    assert.equal(asOf.codes.get('OLD')!.name, 'Renamed code');
    assert.deepEqual(asOf.codes.get('OLD')!.aliases, []);
    assert.deepEqual(
      asOf.history.map((h) => h.action),
      ['candidate', 'candidate', 'candidate', 'candidate', 'merge', 'added'],
    );
  });

  it('keeps only the history entries up to the step', () => {
    const asOf = codebookAsOf(codebook, 'step2')!;
    assert.deepEqual(
      asOf.history.map((h) => h.action),
      ['candidate', 'candidate', 'candidate', 'candidate'],
    );
    assert.deepEqual(asOf.codes.get('T1')!.history, []);
  });

  it('returns undefined for a step the history never names', () => {
    assert.equal(codebookAsOf(codebook, 'step9'), undefined);
  });

  it('does not change the codebook it is given', () => {
    const before = structuredClone(codebook);
    codebookAsOf(codebook, 'step2');
    assert.deepEqual(codebook, before);
  });

  it('undoes a split and a drop, and gives a renamed parent back its children', () => {
    const { codebook: split } = compileInMemory(
      lines(
        'codes:',
        '  - { id: P, name: Parent, children: [{ id: A1, name: Half one }, { id: A2, name: Half two }] }',
        '  - { id: K, name: Kept }',
        'history:',
        '  - { action: rename, from: Q, to: P, step: s1 }',
        '  - { action: split, from: A, to: [A1, A2], step: s2 }',
        '  - { action: drop, from: Z, step: s2 }',
      ),
    );
    const s1 = codebookAsOf(split, 's1')!;
    assert.deepEqual([...s1.codes.keys()], ['P', 'A', 'K', 'Z']);
    assert.equal(s1.codes.get('A')!.parent, 'P');
    const before = structuredClone(split.codes);
    assert.deepEqual(codebookAsOf(split, 's2')!.codes, before);
    const { codebook: renamed } = compileInMemory(
      lines('codes:', '  - { id: P, name: Parent, children: [{ id: C, name: Child }] }', 'history:', '  - { action: rename, from: Q, to: P, step: s2 }', '  - { action: candidate, to: X, step: s1 }'),
    );
    const old = codebookAsOf(renamed, 's1')!;
    assert.deepEqual(old.roots, ['Q']);
    assert.deepEqual(old.codes.get('Q')!.children, ['C']);
    assert.equal(old.codes.get('C')!.parent, 'Q');
  });
});

describe('codebookAsOf on a tangled history', () => {
  it('never makes a restored code its own parent, nor leaves a code out of the tree', () => {
    // A split of H into G and E, where E was H's parent and G its child: undoing it restores H beside G, whose parent was H.
    const { codebook } = compileInMemory(
      lines(
        'codes:',
        '  - { id: H, name: Code H, parent: E }',
        '  - { id: G, name: Code G, parent: H }',
        '  - { id: E, name: Code E }',
        'history:',
        '  - { action: added, from: [], to: [], step: step1 }',
        '  - { action: split, from: [H], to: [G, E] }',
      ),
    );
    const asOf = codebookAsOf(codebook, 'step1')!;
    assert.deepEqual([...asOf.codes.keys()], ['H']);
    assert.deepEqual(asOf.roots, ['H']);
    assert.equal(asOf.codes.get('H')!.parent, null);
    assert.deepEqual(asOf.codes.get('H')!.children, []);
  });
});

describe('codebookSteps', () => {
  it('sorts numbered steps by their numbers, wherever they are first written', () => {
    const { codebook } = compileInMemory(
      lines(
        'codes:',
        '  - { id: A, name: A, history: [{ action: added, step: step1 }] }',
        'history:',
        '  - { action: candidate, to: B, step: step10 }',
        '  - { action: candidate, to: C, step: step2 }',
      ),
    );
    assert.deepEqual(codebookSteps(codebook), ['step1', 'step2', 'step10']);
  });

  it('keeps named steps in the order they are first written', () => {
    const { codebook } = compileInMemory(
      lines('history:', '  - { action: candidate, to: B, step: workshop }', '  - { action: candidate, to: C, step: pilot }'),
    );
    assert.deepEqual(codebookSteps(codebook), ['workshop', 'pilot']);
  });
});
