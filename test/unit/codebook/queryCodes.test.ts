import assert from 'node:assert/strict';
import { nearestCodeIds } from '../../../src/core/codebook/nearestCodeIds';
import { ancestorsOf, codesInGroup, descendantsOf, groupOf, resolveCodeId } from '../../../src/core/codebook/queryCodes';
import { compileInMemory, lines } from './helpers';

const { codebook } = compileInMemory(
  lines(
    'codes:',
    '  - id: T1',
    '    name: Narratives',
    '    group: tensions',
    '    aliases: [narratives]',
    '    children:',
    '      - id: T1a',
    '        name: Meaning',
    '        children:',
    '          - { id: T1a1, name: Labels }',
    '      - { id: T1b, name: Funding, group: money }',
    '  - { id: T2, name: Power, group: tensions }',
    '  - { id: M1, name: Shared goals, group: mechanisms, aliases: [goals] }',
    '  - { id: Free, name: Free code }',
  ),
);

describe('codebook queries', () => {
  it('lists descendants depth first in codebook order, without the code itself', () => {
    assert.deepEqual(descendantsOf(codebook, 'T1'), ['T1a', 'T1a1', 'T1b']);
    assert.deepEqual(descendantsOf(codebook, 'T2'), []);
    assert.deepEqual(descendantsOf(codebook, 'nope'), []);
  });

  it('lists ancestors nearest first', () => {
    assert.deepEqual(ancestorsOf(codebook, 'T1a1'), ['T1a', 'T1']);
    assert.deepEqual(ancestorsOf(codebook, 'T1'), []);
    assert.deepEqual(ancestorsOf(codebook, 'nope'), []);
  });

  it('finds codes by group, own or inherited from an ancestor', () => {
    assert.deepEqual(codesInGroup(codebook, 'tensions'), ['T1', 'T1a', 'T1a1', 'T2']);
    assert.deepEqual(codesInGroup(codebook, 'money'), ['T1b']);
    assert.deepEqual(codesInGroup(codebook, 'unheard-of'), []);
    assert.equal(groupOf(codebook, 'Free'), null);
  });

  it('works out inherited groups on a hand-built codebook whose children carry none', () => {
    const handBuilt = structuredClone(codebook);
    handBuilt.codes.get('T1a1')!.group = null;
    handBuilt.codes.get('T1a')!.group = null;
    assert.equal(groupOf(handBuilt, 'T1a1'), 'tensions');
  });

  it('resolves an id or an alias to the code id, exactly', () => {
    assert.equal(resolveCodeId(codebook, 'T1'), 'T1');
    assert.equal(resolveCodeId(codebook, 'narratives'), 'T1');
    assert.equal(resolveCodeId(codebook, 'goals'), 'M1');
    assert.equal(resolveCodeId(codebook, 't1'), undefined);
    assert.equal(resolveCodeId(codebook, 'T9'), undefined);
  });

  it('suggests the nearest ids for an unknown one, nearest first', () => {
    assert.deepEqual(nearestCodeIds(codebook, 't1'), ['T1', 'T1a', 'T1b'], 'ties keep codebook order');
    assert.deepEqual(nearestCodeIds(codebook, 'T1ab'), ['T1a', 'T1a1', 'T1b']);
    assert.deepEqual(nearestCodeIds(codebook, 'narrative'), ['T1']);
    assert.deepEqual(nearestCodeIds(codebook, 'goal', 1), ['M1']);
    assert.deepEqual(nearestCodeIds(codebook, 'completely-different'), []);
  });

  it('counts a swap of two neighbouring characters as one edit', () => {
    assert.deepEqual(nearestCodeIds(codebook, '1T', 1), ['T1']);
  });
});
