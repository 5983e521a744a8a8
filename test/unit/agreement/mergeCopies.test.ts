import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { alignPlainTexts } from '../../../src/core/analysis/agreement/alignPlainTexts';
import { computeAgreement } from '../../../src/core/analysis/agreement/computeAgreement';
import { copiesReliability } from '../../../src/core/analysis/agreement/copiesReliability';
import { mergeCopies } from '../../../src/core/analysis/agreement/mergeCopies';
import { makeSource } from './makeSource';

describe('alignPlainTexts', () => {
  it('maps every offset to itself when the texts are the same', () => {
    const alignment = alignPlainTexts('same text', 'same text');
    assert.equal(alignment.identical, true);
    assert.equal(alignment.unalignedSecond, 0);
    assert.deepEqual([0, 4, 9].map((x) => [alignment.mapStart(x), alignment.mapEnd(x)]), [[0, 0], [4, 4], [9, 9]]);
  });

  it('moves offsets after a fixed typo by the length change and counts the changed code points', () => {
    // first: "the cat sat", second: "teh big cat sat"
    const alignment = alignPlainTexts('the cat sat', 'teh big cat sat');
    assert.equal(alignment.identical, false);
    // "cat" is at 8–11 in the second text and 4–7 in the first.
    assert.equal(alignment.mapStart(8), 4);
    assert.equal(alignment.mapEnd(11), 7);
    assert.equal(alignment.unalignedSecond - alignment.unalignedFirst, 4);
  });

  it('counts code points, not UTF-16 units, around astral characters', () => {
    const alignment = alignPlainTexts('😀 ok fine', '😀😀 ok fine');
    assert.equal(alignment.unalignedSecond, 1);
    assert.equal(alignment.mapStart(3), 2);
  });

  it('keeps a mapped stretch inside the first text and never inverts it', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', ' ', '😀'), { maxLength: 25 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (first, second, x, y) => {
        const alignment = alignPlainTexts(first, second);
        const length = [...second].length;
        const start = Math.min(x, y) % (length + 1);
        const end = Math.max(start, Math.max(x, y) % (length + 1));
        const mappedStart = alignment.mapStart(start);
        const mappedEnd = alignment.mapEnd(end);
        assert.ok(mappedStart >= 0 && mappedEnd <= [...first].length);
        if (end > start && alignment.alignedWithin(start, end) > 0) assert.ok(mappedEnd > mappedStart);
        if (alignment.alignedWithin(start, end) === end - start) {
          // Every code point of the stretch has a counterpart: the mapped stretch contains it as a subsequence.
          const target = [...first].slice(mappedStart, mappedEnd);
          let matched = 0;
          for (const character of target) if (character === [...second][start + matched]) matched++;
          assert.ok(matched >= end - start, `${JSON.stringify(second)} [${start},${end}) -> ${JSON.stringify(first)} [${mappedStart},${mappedEnd})`);
        }
      }),
    );
  });
});

