import { strict as assert } from 'node:assert';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { classIdAt, replaceClassIdEdits } from '../../../src/core/editor/classIds';
import { codeColours, DEFAULT_PALETTE } from '../../../src/core/editor/codeColours';
import { codeIdCompletionAt } from '../../../src/core/editor/codeIdCompletionAt';
import { codingLayout } from '../../../src/core/editor/codingLayout';
import { excerptsAt } from '../../../src/core/editor/excerptsAt';
import { hoverMarkdown } from '../../../src/core/editor/hoverMarkdown';
import { rankCodeIds } from '../../../src/core/editor/rankCodeIds';
import type { TextEdit } from '../../../src/core/edit/textEdit';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

const codebookText = [
  'codes:',
  '  - id: T1',
  '    name: Meaning',
  '    description: What co-production means.',
  '    color: "#1F77B4"',
  '    children:',
  '      - id: T1a',
  '        name: Imposed',
  '  - id: T2',
  '    name: Whose knowledge',
  '',
].join('\n');
const codebook = compileCodebook([{ path: 'codebook.yaml', text: codebookText }]).codebook;

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

/** The offset just after the first occurrence of `marker` in `text`. */
function after(text: string, marker: string): number {
  const at = text.indexOf(marker);
  assert.ok(at >= 0, `no ${marker}`);
  return at + marker.length;
}

describe('editor: colours of codes', () => {
  it('uses the codebook colour, else the palette in codebook order, then unknown codes', () => {
    const colours = codeColours(codebook, ['T2', 'X9']);
    assert.equal(colours.get('T1'), '#1f77b4');
    assert.equal(colours.get('T1a'), DEFAULT_PALETTE[0]);
    assert.equal(colours.get('T2'), DEFAULT_PALETTE[1]);
    assert.equal(colours.get('X9'), DEFAULT_PALETTE[2]);
  });
});

describe('editor: layout of decorations', () => {
  it('tints the label of a text coding per code and dims its markup', () => {
    const text = 'Before :code[the span]{.T2 .T1 by=pg} after.\n';
    const layout = codingLayout(parseTranscript(text, { path: 'a.md' }), text, codebook);
    const slice = (range: { start: number; end: number }) => text.slice(range.start, range.end);
    assert.deepEqual(layout.spans.get('T2')?.map(slice), ['the span']);
    assert.deepEqual(layout.spans.get('T1')?.map(slice), ['the span']);
    assert.deepEqual(layout.markup.map(slice), [':code[', ']{.T2 .T1 by=pg}']);
    assert.deepEqual(layout.stripes, [{ line: 0, codes: ['T1', 'T2'] }]);
  });

  it('stripes every line of a container and dims both fence lines', () => {
    const text = 'Intro.\n\n:::code{.T1a}\nOne.\n\nTwo.\n:::\n';
    const layout = codingLayout(parseTranscript(text, { path: 'a.md' }), text, codebook);
    assert.deepEqual(layout.stripes.map((stripe) => stripe.line), [3, 4, 5]);
    const markup = layout.markup.map((range) => text.slice(range.start, range.end));
    assert.equal(markup.length, 2);
    assert.match(markup[0], /^:::code\{\.T1a\}/);
    assert.match(markup[1], /:::$/);
  });

  it('keeps CRLF line terminators out of the tinted text of a container', () => {
    const text = ':::code{.T2}\r\nOne.\r\n\r\nTwo.\r\n:::\r\nAfter.\r\n';
    const layout = codingLayout(parseTranscript(text, { path: 'a.md' }), text, codebook);
    const [span] = layout.spans.get('T2') ?? [];
    assert.equal(text.slice(span.start, span.end), 'One.\r\n\r\nTwo.');
    assert.deepEqual(layout.stripes.map((stripe) => stripe.line), [1, 2, 3]);
  });

  it('clips to the text instead of failing when the source was parsed from another text', () => {
    const text = 'Before :code[the span]{.T2} after.\n';
    const layout = codingLayout(parseTranscript(text, { path: 'a.md' }), text.slice(0, 10), codebook);
    for (const range of [...layout.markup, ...[...layout.spans.values()].flat()]) assert.ok(range.end <= 10 && range.start <= range.end);
  });

  it('shows at most the given number of stripes on a line', () => {
    const text = ':code[a]{.T1 .T1a .T2 .X1 .X2}\n';
    const layout = codingLayout(parseTranscript(text, { path: 'a.md' }), text, codebook, { maxStripes: 3 });
    assert.deepEqual(layout.stripes[0].codes, ['T1', 'T1a', 'T2']);
  });
});

