import { strict as assert } from 'node:assert';
import { emptyCodebook } from '../../../src/core/codebook/emptyCodebook';
import { codingLayout, lineFinder } from '../../../src/core/editor/codingLayout';
import { markupOutOfSight, outsideOf } from '../../../src/core/editor/markupOutOfSight';
import { ownCodingsOf } from '../../../src/core/index/ownCodings';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

/** `text` without the (sorted) `ranges`: what the reader sees once they are folded. */
function textOutside(text: string, ranges: readonly { start: number; end: number }[]): string {
  let rest = '';
  let at = 0;
  for (const range of ranges) {
    rest += text.slice(at, range.start);
    at = range.end;
  }
  return rest + text.slice(at);
}

describe('markupOutOfSight (folding the other coders\' markup while coding blind)', () => {
  const text = [
    'P1: :code[mine]{.T1 by=pg} and :code[theirs]{.T2 by=rk}.',
    '',
    ':::code{.M1 by=rk}',
    'A paragraph with :code[my words]{.T3 by=pg} inside theirs.',
    ':::',
    '',
  ].join('\n');
  const source = parseTranscript(text, { path: 'a.md' });
  const codebook = emptyCodebook();
  const all = codingLayout(source, text, codebook).markup;

  it('folds exactly the markup of the hidden codings, so the text reads as if only mine were there', () => {
    const shown = codingLayout(ownCodingsOf(source, 'pg'), text, codebook).markup;
    const hidden = markupOutOfSight(all, shown);
    const pieces = hidden.map((range) => text.slice(range.start, range.end));
    assert.ok(pieces.some((piece) => piece.startsWith(':code[') && text.slice(hidden[0].end).startsWith('theirs')), pieces.join(' | '));
    assert.ok(pieces.some((piece) => piece.includes('by=rk}')), 'the attribute block of rk\'s span');
    assert.ok(pieces.some((piece) => piece.includes(':::code{.M1 by=rk}')), 'the opening fence of rk\'s container');
    assert.ok(!pieces.some((piece) => piece.includes('pg')), 'none of pg\'s markup is folded');
    const rest = textOutside(text, hidden);
    assert.ok(rest.includes('P1: :code[mine]{.T1 by=pg} and theirs.'), rest);
  });

  it('folds nothing when every coding shows, and everything when none does', () => {
    assert.deepEqual(markupOutOfSight(all, all), []);
    assert.deepEqual(markupOutOfSight(all, []), all.filter((range) => range.end > range.start));
  });

  it('with Hide Markup, folds every coding\'s markup except on the kept lines, and the rest reads as plain text', () => {
    const lineOf = lineFinder(text);
    const everything = markupOutOfSight(all, all, { lineOf, keep: new Set() });
    assert.deepEqual(everything, all.filter((range) => range.end > range.start));
    const rest = textOutside(text, everything);
    assert.equal(rest.split('\n')[0], 'P1: mine and theirs.');
    assert.ok(rest.split('\n').includes('A paragraph with my words inside theirs.'), rest);
    assert.doesNotMatch(rest, /:code|\{|\}/);

    const cursorOnFirst = markupOutOfSight(all, all, { lineOf, keep: new Set([0]) });
    assert.ok(cursorOnFirst.every((range) => lineOf(range.start) > 0), 'the markup of the cursor line stays in sight');
    assert.equal(cursorOnFirst.length, all.filter((range) => lineOf(range.start) > 0).length);
  });

  it('keeps the other coders\' markup folded on the cursor line while coding blind', () => {
    const lineOf = lineFinder(text);
    const shown = codingLayout(ownCodingsOf(source, 'pg'), text, codebook).markup;
    const pieces = markupOutOfSight(all, shown, { lineOf, keep: new Set([0]) })
      .filter((range) => lineOf(range.start) === 0)
      .map((range) => text.slice(range.start, range.end));
    assert.ok(pieces.some((piece) => piece.includes('by=rk}')) && !pieces.some((piece) => piece.includes('by=pg}')), pieces.join(' | '));
  });
});

describe('codingLayout stacks (more than two overlapping codes)', () => {
  const codebook = emptyCodebook();

  it('draws two overlapping codes as tints and three as one stack of underlines, cut out of their tints', () => {
    const text = ':code[a :code[b :code[c]{.Z3} b]{.Z2} a]{.Z1} and :code[d]{.Z1 .Z2}\n';
    const layout = codingLayout(parseTranscript(text, { path: 'a.md' }), text, codebook);
    const slice = (range: { start: number; end: number }) => text.slice(range.start, range.end);
    assert.deepEqual(layout.stacks.map((stack) => [slice(stack), stack.codes]), [['c', ['Z1', 'Z2', 'Z3']]]);
    assert.equal(layout.tints.get('Z3'), undefined, 'Z3 only occurs inside the stack');
    assert.deepEqual(layout.tints.get('Z2')?.map(slice), ['b :code[', ']{.Z3} b', 'd']);
    assert.deepEqual(layout.tints.get('Z1')?.map(slice), ['a :code[b :code[', ']{.Z3} b]{.Z2} a', 'd']);
    assert.deepEqual(layout.spans.get('Z3')?.map(slice), ['c'], 'spans still say what each code covers');
  });

  it('stacks nothing with the blend limit raised', () => {
    const text = ':code[x]{.A .B .C}\n';
    assert.deepEqual(codingLayout(parseTranscript(text, { path: 'a.md' }), text, codebook, { maxBlended: 3 }).stacks, []);
    assert.equal(codingLayout(parseTranscript(text, { path: 'a.md' }), text, codebook).stacks.length, 1);
  });
});

describe('outsideOf (tints without the folded markup)', () => {
  it('cuts the folded stretches out of each range and keeps the other fields', () => {
    const ranges = [{ start: 0, end: 20, codes: ['A'] }, { start: 30, end: 35, codes: ['B'] }];
    const cut = [{ start: 15, end: 25 }, { start: 0, end: 4 }, { start: 8, end: 10 }];
    assert.deepEqual(outsideOf(ranges, cut), [
      { start: 4, end: 8, codes: ['A'] },
      { start: 10, end: 15, codes: ['A'] },
      { start: 30, end: 35, codes: ['B'] },
    ]);
    assert.deepEqual(outsideOf(ranges, []), ranges);
    assert.deepEqual(outsideOf([{ start: 2, end: 3 }], [{ start: 0, end: 5 }]), []);
  });
});
