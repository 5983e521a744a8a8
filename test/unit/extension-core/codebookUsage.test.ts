import * as assert from 'node:assert/strict';
import { codebookUsage } from '../../../src/core/codebook/codebookUsage';
import { codebook, sources } from './fixtures';

describe('codebook usage for the codebook view', () => {
  it('counts excerpts and sources per code, an alias for its code', () => {
    const usage = codebookUsage(codebook(), sources());
    const counts = Object.fromEntries([...usage.codes.values()].map((code) => [code.id, [code.excerpts, code.sources]]));
    assert.deepEqual(counts, { T1: [1, 1], T1a: [1, 1], T2: [3, 2], M3: [1, 1], M9: [0, 0], X9: [1, 1] });
  });

  it('counts a parent with its descendants once per excerpt', () => {
    const usage = codebookUsage(codebook(), sources());
    assert.equal(usage.codes.get('T1')?.excerptsWithDescendants, 2);
  });

  it('flags codes nobody used and codes missing from the codebook', () => {
    const usage = codebookUsage(codebook(), sources());
    assert.deepEqual(usage.unused, ['M9']);
    assert.deepEqual(usage.unknown, ['X9']);
    assert.equal(usage.codes.get('X9')?.status, 'unknown');
    assert.equal(usage.codes.get('T2')?.status, 'used');
    assert.deepEqual(usage.roots, ['T1', 'T2', 'M3', 'M9', 'X9']);
  });
});