describe('editor: hover', () => {
  const text = 'P1: :code[outer :code[inner]{.T1a by=rk memo="a <b>[link](x)</b>"} text]{.T2 .ZZ by=pg exemplar}\n';
  const source = parseTranscript(text, { path: 'a.md' });

  it('lists the codings at a place, innermost first', () => {
    assert.deepEqual(excerptsAt(source, after(text, 'inn')).map((excerpt) => excerpt.codes), [['T1a'], ['T2', 'ZZ']]);
    assert.deepEqual(excerptsAt(source, after(text, 'out')).map((excerpt) => excerpt.codes), [['T2', 'ZZ']]);
    assert.deepEqual(excerptsAt(source, 1), []);
  });

  it('shows names, descriptions, coder, exemplar and memo, with user text escaped', () => {
    const markdown = hoverMarkdown(excerptsAt(source, after(text, 'inn')), codebook);
    assert.match(markdown, /\*\*T1a\*\* Imposed/);
    assert.match(markdown, /\*\*T2\*\* Whose knowledge/);
    assert.match(markdown, /\*\*ZZ\*\* — \*not in the codebook\*/);
    assert.match(markdown, /coded by rk/);
    assert.match(markdown, /exemplar/);
    assert.ok(markdown.includes('Memo: a \\<b\\>\\[link\\]\\(x\\)\\</b\\>'), markdown);
    assert.ok(!/[^\\][<[]/.test(markdown.replace(/^- /gm, '')), 'no unescaped < or [');
  });
});

describe('editor: completion of code ids', () => {
  it('completes after a dot in the block of a text directive', () => {
    const text = 'He said :code[the [nested] words]{.T2 .T by=pg} then.';
    const place = codeIdCompletionAt(text, after(text, '.T2 .T'));
    assert.deepEqual(place && { prefix: place.prefix, typed: text.slice(place.start, place.end), present: place.present, form: place.form },
      { prefix: 'T', typed: 'T', present: ['T2'], form: 'class' });
  });

  it('completes in the block of a container fence and inside class="…"', () => {
    const container = ':::code{.';
    assert.equal(codeIdCompletionAt(container, container.length)?.prefix, '');
    const quoted = ':code[x]{class="T1 M';
    const place = codeIdCompletionAt(quoted, quoted.length);
    assert.equal(place?.form, 'quoted');
    assert.equal(place?.prefix, 'M');
    assert.deepEqual(place?.present, ['T1']);
  });

  it('offers nothing outside a code directive block, in a memo, or after the block closed', () => {
    for (const [text, offset] of [
      ['Just text. More.', 11],
      [':note[x]{.', 10],
      [':code[x]{memo="a .b', 19],
      [':code[x]{.T1} and .', 19],
      [':code[x.', 8],
      ['```\n:::other{.', 14],
    ] as const) {
      assert.equal(codeIdCompletionAt(text, offset), undefined, text);
    }
  });

  it('ranks recent codes first, then the most used, then codebook order; unknown ones last', () => {
    const sources = [parseTranscript(':code[a]{.T2} :code[b]{.T2} :code[c]{.X1}\n', { path: 'a.md' })];
    const ids = (recent: string[], exclude: string[] = []) => rankCodeIds(codebook, sources, recent, exclude).map((code) => code.id);
    assert.deepEqual(ids([]), ['T2', 'T1', 'T1a', 'X1']);
    assert.deepEqual(ids(['T1a']), ['T1a', 'T2', 'T1', 'X1']);
    assert.deepEqual(ids([], ['T2']), ['T1', 'T1a', 'X1']);
  });
});

describe('editor: code ids in directives', () => {
  const text = 'x :code[a]{.T3 by=pg} and\n\n:::code{class="T1 T3"}\nBlock.\n:::\n';
  const source = parseTranscript(text, { path: 'a.md' });

  it('finds the id under the cursor in a class shortcut and in class="…"', () => {
    assert.equal(classIdAt(text, source, after(text, '{.T'))?.id, 'T3');
    assert.equal(classIdAt(text, source, after(text, 'class="T'))?.id, 'T1');
    assert.equal(classIdAt(text, source, after(text, 'by=p')), undefined);
  });

  it('replaces an id in a directive, or removes it when the replacement is already there', () => {
    const [text1, container] = source.excerpts;
    assert.equal(apply(text, replaceClassIdEdits(text, text1, 'T3', 'T2')), text.replace('{.T3', '{.T2'));
    assert.equal(apply(text, replaceClassIdEdits(text, container, 'T3', 'T1')), text.replace('class="T1 T3"', 'class="T1"'));
  });
});
