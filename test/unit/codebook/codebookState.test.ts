import assert from 'node:assert/strict';
import { CodebookState } from '../../../src/core/codebook/codebookState';
import { compileInMemory, lines, placed } from './helpers';

const GOOD = lines('codes:', '  - { id: T1, name: One }', '  - { id: T2, name: Two }');
const BROKEN = lines('codes:', '  - { id: T1, name: One }', '  - { id: T3, name: Three, color: nope }');

describe('CodebookState', () => {
  it('uses a codebook without errors and remembers it', () => {
    const state = new CodebookState();
    const good = compileInMemory(GOOD);
    const inUse = state.update(good);
    assert.equal(inUse.codebook, good.codebook);
    assert.equal(inUse.stale, false);
    assert.equal(state.current, good.codebook);
  });

  it('keeps the last good codebook when the new one has errors, and says so after the errors', () => {
    const state = new CodebookState();
    const good = compileInMemory(GOOD);
    state.update(good);
    const inUse = state.update(compileInMemory(BROKEN));
    assert.equal(inUse.codebook, good.codebook);
    assert.equal(inUse.stale, true);
    assert.deepEqual(placed(inUse.diagnostics), [
      'codebook.yaml:3:35 error bad-color',
      'codebook.yaml:3:35 warning stale-codebook',
    ]);
    assert.match(inUse.diagnostics[1]!.message, /1 error;.*last good codebook \(2 codes\)/);
    assert.equal(state.current, good.codebook);
  });

  it('switches to the new codebook once its errors are fixed', () => {
    const state = new CodebookState();
    state.update(compileInMemory(GOOD));
    state.update(compileInMemory(BROKEN));
    const fixed = compileInMemory(lines('codes:', '  - { id: T9, name: Nine }'));
    const inUse = state.update(fixed);
    assert.equal(inUse.codebook, fixed.codebook);
    assert.equal(inUse.stale, false);
  });

  it('treats warnings as good: a codebook with only warnings is used', () => {
    const state = new CodebookState();
    const warned = compileInMemory(lines('codes:', '  - { id: T1, name: One, colour: red }'));
    assert.equal(warned.diagnostics.length, 1);
    assert.equal(state.update(warned).codebook, warned.codebook);
  });

  it('keeps the last good codebook while a codebook file is read empty (caught halfway through a write), and uses an empty one from the start', () => {
    const state = new CodebookState();
    const good = compileInMemory(GOOD);
    state.update(good);
    const truncated = state.update(compileInMemory(''));
    assert.equal(truncated.codebook, good.codebook);
    assert.equal(truncated.stale, true);
    assert.deepEqual(placed(truncated.diagnostics), ['codebook.yaml:1:1 warning empty-codebook', 'codebook.yaml:1:1 warning stale-codebook']);
    assert.match(truncated.diagnostics[1]!.message, /is empty; still using the last good codebook \(2 codes\)/);
    // The text written next, even a broken one, does not bring back an empty codebook.
    assert.equal(state.update(compileInMemory(BROKEN)).codebook, good.codebook);
    // Written to the end, the file is used.
    assert.equal(state.update(compileInMemory(GOOD)).stale, false);
    // With no good codebook before, an empty file is simply an empty codebook.
    const fresh = new CodebookState();
    const empty = compileInMemory('  \n');
    assert.equal(fresh.update(empty).codebook, empty.codebook);
    assert.equal(fresh.current, empty.codebook);
  });

  it('uses a broken codebook when there has never been a good one', () => {
    const state = new CodebookState();
    const broken = compileInMemory(BROKEN);
    const inUse = state.update(broken);
    assert.equal(inUse.codebook, broken.codebook);
    assert.equal(inUse.stale, false);
    assert.deepEqual(inUse.diagnostics, broken.diagnostics);
    assert.equal(state.current, null);
  });
});
