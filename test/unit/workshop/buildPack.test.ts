import assert from 'node:assert/strict';
import { buildPack, defaultPackStep } from '../../../src/core/analysis/workshop/buildPack';
import type { PackCard, ResourcePack } from '../../../src/core/analysis/workshop/resourcePack';
import { makeCodebook } from '../tables/corpus';
import { entry, mergedStudy } from './packCorpus';

function packOf(result: ReturnType<typeof buildPack>): ResourcePack {
  assert.ok(result.pack, JSON.stringify(result.problems));
  return result.pack;
}

function card(pack: ResourcePack, id: string): PackCard {
  const found = pack.cards.find((c) => c.id === id);
  assert.ok(found, `no card ${id} in ${pack.cards.map((c) => c.id).join(', ')}`);
  return found;
}

describe('buildPack', () => {
  it('shows by default the candidates of the step before the last one', () => {
    const { sources, codebook } = mergedStudy();
    const pack = packOf(buildPack(sources, codebook, { group: 'g' }));
    assert.equal(pack.step, 'step1');
    assert.deepEqual(pack.cards.map((c) => [c.id, c.name]), [['A', 'Alpha'], ['B', 'Beta'], ['C1', 'Gamma one'], ['C2', 'Gamma two'], ['C1 + C2', '(merged later into M; not separable)']]);
  });

  it('uses the current codebook when the history names fewer than two steps', () => {
    const codebook = makeCodebook([{ id: 'A', name: 'A' }]);
    assert.equal(defaultPackStep(codebook), null);
    codebook.history = [entry('candidate', [], ['A'], 'step1')];
    assert.equal(defaultPackStep(codebook), null);
  });

  it('counts a candidate with its sub-codes, per partnership, with its coders', () => {
    const { sources, codebook } = mergedStudy();
    const a = card(packOf(buildPack(sources, codebook, { group: 'g' })), 'A');
    assert.equal(a.excerpts, 3);
    assert.equal(a.sources, 2);
    assert.deepEqual(a.coders, ['ann', 'bob']);
    assert.deepEqual(a.columns.map((c) => [c.label, c.excerpts, c.sources]), [['North', 1, 1], ['South', 2, 1]]);
    assert.deepEqual(a.subCodes.map((s) => [s.id, s.depth, s.excerpts, s.sources]), [['A1', 1, 1, 1]]);
  });

  it('quotes the exemplar first, then the most typical other excerpts', () => {
    const { sources, codebook } = mergedStudy();
    const a = card(packOf(buildPack(sources, codebook, { group: 'g' })), 'A');
    assert.deepEqual(a.quotes.map((q) => [q.text, q.speaker, q.source, q.exemplar]), [
      ['Alpha one.', 'P1', 'S1', true],
      ['Alpha sub', 'P2', 'S2', false],
      ['Alpha sub here.', 'P2', 'S2', false],
    ]);
  });

  it('gives at most the number of quotes asked for', () => {
    const { sources, codebook } = mergedStudy();
    const a = card(packOf(buildPack(sources, codebook, { group: 'g', quotes: 2 })), 'A');
    assert.equal(a.quotes.length, 2);
  });

  it('counts the codings of a code that merged candidates later on one card of their own, marked as not separable', () => {
    const { sources, codebook } = mergedStudy();
    const pack = packOf(buildPack(sources, codebook, { group: 'g' }));
    const merged = card(pack, 'C1 + C2');
    assert.equal(merged.name, '(merged later into M; not separable)');
    assert.equal(merged.excerpts, 2);
    assert.equal(merged.sources, 1);
    assert.deepEqual(merged.countedThrough, ['M', 'M1']);
    assert.deepEqual(merged.notSeparable, ['C1', 'C2']);
    assert.deepEqual(merged.columns.map((col) => col.excerpts), [2, 0]);
    assert.ok(merged.prompts.includes('C1 and C2 were merged later into M: these excerpts, coded M and M1, cannot be told apart among them. Which of them does each speak to?'));
    for (const id of ['C1', 'C2']) {
      const c = card(pack, id);
      assert.equal(c.excerpts, 0);
      assert.deepEqual(c.notSeparable, ['C1 + C2']);
      assert.match(c.prompts[0]!, /its codings after the merge are on the card C1 \+ C2/);
    }
    assert.deepEqual(pack.cards.map((c) => c.id), ['A', 'B', 'C1', 'C2', 'C1 + C2']);
  });

  it('finds the candidates that share coded text, not counting a code that stands for both', () => {
    const { sources, codebook } = mergedStudy();
    const pack = packOf(buildPack(sources, codebook, { group: 'g' }));
    assert.deepEqual(card(pack, 'B').related.map((r) => [r.id, r.excerpts]), [['C1 + C2', 1]]);
    assert.deepEqual(card(pack, 'C1 + C2').related.map((r) => [r.id, r.excerpts]), [['B', 1]]);
    assert.deepEqual(card(pack, 'A').related, []);
  });

  it('words prompts from the numbers: shared text, spread over partnerships, exemplars, the circles', () => {
    const { sources, codebook } = mergedStudy();
    const pack = packOf(buildPack(sources, codebook, { group: 'g' }));
    assert.deepEqual(card(pack, 'A').prompts, [
      'Shares no coded text with the other candidates: does it stand on its own?',
      'Found in all 2 partnerships: does it play out the same way in each?',
      'Inner circle (among the most important) or outer circle?',
    ]);
    assert.deepEqual(card(pack, 'B').prompts, [
      'Shares coded text most with C1 + C2 (merged later into M; not separable) (1 of its 2 excerpts): one tension or two? Could they merge?',
      'Found in all 2 partnerships: does it play out the same way in each?',
      'No excerpt is marked exemplar: which passage shows it best?',
      'Inner circle (among the most important) or outer circle?',
    ]);
    assert.ok(card(pack, 'C1 + C2').prompts.includes('Found only in North: is it particular to that partnership, or did the others not talk about it?'));
  });

  it('says when only one of several coders coded a candidate', () => {
    const { sources, codebook } = mergedStudy();
    const pack = packOf(buildPack(sources, codebook, { group: 'g', asOf: 'current', coders: ['ann', 'bob'] }));
    const m = card(pack, 'M');
    assert.deepEqual(m.coders, ['ann', 'bob']);
    const onlyAnn = packOf(buildPack(sources.slice(0, 1), codebook, { group: 'g', asOf: 'current' }));
    assert.ok(card(onlyAnn, 'B').prompts.includes('Only ann coded it: did the other coders see it under another code?'));
  });

  it('shows the current codebook with --as-of current', () => {
    const { sources, codebook } = mergedStudy();
    const pack = packOf(buildPack(sources, codebook, { group: 'g', asOf: 'current' }));
    assert.equal(pack.step, null);
    assert.deepEqual(pack.cards.map((c) => [c.id, c.excerpts, c.countedThrough.length]), [['A', 3, 0], ['B', 2, 0], ['M', 2, 0]]);
  });

  it('keeps a candidate without excerpts as an honest card of zeros', () => {
    const { sources, codebook } = mergedStudy();
    const pack = packOf(buildPack(sources.slice(1), codebook, { group: 'g' }));
    const c1 = card(pack, 'C1');
    assert.equal(c1.excerpts, 0);
    assert.deepEqual(c1.quotes, []);
    assert.deepEqual(c1.prompts, [
      'No excerpt is coded with it: is it a tension the team saw that the transcripts do not show, or was it coded under another name?',
      'Inner circle (among the most important) or outer circle?',
    ]);
  });

  it('splits counts by source when asked', () => {
    const { sources, codebook } = mergedStudy();
    const pack = packOf(buildPack(sources, codebook, { group: 'g', by: 'source' }));
    assert.deepEqual(pack.columns.map((c) => c.key), ['S1', 'S2']);
    assert.deepEqual(card(pack, 'B').columns.map((c) => c.excerpts), [1, 1]);
  });

  it('refuses an unknown step, group or attribute with a problem instead of throwing', () => {
    const { sources, codebook } = mergedStudy();
    const step = buildPack(sources, codebook, { group: 'g', asOf: 'step9' });
    assert.equal(step.pack, null);
    assert.deepEqual(step.problems.map((p) => p.ruleId), ['unknown-step']);
    assert.match(step.problems[0]!.message, /no step 'step9' \(steps: step1, step2; or 'current'\)/);
    assert.deepEqual(buildPack(sources, codebook, { group: 'nope' }).problems.map((p) => p.ruleId), ['unknown-group']);
    assert.deepEqual(buildPack(sources, codebook, { group: 'g', by: 'region' }).problems.map((p) => p.ruleId), ['unknown-attribute']);
  });
});
