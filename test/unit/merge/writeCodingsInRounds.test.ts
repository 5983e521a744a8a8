import { strict as assert } from 'node:assert';
import { writeCodingsInRounds, type CodingAddition } from '../../../src/core/merge/writeCodingsInRounds';
import { codingSlots } from '../../../src/core/merge/codingIdentity';
import { mergeCodings } from '../../../src/core/merge/mergeCodings';
import { random } from '../../bench/generateCorpus';
import { mergeScenario } from '../../bench/mergeScenario';
import { codingsOf, parse } from './mergeModel';

/** The codings of `theirs` as additions for the edit engine, by start, longer first. */
function additionsOf(theirs: string): CodingAddition[] {
  return [...codingSlots(parse(theirs).source.excerpts).values()]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .flatMap((slot) => slot.values.map((value) => ({ slot, request: { start: slot.start, end: slot.end, codes: value.codes, coder: slot.coder, memo: value.memo, exemplar: value.exemplar } })));
}

describe('writeCodingsInRounds', () => {
  const scenario = mergeScenario(8_000, 40, random(5));

  it('writes one coder’s crossing and nested codings into another’s from a few parses, reading back as both', () => {
    const parsed = parse(scenario.ours);
    const written = writeCodingsInRounds(scenario.ours, parsed, additionsOf(scenario.theirs));
    assert.ok(written, 'the codings were not written together');
    assert.equal(written.parsed.source.plainText, parsed.source.plainText);
    assert.deepEqual(codingsOf(written.text), [...codingsOf(scenario.ours), ...codingsOf(scenario.theirs)].sort());
  });

  it('gives codings written in fragments in the same round ids of their own', () => {
    const text = 'P1: one two three four five six seven eight.\n\nP2: nine ten eleven twelve.\n';
    const ours = ':code[P1: one two]{.T1 by=rk} three :code[four five]{.T1 by=rk} six seven eight.\n\nP2: nine ten eleven twelve.\n';
    const plain = parse(text).source.plainText;
    const at = (word: string) => plain.indexOf(word);
    const slot = (start: number, end: number) => ({ coder: 'pg', start, end, values: [{ codes: ['M3'], memo: null, exemplar: false, attributes: [] }] });
    const additions: CodingAddition[] = [slot(at('two'), at('three') + 5), slot(at('five'), at('seven') + 5)].map((target) => ({
      slot: target,
      request: { start: target.start, end: target.end, codes: ['M3'], coder: 'pg' },
    }));
    const written = writeCodingsInRounds(ours, parse(ours), additions);
    assert.ok(written, 'the codings were not written together');
    const excerpts = written.parsed.source.excerpts.filter((excerpt) => excerpt.coder === 'pg');
    assert.deepEqual(excerpts.map((excerpt) => [excerpt.start, excerpt.end]), additions.map(({ slot: target }) => [target.start, target.end]));
  });

  it('merges 40 codings per side of a long transcript into exactly the union', () => {
    const merged = mergeCodings(scenario.base, scenario.ours, scenario.theirs);
    assert.ok(merged.ok, JSON.stringify(merged));
    assert.deepEqual(codingsOf(merged.text), [...codingsOf(scenario.ours), ...codingsOf(scenario.theirs)].sort());
  });
});
