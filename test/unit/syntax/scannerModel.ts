/**
 * Random transcripts for the differential test of the transcript scanner
 * (test/unit/syntax/scannerDifferential.test.ts, `npm run fuzz:parser`):
 * random mixes of every construct the scanner reads or must leave alone,
 * random Unicode, line endings, and CommonMark spec examples around `code`
 * directives. `difference` compares the scanner's facts with micromark's.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { tests as specExamples } from 'commonmark-spec';
import { analyseTranscript } from '../../../src/core/syntax/analyseTranscript';
import { scanTranscript } from '../../../src/core/syntax/scan/scanTranscript';

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('we', 'the', 'partnership', 'Trust', 'really', 'think', 'P1', 'x') },
  {
    weight: 3,
    arbitrary: fc.constantFrom('😀', '𝒜𝒷', 'e\u0301', 'n\u0303o', 'مرحبا', 'שלום', '\u200f', '\u202e', '中文', '\u00a0', 'a\tb', 'ǅ', '\u2028', '\ufffd', '—', '“q”', 'Zoë', '\u3000'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

const attribute = fc.constantFrom(
  '.A', '.B', '.T1a', '#f1', '#f2', 'by=pg', 'by=rk', 'memo="a b"', "memo='x y'", 'memo="&amp; &quot;q&quot;"', 'memo="line\nbreak"',
  'exemplar', 'exemplar=no', 'x=1', '.A.B', '#a#b', 'memo="a\\"b"', 'by=', '.', '#', 'k="', 'data-x=y', 'a:b=c', '.é', '.😀', 'x=`y`', 'x=<y>',
  '.A\t.B', 'k=v"', 'memo=""', "memo=''", 'k = v', 'k=\n v', '.A}', '{', '\\', '.A .A',
);
const attributes = fc
  .tuple(fc.array(attribute, { maxLength: 4 }), fc.constantFrom(' ', ' ', '  ', '\t', '\n', ''), fc.constantFrom('}', '}', '}', '', ' }', '\n}'))
  .map(([list, separator, close]) => `{${list.join(separator)}${close}`);

const labelPiece = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '\\[', '\\]', '\\\\', '[x]', '\\', ']', '[', '`', '``', '*', ':code[in]{.N}', '\n', '\r\n', '**P1:**', '<b>', '](u)', '&amp;', '\\:code[e]') },
);
const label = fc.array(labelPiece, { maxLength: 6 }).map((pieces) => pieces.join(''));

const directiveName = fc.constantFrom(':code', ':code', ':code', ':note', ':Code', ':code-x', ':code_', ':codé', '::code', ':code\t', ':co:de');
const textDirective = fc
  .tuple(directiveName, fc.option(label, { nil: undefined }), fc.option(attributes, { nil: undefined }))
  .map(([name, text, attrs]) => `${name}${text === undefined ? '' : `[${text}]`}${attrs ?? ''}`);

const inline = fc.oneof(
  { weight: 8, arbitrary: word },
  { weight: 4, arbitrary: textDirective },
  { weight: 4, arbitrary: fc.constantFrom(' ', ' ', ' ', '\n', '\n   ', '  \n') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '**P1:** ', 'P2: ', '*Interviewer:* ', '__Q:__ ', '`', '``', '`x :code[y]{.A}`', '`` a ` :code[y]{.A} ``', '\\:code[x]{.A}', '\\', '\\\\',
      '<http://x/:code[a]{.b}>', '<span a=":code[x]{.y}">', '<!-- :code[x]{.C} -->', '[l](:code[x]{.A})', '[l]', '![i](:code[j]{.A})',
      '*', '_', '**', '&amp;', '&#58;code[x]{.A}', '10:30', ':30', '::code[x]{.A}', ':::', '[', ']', '{', '}', '(', '<', '>', '!', '#',
      '{.A}', ']{.A}', ':code[', 'https://a.b/c', 'a@b.c', '\\`', '\\[',
    ),
  },
);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join(''));
const lines = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((list) => list.join('\n'));

const indentation = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '\t');

/** A CommonMark spec example with a `code` directive put in it, or around it. */
const specExample = fc
  .tuple(fc.constantFrom(...specExamples.map((example) => example.markdown.replace(/→/g, '\t'))), fc.nat(), fc.constantFrom('inside', 'around', 'container', 'before'), textDirective)
  .map(([markdown, at, how, directive]) => {
    const cut = markdown.length === 0 ? 0 : at % (markdown.length + 1);
    if (how === 'inside') return markdown.slice(0, cut) + directive + markdown.slice(cut);
    if (how === 'around') return `:code[${markdown.replace(/\n+$/, '')}]{.S}`;
    if (how === 'container') return `::::code{.S}\n${markdown}\n::::`;
    return `${directive}\n${markdown}`;
  });

const fence = fc.constantFrom('```', '````', '~~~', '``` js', '```a`b', '~~~ x `y`', '``');

