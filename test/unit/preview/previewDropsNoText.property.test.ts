import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parseEntities } from 'parse-entities';
import { insertCodings, type CodingRequest } from '../../../src/core/edit/insertCodings';
import { escapeLabelText } from '../../../src/core/syntax/labelEscapes';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { markdownItCodePlugin } from '../../../src/core/render/markdownItCodePlugin';

/**
 * Property: the preview drops no text. The visible text of the preview (tags
 * stripped, entities decoded, badges removed) equals the visible text of the
 * plain text (SPEC §3, the markup removed by the index) rendered by plain
 * markdown-it.
 */

/** Visible text of rendered HTML: badges removed, tags stripped, entities decoded, whitespace collapsed. */
function visibleText(html: string): string {
  const withoutBadges = html.replace(/<(sup|div) class="mdqda-badges">.*?<\/\1>/gs, '');
  return parseEntities(withoutBadges.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

function previewOf(markdown: string, html: boolean): string {
  return new MarkdownIt({ html }).use(markdownItCodePlugin, { colorOf: (code) => (code === 'T1' ? '#aa0000' : undefined) }).render(markdown);
}

function plainRenderOf(markdown: string, html: boolean): string {
  return new MarkdownIt({ html }).render(parseTranscript(markdown, { path: 'p.md' }).plainText);
}

// Self-contained pieces of text: the markup around them never changes how they read.
const TEXT = [
  'word', 'two words', 'é ß ж 中文', '😀 🎉', '&', '&amp;', '&lt;b&gt;', 'a < b', '"quoted"', "it's",
  '[x]', 'a [note] here', 'back \\ slash', '\\*not em\\*', '*em*', '**strong**', '`code`', '`:code[x]{.T1}`', 'colon: here', '{braces}', 'x > y',
];
// Raw HTML is literal to the index (micromark always reads it); markdown-it reads it so only with `html: true`.
const HTML = ['<script>alert(1)</script>', '<b>bold</b>', '<span title=":code[x]{.T1}">s</span>'];
const attributes = fc
  .record({
    codes: fc.uniqueArray(fc.constantFrom('T1', 'T2', 'M3', 'T1b', 'F-1'), { maxLength: 3 }),
    coder: fc.option(fc.constantFrom('pg', 'rk'), { nil: undefined }),
    memo: fc.option(fc.constantFrom('a memo', '<script>x</script> & more', 'it\'s'), { nil: undefined }),
    exemplar: fc.boolean(),
    id: fc.option(fc.constantFrom('e1', 'e2'), { nil: undefined }),
  })
  .map(({ codes, coder, memo, exemplar, id }) =>
    [...codes.map((code) => '.' + code), coder && `by=${coder}`, memo !== undefined && `memo="${memo}"`, exemplar && 'exemplar', id && `id=${id}`].filter(Boolean).join(' '),
  );

type Block = { text: string; depth: number };

/**
 * Documents of paragraphs, headings and containers whose inline content is
 * text atoms and text codings (labels hold inline content, so codings nest),
 * written as the tool writes them. Raw HTML atoms only when `html` is on.
 */
function documents(html: boolean): fc.Arbitrary<string> {
  const atom = fc.constantFrom(...TEXT, ...(html ? HTML : []));
  const { inline } = fc.letrec<{ inline: string[]; piece: string; coding: string }>((tie) => ({
    inline: fc.array(tie('piece'), { minLength: 1, maxLength: 5 }),
    piece: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atom, atom, tie('coding')),
    coding: fc.tuple(fc.option(tie('inline'), { nil: null }), attributes).map(([label, attrs]) => {
      if (label === null) return `:code{${attrs || '.T1'}}`;
      // Text escaped for a label, nested markup as it is.
      const text = label.map((piece) => (piece.startsWith(':code') ? piece : escapeLabelText(piece, true))).join(' ');
      return attrs ? `:code[${text}]{${attrs}}` : `:code[${text}]`;
    }),
  }));
  // Each line of a paragraph starts with words, so that removing the markup never makes it another block (an HTML block).
  const paragraph = fc
    .tuple(fc.boolean(), inline, fc.constantFrom(' ', ' ', '\nand '))
    .map(([speaker, pieces, join]) => (speaker ? '**P1:** ' : 'So ') + pieces.join(join));
  const heading = inline.map((pieces) => '## ' + pieces.join(' '));
  // A container's fence is one colon longer than those it holds.
  const { blocks } = fc.letrec<{ blocks: Block[]; block: Block }>((tie) => ({
    blocks: fc.array(tie('block'), { minLength: 1, maxLength: 4 }),
    block: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      paragraph.map((text) => ({ text, depth: 0 })),
      heading.map((text) => ({ text, depth: 0 })),
      fc.tuple(tie('blocks'), attributes).map(([inner, attrs]) => {
        const depth = Math.max(0, ...inner.map((block) => block.depth)) + 1;
        const fence = ':'.repeat(2 + depth);
        return { text: `${fence}code{${attrs}}\n${inner.map((block) => block.text).join('\n\n')}\n${fence}`, depth };
      }),
    ),
  }));
  return blocks.map((list) => list.map((block) => block.text).join('\n\n') + '\n');
}

