import assert from 'node:assert/strict';
import { codebookAsOf } from '../../../src/core/codebook/codebookAsOf';
import { stepLineage } from '../../../src/core/codebook/stepLineage';
import { makeCodebook } from '../tables/corpus';
import { entry, mergedStudy } from '../workshop/packCorpus';

describe('stepLineage', () => {
  it('maps a code that existed at the step to itself', () => {
    const { codebook } = mergedStudy();
    const lineage = stepLineage(codebook, codebookAsOf(codebook, 'step1')!);
    assert.deepEqual(lineage('A'), ['A']);
    assert.deepEqual(lineage('A1'), ['A1']);
  });

  it('maps a merged code back to the codes merged into it', () => {
    const { codebook } = mergedStudy();
    const lineage = stepLineage(codebook, codebookAsOf(codebook, 'step1')!);
    assert.deepEqual(lineage('M'), ['C1', 'C2']);
  });

  it('maps a code created later to what its parent maps to', () => {
    const { codebook } = mergedStudy();
    const lineage = stepLineage(codebook, codebookAsOf(codebook, 'step1')!);
    assert.deepEqual(lineage('M1'), ['C1', 'C2']);
  });

  it('follows a rename back to the old id', () => {
    const codebook = makeCodebook([{ id: 'NEW', name: 'New name', group: 'g' }]);
    codebook.history = [entry('candidate', [], ['OLD'], 'step1', 'Old name'), entry('rename', ['OLD'], ['NEW'], 'step2')];
    const lineage = stepLineage(codebook, codebookAsOf(codebook, 'step1')!);
    assert.deepEqual(lineage('NEW'), ['OLD']);
  });

  it('gives nothing for a root code added after the step', () => {
    const codebook = makeCodebook([{ id: 'A', name: 'A' }, { id: 'Z', name: 'Late' }]);
    codebook.history = [entry('candidate', [], ['A'], 'step1'), entry('added', [], ['Z'], 'step2')];
    const lineage = stepLineage(codebook, codebookAsOf(codebook, 'step1')!);
    assert.deepEqual(lineage('Z'), []);
  });

  it('stops on a cycle of renames instead of looping', () => {
    const codebook = makeCodebook([{ id: 'P', name: 'P' }, { id: 'Q', name: 'Q' }]);
    codebook.history = [entry('candidate', [], ['R'], 'step1'), entry('rename', ['Q'], ['P'], 'step2'), entry('rename', ['P'], ['Q'], 'step2')];
    const lineage = stepLineage(codebook, makeCodebook([{ id: 'R', name: 'R' }]));
    assert.deepEqual(lineage('P'), []);
  });
});
