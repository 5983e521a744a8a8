import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { importProject } from '../../../src/core/refi/importProject';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { craftPackage, selectionGuid } from './memoryPackage';
import { sourceText } from './markdownText';

/**
 * Property: whatever a source text holds — lines Markdown reads as front
 * matter, headings, lists, quotes, tables, HTML, code, directives, link
 * definitions, entities, escapes, a leading U+FEFF, any Unicode — the imported
 * transcript's plain text is the source text exactly, and every selection the
 * report says was written is an excerpt over exactly its text (or, when the
 * report says its white space was left out, over that text without it).
 */

function selectionsFor(text: string) {
  const length = Array.from(text).length;
  const offset = fc.integer({ min: 0, max: length });
  return fc.array(fc.tuple(offset, offset).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })).filter((range) => range.end > range.start), { minLength: 1, maxLength: 6 });
}

describe('REFI-QDA import of any text (property)', function () {
  this.timeout(120_000);
  for (const [pieceLength, how] of [[undefined, 'whole'], [1, 'cut into pieces at every place Markdown allows']] as const) {
  it(`writes the source text exactly as the plain text, and every written selection over exactly its text (written ${how})`, () => {
    let written = 0;
    fc.assert(
      fc.property(sourceText.chain((text) => fc.tuple(fc.constant(text), selectionsFor(text))), ([text, ranges]) => {
        // A file that starts with U+FEFF has a byte order mark: write one, so the text keeps its own U+FEFF.
        const bytes = text.startsWith('\uFEFF') ? new TextEncoder().encode(`\uFEFF${text}`) : text;
        const result = importProject(craftPackage(bytes, ranges.map((range, index) => ({ ...range, code: index }))), { pieceLength });
        assert.equal(result.ok, true, result.error);
        const file = result.files.find((item) => item.path === 't.md');
        assert.ok(file, 'the transcript is written');
        const source = parseTranscript(file.text, { path: 't.md' });
        assert.equal(source.plainText, text, 'the plain text is the source text');
        const points = Array.from(text);
        const skipped = new Set(result.report.skipped.map((item) => item.guid));
        const notes = result.report.notes.join('\n');
        for (const [index, range] of ranges.entries()) {
          const excerpts = source.excerpts.filter((excerpt) => excerpt.codes.includes(`S${index}`));
          if (skipped.has(selectionGuid(index))) {
            assert.equal(excerpts.length, 0, `a refused selection ${index} is not written`);
            continue;
          }
          written++;
          assert.equal(excerpts.length, 1, `selection ${index} (${range.start}–${range.end}) is written once`);
          const [excerpt] = excerpts;
          assert.equal(excerpt.text, points.slice(excerpt.start, excerpt.end).join(''));
          if (excerpt.start !== range.start || excerpt.end !== range.end) {
            assert.ok(notes.includes(`selection ${selectionGuid(index)} in t: white space at its ends left out (${range.start}–${range.end} → ${excerpt.start}–${excerpt.end})`), `selection ${index} moved without a note`);
            assert.ok(excerpt.start >= range.start && excerpt.end <= range.end);
            assert.match(points.slice(range.start, excerpt.start).join('') + points.slice(excerpt.end, range.end).join(''), /^\s*$/u);
          }
        }
        assert.equal(result.report.sources[0].written, ranges.length - ranges.filter((_, index) => skipped.has(selectionGuid(index))).length);
      }),
      { numRuns: 200, seed: 20261206, verbose: 1 },
    );
    assert.ok(written > 100, `only ${written} selections were written; the generator makes too few placeable ones`);
  });
  }
});