describe('the preview drops no text (property)', () => {
  for (const html of [false, true]) {
    it(`shows exactly the plain text's Markdown, badges aside, for nested and crossing codings (html: ${html})`, () => {
      fc.assert(
        fc.property(documents(html), (markdown) => {
          assert.equal(visibleText(previewOf(markdown, html)), visibleText(plainRenderOf(markdown, html)));
        }),
        { numRuns: 300, seed: 20261125 },
      );
    });
  }

  it('drops no character of the plain text when the tool codes random text', () => {
    // Letters, spaces and punctuation; no Markdown syntax that a coding boundary could split (`*`, `\`, backticks).
    const characters = fc.constantFrom('a', 'b', 'Q', ' ', ' ', 'é', '中', '😀', '[', ']', '.', ',', '?', '-', "'", '"', '&', ';', '<', '>', '{', '}', '!');
    const text = fc
      .array(fc.tuple(fc.constantFrom('A', 'b', 'É', 'P'), fc.array(characters, { maxLength: 40 })).map(([first, rest]) => first + rest.join('')), { minLength: 1, maxLength: 4 })
      .map((paragraphs) => paragraphs.map((paragraph) => paragraph.trimEnd()).join('\n\n') + '\n');
    let checked = 0;
    fc.assert(
      fc.property(
        text.chain((plain) => {
          const length = [...plain].length;
          const request = fc.record({ a: fc.integer({ min: 0, max: length }), b: fc.integer({ min: 0, max: length }), code: fc.constantFrom('T1', 'M3'), coder: fc.constantFrom('pg', null) });
          return fc.tuple(fc.constant(plain), fc.array(request, { minLength: 1, maxLength: 5 }));
        }),
        ([plain, raw]) => {
          const requests: CodingRequest[] = raw
            .map((item) => ({ start: Math.min(item.a, item.b), end: Math.max(item.a, item.b), codes: [item.code], coder: item.coder }))
            .filter((request) => request.end > request.start);
          const result = insertCodings(plain, requests);
          fc.pre(requests.length > 0 && result.ok);
          if (!result.ok) return;
          checked++;
          const shown = [...visibleText(previewOf(result.text, false)).replace(/\s/g, '')];
          const expected = [...visibleText(new MarkdownIt().render(plain)).replace(/\s/g, '')];
          // Every character of the plain render appears, in order, in the preview.
          let at = 0;
          for (const char of expected) {
            while (at < shown.length && shown[at] !== char) at++;
            assert.ok(at < shown.length, `the preview dropped ${JSON.stringify(char)} of ${JSON.stringify(expected.join(''))}: ${JSON.stringify(shown.join(''))}`);
            at++;
          }
        },
      ),
      { numRuns: 300, seed: 20261125 },
    );
    assert.ok(checked > 100, `only ${checked} codings were written`);
  });
});
