import * as assert from 'node:assert/strict';
import { orderCodeChoices, rememberCodes } from '../../../src/core/navigate/orderCodeChoices';
import { codebook } from './fixtures';

describe('codes offered when coding', () => {
  it('offers the codebook in hierarchy order with depths', () => {
    const choices = orderCodeChoices(codebook(), []);
    assert.deepEqual(choices.map((choice) => `${choice.id}:${choice.depth}`), ['T1:0', 'T1a:1', 'T2:0', 'M3:0', 'M9:0']);
  });

  it('puts recently used codes first, most recent first, and each code once', () => {
    const choices = orderCodeChoices(codebook(), ['M3', 'T1a', 'M3', 'gone']);
    assert.deepEqual(choices.map((choice) => choice.id), ['M3', 'T1a', 'T1', 'T2', 'M9']);
    assert.deepEqual(choices.filter((choice) => choice.recent).map((choice) => choice.id), ['M3', 'T1a']);
  });

  it('offers codes used in transcripts but missing from the codebook after the codebook', () => {
    const choices = orderCodeChoices(codebook(), [], ['X2', 'T1', 'A1']);
    assert.deepEqual(choices.slice(-2).map((choice) => [choice.id, choice.code]), [['A1', null], ['X2', null]]);
  });

  it('remembers the codes just used in front, without duplicates, up to a limit', () => {
    assert.deepEqual(rememberCodes(['T1', 'T2', 'M3'], ['M3', 'M9'], 4), ['M3', 'M9', 'T1', 'T2']);
  });
});