describe('mergeCopies', () => {
  it('names coders after their copy when by= is absent and coder@copy when by= is written', () => {
    const a = makeSource({ id: 's', text: 'hello world', codings: [{ coder: null, codes: ['T1'], fragments: [[0, 5]] }] });
    const b = makeSource({ id: 's', text: 'hello world', codings: [{ coder: 'bo', codes: ['T1'], fragments: [[0, 5]] }] });
    const merged = mergeCopies({ name: 'ann-copy', sources: [a] }, { name: 'other', sources: [b] });
    assert.deepEqual(merged.sources[0]!.excerpts.map((e) => e.coder), ['ann-copy', 'bo@other']);
    assert.deepEqual(merged.coders, [
      { name: 'ann-copy', coder: 'ann-copy', copy: 'ann-copy' },
      { name: 'bo@other', coder: 'bo', copy: 'other' },
    ]);
  });

  it('keeps one coder of both copies as two coders, each with their own copy\'s codings', () => {
    const a = makeSource({ id: 's', text: 'hello world', coders: ['rk'], codings: [{ coder: 'rk', codes: ['T1'], fragments: [[0, 5]] }] });
    const b = makeSource({ id: 's', text: 'hello world', codings: [{ coder: 'rk', codes: ['T1'], fragments: [[6, 11]] }] });
    const merged = mergeCopies({ name: 'main', sources: [a] }, { name: 'retest', sources: [b] });
    assert.deepEqual(merged.sources[0]!.coders, ['rk@main']);
    assert.deepEqual(merged.sources[0]!.excerpts.map((e) => [e.coder, e.text]), [['rk@main', 'hello'], ['rk@retest', 'world']]);
    const outcome = computeAgreement(merged.sources);
    if (!outcome.ok) assert.fail(outcome.message);
    assert.deepEqual(outcome.report.coders, ['rk@main', 'rk@retest']);
    assert.equal(outcome.report.codes.T1!.percentAgreement, 1 / 11);
  });

  it('counts the coder a copy is named after as that copy, whether by= names them or not', () => {
    const a = makeSource({ id: 's', text: 'hello world', coders: ['ann'], codings: [{ coder: 'ann', codes: ['T1'], fragments: [[0, 5]] }, { coder: null, codes: ['T2'], fragments: [[6, 11]] }] });
    const b = makeSource({ id: 's', text: 'hello world', codings: [{ coder: null, codes: ['T1'], fragments: [[0, 5]] }] });
    const merged = mergeCopies({ name: 'ann', sources: [a] }, { name: 'bo', sources: [b] });
    assert.deepEqual(merged.sources[0]!.coders, ['ann']);
    assert.deepEqual(merged.sources[0]!.excerpts.map((e) => e.coder), ['ann', 'ann', 'bo']);
  });

  it('tells a coder compared with themselves across copies (test–retest) from two coders', () => {
    const coders = [
      { name: 'ann', coder: 'ann', copy: 'ann' },
      { name: 'ann@retest', coder: 'ann', copy: 'retest' },
      { name: 'bo@retest', coder: 'bo', copy: 'retest' },
    ];
    assert.deepEqual(copiesReliability(['ann', 'ann@retest'], coders), { reliability: 'intra-coder', sameCoder: [{ coder: 'ann', names: ['ann', 'ann@retest'] }] });
    assert.deepEqual(copiesReliability(['ann', 'bo@retest'], coders), { reliability: 'inter-coder', sameCoder: [] });
    assert.equal(copiesReliability(['ann', 'ann@retest', 'bo@retest'], coders).reliability, 'intra- and inter-coder');
  });

  it('moves the second copy\'s codings onto the first plain text when a typo was fixed in one copy', () => {
    const a = makeSource({
      id: 's', text: 'We recieve the funding late.',
      codings: [{ coder: 'ann', codes: ['T1'], fragments: [[15, 22]] }],
    });
    const b = makeSource({
      id: 's', text: 'We receive the funding late.',
      codings: [{ coder: 'bo', codes: ['T1'], fragments: [[15, 22]] }, { coder: 'bo', codes: ['T2'], fragments: [[3, 10]] }],
    });
    const merged = mergeCopies({ name: 'a', sources: [a] }, { name: 'b', sources: [b] });
    const moved = merged.sources[0]!.excerpts.filter((e) => e.coder === 'bo@b');
    assert.deepEqual(moved.map((e) => e.text), ['funding', 'recieve']);
    assert.equal(merged.alignments[0]!.identical, false);
    assert.ok(merged.alignments[0]!.unalignedSecond > 0);
    const outcome = computeAgreement(merged.sources);
    assert.ok(outcome.ok);
    assert.equal(outcome.report.codes.T1!.percentAgreement, 1);
  });

  it('drops coded text that has no counterpart in the first copy and counts it', () => {
    const a = makeSource({ id: 's', text: 'one three', codings: [{ coder: 'ann', codes: ['T1'], fragments: [[0, 3]] }] });
    const b = makeSource({
      id: 's', text: 'one XYZ three',
      codings: [{ coder: 'bo', codes: ['T1'], fragments: [[4, 7]] }],
    });
    const merged = mergeCopies({ name: 'a', sources: [a] }, { name: 'b', sources: [b] });
    assert.equal(merged.alignments[0]!.lostCodedUnits, 3);
    assert.equal(merged.sources[0]!.excerpts.filter((e) => e.coder === 'bo@b').length, 0);
  });

  it('matches transcripts by source id and lists those only one copy has', () => {
    const a1 = makeSource({ id: 'x', text: 'abc', codings: [] });
    const a2 = makeSource({ id: 'y', text: 'abc', codings: [] });
    const b1 = makeSource({ id: 'y', text: 'abc', codings: [] });
    const b2 = makeSource({ id: 'z', text: 'abc', codings: [] });
    const merged = mergeCopies({ name: 'a', sources: [a1, a2] }, { name: 'b', sources: [b1, b2] });
    assert.deepEqual(merged.sources.map((s) => s.id), ['y']);
    assert.deepEqual([merged.onlyInFirst, merged.onlyInSecond], [['x'], ['z']]);
  });
});
