import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mergeCodings } from '../../../src/core/merge/mergeCodings';
import { codeAll, codingsOf, codingSteps, parse, transcriptText, uncodeSome } from './mergeModel';

const base = 'IV: How did the project start?\n\nP1: We met the residents in the hall and talked for hours about the rent.\n';

describe('mergeCodings', () => {
  it('puts two coders’ codings of overlapping passages of one paragraph side by side', () => {
    const ours = base.replace('met the residents in the hall', ':code[met the residents in the hall]{.T1 by=rk}');
    const theirs = base.replace('the hall and talked for hours', ':code[the hall and talked for hours]{.M3 by=pg}');
    const merged = mergeCodings(base, ours, theirs);
    assert.ok(merged.ok, JSON.stringify(merged));
    assert.deepEqual(merged.conflicts, []);
    assert.equal(parse(merged.text).source.plainText, parse(base).source.plainText);
    assert.deepEqual(codingsOf(merged.text), [...codingsOf(ours), ...codingsOf(theirs)].sort());
  });

  it('removes a coding that one side removed and the other left alone', () => {
    const coded = base.replace('talked for hours', ':code[talked for hours]{.T1 by=rk}');
    const theirs = coded.replace('residents', ':code[residents]{.F2 by=pg}');
    const merged = mergeCodings(coded, base, theirs);
    assert.ok(merged.ok);
    assert.deepEqual(codingsOf(merged.text), codingsOf(base.replace('residents', ':code[residents]{.F2 by=pg}')));
  });

  it('conflicts on one excerpt both sides recoded differently, and shows only its lines in markers', () => {
    const coded = base.replace('talked for hours', ':code[talked for hours]{.T1 by=rk}').replace('How did', ':code[How did]{.F2 by=rk}');
    const ours = coded.replace('{.T1 by=rk}', '{.M3 by=rk}');
    const theirs = coded.replace('{.T1 by=rk}', '{.F2 by=rk}').replace('How did', 'How :code[did]{.T1 by=pg}');
    const merged = mergeCodings(coded, ours, theirs);
    assert.ok(merged.ok);
    assert.deepEqual(merged.conflicts.map((conflict) => [conflict.coder, conflict.text]), [['rk', 'talked for hours']]);
    const lines = merged.text.split('\n');
    assert.equal(lines[0], 'IV: :code[How :code[did]{.T1 by=pg}]{.F2 by=rk} the project start?', 'the clean merge of the other paragraph stays outside the markers');
    assert.deepEqual(lines.slice(2, 7), [
      '<<<<<<< ours',
      'P1: We met the residents in the hall and :code[talked for hours]{.M3 by=rk} about the rent.',
      '=======',
      'P1: We met the residents in the hall and :code[talked for hours]{.F2 by=rk} about the rent.',
      '>>>>>>> theirs',
    ]);
  });

  it('takes the same change made on both sides once, without a conflict', () => {
    const coded = base.replace('talked for hours', ':code[talked for hours]{.T1 by=rk}');
    const merged = mergeCodings(base, coded, coded);
    assert.ok(merged.ok);
    assert.equal(merged.text, coded);
  });

  it('reports plain texts that differ, so that the caller merges the text instead', () => {
    const merged = mergeCodings(base, base.replace('rent', 'rents'), base);
    assert.deepEqual(merged, { ok: false, reason: 'the plain texts differ' });
  });

  it('keeps a change outside the codings made on one side (front matter) and merges the codings into it', () => {
    const withFrontMatter = '---\nid: iv1\n---\n' + base;
    const ours = withFrontMatter.replace('residents', ':code[residents]{.F2 by=rk}');
    const theirs = base.replace('the rent', ':code[the rent]{.T1 by=pg}');
    const merged = mergeCodings(base, ours, theirs);
    assert.ok(merged.ok, JSON.stringify(merged));
    assert.ok(merged.text.startsWith('---\nid: iv1\n---\n'));
    assert.deepEqual(codingsOf(merged.text), [...codingsOf(ours), ...codingsOf(theirs)].sort());
  });

  it('merges any two coders’ additions and one side’s removals into exactly the union, with the same plain text', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(transcriptText, codingSteps, codingSteps, codingSteps, fc.array(fc.nat(), { maxLength: 2 }), (text, baseSteps, stepsA, stepsB, removals) => {
        const start = codeAll(text, 'c0', baseSteps);
        const ours = codeAll(uncodeSome(start, removals), 'a', stepsA);
        const theirs = codeAll(start, 'b', stepsB);
        const merged = mergeCodings(start, ours, theirs);
        assert.ok(merged.ok, JSON.stringify(merged));
        assert.deepEqual(merged.conflicts, []);
        assert.equal(parse(merged.text).source.plainText, parse(text).source.plainText);
        const removed = new Set(codingsOf(start).filter((coding) => !codingsOf(ours).includes(coding)));
        const expected = [...new Set([...codingsOf(start), ...codingsOf(ours), ...codingsOf(theirs)])].filter((coding) => !removed.has(coding)).sort();
        assert.deepEqual(codingsOf(merged.text), expected);
      }),
      { numRuns: 60, seed: 15_2026_1206, verbose: 1 },
    );
  });
});
