import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { restoreSource, compactSource } from '../../../src/core/syntax/compactSource';
import { parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';

/** Pieces that make Markdown and directive syntax likely, in any order. */
const piece = fc.oneof(
  fc.constantFrom(':code[', ']{.A}', ']{.B by=pg id=x}', ':::code{.C}\n', ':::\n', '::::code{.D}\n', '::::\n', '::code[x]{.E}', ':note[a]', '\\', '\\]', '[', ']', '{', '}', '"', '`', '```\n', '**P1:** ', 'P2: ', '# H\n', '## G\n', '---\n', 'id: x\n', '\n', '\r\n', '\n\n', '> ', '- ', '😀', 'é', '\ufeff', '&amp;', '<b>', ' ', 'word'),
  fc.string({ maxLength: 6 }),
);

describe('parsing any text (property)', () => {
  it('never throws, and every excerpt is a slice of the plain text at its code-point offsets', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const source = parseTranscript(text, { path: 'any.md' });
        const points = [...source.plainText];
        assert.equal(source.length, points.length);
        for (const excerpt of source.excerpts) {
          assert.ok(excerpt.start >= 0 && excerpt.start <= excerpt.end && excerpt.end <= points.length, JSON.stringify(excerpt));
          assert.equal(excerpt.text, points.slice(excerpt.start, excerpt.end).join(''));
          for (const fragment of excerpt.fragments) assert.ok(fragment.start <= fragment.end && fragment.end <= points.length);
        }
        for (const diagnostic of source.diagnostics) assert.ok(diagnostic.line >= 1 && diagnostic.column >= 1);
      }),
      { numRuns: 1500, seed: 11 },
    );
  });

  it('restores from the cache form exactly what the parse gave, for any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('').replace(/\ufeff/g, '');
        const { source, map } = parseTranscriptWithMap(text, { path: 'any.md' });
        assert.deepEqual(restoreSource(JSON.parse(JSON.stringify(compactSource(source, map))), text), source);
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
