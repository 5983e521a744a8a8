import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { insertCodings, type CodingRequest } from '../../../src/core/edit/insertCodings';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

/**
 * Property: for random Unicode paragraphs and random codings, writing the
 * markup and parsing it back yields exactly those codings, and the plain text
 * equals the original text character for character.
 */

// Letters of several scripts, astral characters, punctuation that matters to labels.
const characters = fc.constantFrom(
  'a', 'b', 'z', 'Q', ' ', ' ', ' ', 'é', 'ß', 'ж', '中', '文', 'ع', '😀', '🎉', '𝔘', '[', ']', '\\', '.', ',', '?', ':', '-', "'", '"', '*', '_', '{', '}', '(', ')', '!',
);
// A line starts with a letter so it never opens a block construct (heading, list, fence…).
const line = fc
  .tuple(fc.constantFrom('A', 'b', 'É', 'ж', '中', 'P'), fc.array(characters, { minLength: 0, maxLength: 40 }))
  .map(([first, rest]) => first + rest.join(''))
  .filter((text) => !/[ \\]$/.test(text) && !/\*\*|__/.test(text));
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 });
const document = fc
  .tuple(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean())
  .map(([paragraphs, crlf, finalNewline]) => {
    const eol = crlf ? '\r\n' : '\n';
    return paragraphs.map((lines) => lines.join(eol)).join(eol + eol) + (finalNewline ? eol : '');
  });

const coder = fc.constantFrom('pg', 'rk', 'a b', null);
const memo = fc.option(fc.string({ unit: 'grapheme', maxLength: 12 }), { nil: null });

interface Expected {
  start: number;
  end: number;
  codes: string[];
  coder: string | null;
  memo: string | null;
}

/** Paragraph starts and ends (code points), so that some codings cover whole paragraphs. */
function paragraphBoundaries(text: string): number[] {
  const points = [...text];
  const boundaries = [0];
  const joined = points.join('');
  for (const match of joined.matchAll(/(\r?\n){2}/g)) {
    const before = [...joined.slice(0, match.index)].length;
    boundaries.push(before, before + [...match[0]].length);
  }
  boundaries.push([...joined.replace(/(\r?\n)$/, '')].length);
  return boundaries;
}

function codingsFor(text: string) {
  const length = [...text].length;
  const boundary = fc.oneof(fc.integer({ min: 0, max: length }), fc.constantFrom(...paragraphBoundaries(text)));
  return fc.array(
    fc.record({
      a: boundary,
      b: boundary,
      code: fc.constantFrom('T1', 'T2', 'M3', 'F-1', 'x_y'),
      coder,
      memo,
      exemplar: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  );
}

describe('writing codings and reading them back (property)', () => {
  it('reads back exactly the codings written, and the plain text never changes', () => {
    let written = 0;
    fc.assert(
      fc.property(document.chain((text) => fc.tuple(fc.constant(text), codingsFor(text))), ([text, raw]) => {
        const requests: CodingRequest[] = raw
          .map((item) => ({ start: Math.min(item.a, item.b), end: Math.max(item.a, item.b), codes: [item.code], coder: item.coder, memo: item.memo, exemplar: item.exemplar }))
          .filter((request) => request.end > request.start);
        fc.pre(requests.length > 0);
        const result = insertCodings(text, requests);
        // Boundaries the markup cannot express (outside paragraphs, after ':') are refused, never mis-written.
        fc.pre(result.ok);
        if (!result.ok) return;
        written++;
        const source = parseTranscript(result.text, { path: 'p.md' });
        assert.equal(source.plainText, text, 'plain text changed');
        assert.deepEqual(source.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), []);
        const actual: Expected[] = source.excerpts.map((excerpt) => ({ start: excerpt.start, end: excerpt.end, codes: excerpt.codes, coder: excerpt.coder, memo: excerpt.memo }));
        const expected: Expected[] = requests.map((request) => ({ start: request.start, end: request.end, codes: request.codes, coder: request.coder ?? null, memo: request.memo ?? null }));
        const key = (item: Expected) => JSON.stringify([item.start, item.end, item.codes, item.coder, item.memo]);
        assert.deepEqual(actual.map(key).sort(), expected.map(key).sort());
        for (const excerpt of source.excerpts) {
          assert.equal(excerpt.text, [...text].slice(excerpt.start, excerpt.end).join(''));
        }
      }),
      { numRuns: 600, seed: 20261125, verbose: 1 },
    );
    assert.ok(written > 250, `only ${written} cases were written; the generator refuses too much`);
  });
});
