import { strict as assert } from 'node:assert';
import { recodeTranscript } from '../../../src/core/edit/recodeTranscript';
import { applied, parse } from './helpers';

function recode(text: string, pairs: [string, string][], only?: Set<number>) {
  return recodeTranscript(text, parse(text), new Map(pairs), only);
}

describe('recodeTranscript', () => {
  it('renames a class in text and container directives and leaves other attributes alone', () => {
    const text = ':::code{.T4a by=rk memo="x"}\nOne :code[two]{.M1 .T4a}.\n:::\n';
    assert.equal(applied(text, recode(text, [['T4a', 'T9']])), ':::code{.T9 by=rk memo="x"}\nOne :code[two]{.M1 .T9}.\n:::\n');
  });

  it('collapses classes that become duplicates after a merge', () => {
    const text = 'a :code[b]{.T4 .T4a .M1 .T4b by=pg} c\n';
    assert.equal(applied(text, recode(text, [['T4a', 'T4'], ['T4b', 'T4']])), 'a :code[b]{.T4 .M1 by=pg} c\n');
  });

  it('collapses into the first class when the merged codes come first', () => {
    const text = 'a :code[b]{.T4a .T4 by=pg} c\n';
    assert.equal(applied(text, recode(text, [['T4a', 'T4']])), 'a :code[b]{.T4 by=pg} c\n');
  });

  it('renames only the chosen directives for a split', () => {
    const text = ':code[a]{.T1} :code[b]{.T1}\n';
    const second = parse(text).facts.directives[1].start;
    assert.equal(applied(text, recode(text, [['T1', 'T1x']], new Set([second]))), ':code[a]{.T1} :code[b]{.T1x}\n');
  });

  it('gives no edits for a transcript without the code', () => {
    const result = recode('a :code[b]{.M1} c\n', [['T1', 'T2']]);
    assert.deepEqual(result, { ok: true, edits: [] });
  });

  it('refuses a read-only transcript that uses the code', () => {
    const text = 'a :code[b]{.T1} c\n';
    const parsed = parse(text);
    const result = recodeTranscript(text, { ...parsed, source: { ...parsed.source, writable: false } }, new Map([['T1', 'T2']]));
    assert.ok(!result.ok && /read-only/.test(result.error));
  });
});
