import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { recodeTranscript } from '../../../src/core/edit/recodeTranscript';
import { directivesOfSource } from '../../../src/core/edit/directivesOfSource';
import type { DirectiveFact } from '../../../src/core/syntax/transcriptFacts';
import { transcript } from './editModel';
import { applied, parse } from './helpers';

function recode(text: string, pairs: [string, string][], only?: Set<number>) {
  return recodeTranscript(text, parse(text), new Map(pairs), only);
}

describe('recodeTranscript', () => {
  it('renames a class in text and container directives and leaves other attributes alone', () => {
    const text = ':::code{.T4a by=rk memo="x"}\nOne :code[two]{.M1 .T4a}.\n:::\n';
    assert.equal(applied(text, recode(text, [['T4a', 'T9']])), ':::code{.T9 by=rk memo="x"}\nOne :code[two]{.M1 .T9}.\n:::\n');
  });

  it('refuses to rename in a transcript refused for its nesting when its text uses the code, and passes one that does not', () => {
    const text = ':::code{.T4a}\n'.repeat(65) + 'x\n' + ':::\n';
    const result = recode(text, [['T4a', 'T9']]);
    assert.ok(!result.ok);
    assert.match(result.error, /nests deeper than 64/);
    assert.ok(recode(text, [['M1', 'T9']]).ok);
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

describe('directivesOfSource', () => {
  it('rebuilds the directives a parse finds, so renaming from the index gives the same edits', () => {
    fc.assert(
      fc.property(transcript, (text) => {
        const parsed = parse(text);
        const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        const rebuilt = directivesOfSource(body, parsed.source);
        const shape = (facts: DirectiveFact[]) => facts.map(({ kind, start, end, contentStart, contentEnd }) => ({ kind, start, end, contentStart, contentEnd })).sort((a, b) => a.start - b.start);
        assert.deepEqual(shape(rebuilt), shape(parsed.facts.directives));
        const mapping = new Map([['E1', 'E3'], ['C1', 'R1']]);
        assert.deepEqual(recodeTranscript(body, { source: parsed.source, facts: { directives: rebuilt } }, mapping), recodeTranscript(body, parsed, mapping));
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
