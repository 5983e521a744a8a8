import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { EXCERPT_OPEN, markdownItCodePlugin } from '../../../src/core/render/markdownItCodePlugin';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

/**
 * Property: in any mix of directive-like markup, escapes and code spans, the
 * preview highlights exactly the text codings the index reads.
 */

const unit = fc.constantFrom(':code', ':code', '::code', ':codex', '[', ']', '{', '}', '.T1', '.M3', ' ', 'a', 'b c', '\\', ':', '`', '*', '=', '"', 'by=pg', '\\[', '\\]', '<i>', '(', ')', '](', '!');

function countCodings(markdown: string): number {
  const md = new MarkdownIt({ html: true }).use(markdownItCodePlugin);
  let count = 0;
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const token of tokens) {
      if (token.type === EXCERPT_OPEN) count++;
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(markdown, {}));
  return count;
}

describe('which text codings the preview sees (property)', () => {
  it('highlights exactly the text codings the index reads', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 24 }), (units) => {
        const markdown = 'So ' + units.join('') + '\n';
        const source = parseTranscript(markdown, { path: 'p.md' });
        assert.equal(countCodings(markdown), source.excerpts.length, JSON.stringify(markdown));
      }),
      { numRuns: 1000, seed: 20261125 },
    );
  });
});