const leafBlock = fc.oneof(
  { weight: 10, arbitrary: lines },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.array(fc.oneof(word, fc.constantFrom(' ', ':', ': ', '#', ' #', '*', '\\#', '`c`', '&amp;', ':code[h]{.H}')), { maxLength: 5 }), fc.constantFrom('', ' ##', ' #', '#', '  ')).map(([depth, parts, closing]) => `${'#'.repeat(depth)} ${parts.join('')}${closing}`) },
  { weight: 2, arbitrary: fc.tuple(fence, lines, fc.constantFrom('```', '````', '~~~', '', ' ```', '```   ')).map(([open, body, close]) => `${open}\n${body}\n${close}`) },
  { weight: 1, arbitrary: lines.map((body) => body.split('\n').map((line) => '    ' + line).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('<div>', '<!--', '<pre>', '<?x', '<![CDATA[', '<!DOCTYPE', '<custom-tag a="b">', '</p>'), lines).map(([open, body]) => `${open}\n${body}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '> ', '>', '-\n'), lines).map(([marker, body]) => marker + body) },
  { weight: 1, arbitrary: fc.constantFrom('***', '---', '___', '- - -', '===', '* * *', '-', '=') },
  { weight: 2, arbitrary: specExample },
);

/** Blocks with containers nested up to `depth` levels. */
function blocks(depth: number): fc.Arbitrary<string> {
  const block: fc.Arbitrary<string> =
    depth === 0
      ? leafBlock
      : fc.oneof(
          { weight: 4, arbitrary: leafBlock },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.integer({ min: 3, max: 5 }), fc.constantFrom('code', 'code', 'note', 'Code', 'code-'), fc.option(label, { nil: undefined }), fc.option(attributes, { nil: undefined }), fc.constantFrom('', ' ', '\t', ' x'), blocks(depth - 1), fc.constantFrom(0, 0, 0, -1, 1, -3))
              .map(([colons, name, text, attrs, trailing, body, close]) => {
                const open = `${':'.repeat(colons)}${name}${text === undefined ? '' : `[${text}]`}${attrs ?? ''}${trailing}`;
                const closing = close === -3 ? '' : ':'.repeat(colons + close);
                return `${open}\n${body}\n${closing}`;
              }),
          },
        );
  return fc
    .tuple(fc.array(fc.tuple(indentation, block), { maxLength: 6 }), fc.array(fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n', '\n  \n'), { minLength: 6, maxLength: 6 }))
    .map(([list, separators]) => list.map(([indent, text], index) => indent + text + (index < list.length - 1 ? separators[index] : '')).join(''));
}

const frontMatter = fc.oneof(
  fc.constant(''),
  fc.constant(''),
  fc.constantFrom('---\nid: t1\ncoders: [pg, rk]\n---\n', '---\ntitle: A\n\nrole: b\n---\n\n', '---\n---\n', '---  \nid: x\n---  \n', '---\nid: x\n', '---\nid: [\n---\n', '---\n  \n---\n', '---\nid: x\n---', '---\nid: :code[x]{.A}\n---\n', '----\nid: x\n----\n', ' ---\nid: x\n---\n'),
);

/** A random document, its line endings made LF, CRLF or a mix. */
export const document: fc.Arbitrary<string> = fc
  .tuple(frontMatter, blocks(2), fc.constantFrom('lf', 'lf', 'crlf', 'mixed'), fc.nat(), fc.constantFrom('', '', '\n', '\r\n'))
  .map(([front, body, endings, seed, end]) => {
    let text = front + body + end;
    if (endings === 'crlf') text = text.replace(/\r?\n/g, '\r\n');
    else if (endings === 'mixed') {
      let count = seed;
      text = text.replace(/\r?\n/g, () => (count++ % 3 === 0 ? '\r\n' : '\n'));
    }
    return text;
  });

/** Tally of a run: documents the scanner read itself, and those it left to micromark. */
export interface ScanTally {
  scanned: number;
  fellBack: number;
}

/**
 * Reads `text` with the scanner and with micromark; returns null when they
 * agree (or the scanner left the text to micromark), else a description of
 * the difference with the document.
 */
export function difference(text: string, tally: ScanTally): string | null {
  const scanned = scanTranscript(text);
  if (!scanned) {
    tally.fellBack++;
    return null;
  }
  tally.scanned++;
  const expected = analyseTranscript(text);
  if (isDeepStrictEqual(scanned, expected)) return null;
  const fields = (Object.keys(expected) as (keyof typeof expected)[]).filter((key) => !isDeepStrictEqual(scanned[key], expected[key]));
  return [
    `the scanner and micromark read this document differently: ${JSON.stringify(text)}`,
    ...fields.map((key) => `  ${key}: micromark ${JSON.stringify(expected[key])}\n  ${' '.repeat(key.length)}  scanner   ${JSON.stringify(scanned[key])}`),
  ].join('\n');
}
