import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { safeCuts } from '../../../src/core/refi/safeCuts';
import { analyseTranscript } from '../../../src/core/syntax/analyseTranscript';
import { markdownLine, wordLine } from './markdownText';

const codeLine = fc.constantFrom('We :code[said this]{.A by=pg} once.', ':::code{.B}', ':::', '::::code{.C}', '::::', 'x :code[a \\[b\\]]{.D} y', ':code[open');
const plainLine = fc.constantFrom('Plain words here.', 'Ünïcödé line 😀', '**P2:** speaking now', '2020 was hard.');
const text = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: markdownLine }, { weight: 3, arbitrary: wordLine }, { weight: 1, arbitrary: codeLine }, { weight: 2, arbitrary: plainLine }, { weight: 2, arbitrary: fc.constant('') }), { minLength: 1, maxLength: 30 }), fc.boolean())
  .map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n'));

/** What the transcript parser finds, with offsets moved by `shift`. */
function facts(piece: string, shift: number) {
  const found = analyseTranscript(piece);
  return {
    removals: found.removals.map((offset) => offset + shift),
    paragraphs: found.paragraphs.map((offset) => offset + shift),
    headings: found.headings.map((heading) => [heading.offset + shift, heading.depth, heading.text]),
    directives: found.directives.map((directive) => [directive.kind, directive.start + shift, directive.end + shift, directive.contentStart + shift, directive.contentEnd + shift, directive.closed, JSON.stringify(directive.attributes)]),
    problems: found.problems.map((problem) => [problem.ruleId, problem.offset + shift]),
  };
}

describe('cutting a text where Markdown reads each piece as the whole', () => {
  it('cuts before a plain paragraph that follows a blank line', () => {
    assert.deepEqual(safeCuts('One.\n\nTwo.\n\n**P1:** Three.\r\n\r\n4 four.'), [6, 12, 30]);
  });

  it('does not cut before list items, numbered items, indented lines or inside a paragraph', () => {
    assert.deepEqual(safeCuts('One.\n\n- item\n\n1. item\n\n    indented\nTwo\nthree'), []);
  });

  it('does not cut inside fenced code, container directives or HTML blocks that run over blank lines', () => {
    assert.deepEqual(safeCuts('```\n\nInside.\n```\n\n:::note\n\nInside.\n:::\n\n<!--\n\nInside.\n-->\n\n<script>\n\nInside.\n</script>\n\nOut.'), [88]);
  });

  it('does not cut a text with a link reference definition', () => {
    assert.deepEqual(safeCuts('One [x].\n\nTwo.\n\n[x]: http://example.com'), []);
  });

  it('gives pieces the transcript parser reads exactly as the whole (property)', () => {
    let cuts = 0;
    fc.assert(
      fc.property(text, (whole) => {
        const bounds = [0, ...safeCuts(whole), whole.length];
        cuts += bounds.length - 2;
        const pieces = bounds.slice(0, -1).map((start, index) => facts(whole.slice(start, bounds[index + 1]), start));
        const joined = { removals: pieces.flatMap((piece) => piece.removals), paragraphs: pieces.flatMap((piece) => piece.paragraphs), headings: pieces.flatMap((piece) => piece.headings), directives: pieces.flatMap((piece) => piece.directives), problems: pieces.flatMap((piece) => piece.problems) };
        const all = facts(whole, 0);
        assert.deepEqual(joined.removals, all.removals);
        assert.deepEqual(joined.paragraphs, all.paragraphs);
        assert.deepEqual(joined.headings, all.headings);
        assert.deepEqual(joined.directives, all.directives);
        assert.deepEqual(joined.problems.sort(), all.problems.sort());
      }),
      { numRuns: 400, seed: 20261206 },
    );
    assert.ok(cuts > 80, `only ${cuts} cuts were tried`);
  });
});
