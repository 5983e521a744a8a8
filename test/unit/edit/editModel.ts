import fc from 'fast-check';
import { codeRange } from '../../../src/core/edit/codeRange';
import { recodeTranscript } from '../../../src/core/edit/recodeTranscript';
import { setExcerptAttributes } from '../../../src/core/edit/setExcerptAttributes';
import { applyTextEdits } from '../../../src/core/edit/textEdit';
import { uncode } from '../../../src/core/edit/uncode';
import type { Excerpt } from '../../../src/core/model/excerpt';
import type { Source } from '../../../src/core/model/source';
import { parseTranscriptWithMap, type ParsedTranscript } from '../../../src/core/syntax/parseTranscript';

/**
 * Random transcripts and random edit requests for the property tests of the
 * edit engine, and a model of what the codings must read back as.
 */

const letters = ['a', 'b', 'z', 'Q', 'é', 'ß', 'ж', '中', 'ع', '😀', '🎉', '𝔘', 'x'];
const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
const tricky = fc.constantFrom('[', ']', '\\', ':', '{', '}', '*', '_', '"', "'", '&amp;', '\\[', '\\\\', 'a:b', '(', ')', '!', '#');
/** One inline piece: words, punctuation that matters to labels, emphasis, inline code, links, other directives. */
const atom = fc.oneof(
  { weight: 8, arbitrary: word },
  { weight: 3, arbitrary: tricky },
  { weight: 1, arbitrary: word.map((text) => `*${text}*`) },
  { weight: 1, arbitrary: word.map((text) => `**${text}**`) },
  { weight: 1, arbitrary: word.map((text) => `\`${text}]\``) },
  { weight: 1, arbitrary: word.map((text) => `[${text}](https://example.org/${text.length})`) },
  { weight: 1, arbitrary: word.map((text) => `:abbr[${text}]{title="t"}`) },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `:code[${a} ${b}]{.E1 by=pg}`) },
  { weight: 1, arbitrary: fc.tuple(word, word, word).map(([a, b, c]) => `:code[${a} :code[${b}]{.E2 by=rk} ${c}]{.E1 .E3 by=pg memo="m"}`) },
  { weight: 1, arbitrary: fc.tuple(word, word, word).map(([a, b, c]) => `:code[${a} \\[${b}]{.E4 by=pg}`) },
  { weight: 1, arbitrary: fc.tuple(word, word, word).map(([a, b, c]) => `:code[${a}]{.F1 by=rk id=f1} ${b} :code[${c}]{.F1 by=rk id=f1}`) },
);
export const line = fc
  .tuple(fc.constantFrom('A', 'b', 'É', 'ж', '中', 'P', '😀'), fc.array(atom, { minLength: 0, maxLength: 8 }), fc.array(fc.constantFrom(' ', ''), { minLength: 8, maxLength: 8 }))
  .map(([first, atoms, spaces]) => first + atoms.map((piece, index) => spaces[index] + piece).join(''))
  .filter((text) => !/[ \\]$/.test(text));

type Block = string[];
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines): Block => lines);
const heading = fc.tuple(fc.constantFrom('#', '##'), line).map(([marks, text]): Block => [`${marks} ${text}`]);
const listItem = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines): Block => lines.map((text) => `- ${text}`));
const quote = fc.array(line, { minLength: 1, maxLength: 2 }).map((lines): Block => lines.map((text) => `> ${text}`));
const fence = fc.array(word, { minLength: 1, maxLength: 3 }).map((words): Block => ['```', `:code[${words.join(' ')}]{.Z}`, '```']);
const container = fc.tuple(fc.array(paragraph, { minLength: 1, maxLength: 2 }), fc.constantFrom('.C1 by=pg', '.C2 by=rk memo="a &quot;b&quot;"'))
  .map(([paragraphs, attributes]): Block[] => [[`:::code{${attributes}}`], ...paragraphs, [':::']]);
const nested = fc.tuple(paragraph, paragraph).map(([one, two]): Block[] => [['::::code{.C3 by=pg}'], [':::code{.C4 by=rk}'], one, [':::'], two, ['::::']]);
const note = paragraph.map((one): Block[] => [[':::note'], one, [':::']]);

/** A random transcript: front matter or not, CRLF or LF, blocks of several kinds, existing codings. */
export const transcript = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: paragraph.map((block) => [block]) },
        { weight: 1, arbitrary: heading.map((block) => [block]) },
        { weight: 1, arbitrary: listItem.map((block) => [block]) },
        { weight: 1, arbitrary: quote.map((block) => [block]) },
        { weight: 1, arbitrary: fence.map((block) => [block]) },
        { weight: 1, arbitrary: container },
        { weight: 1, arbitrary: nested },
        { weight: 1, arbitrary: note },
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.boolean(),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([groups, crlf, frontMatter, finalNewline]) => {
    const eol = crlf ? '\r\n' : '\n';
    // Fence lines of a container stand on their own lines; other blocks are separated by a blank line.
    const parts: string[] = [];
    for (const group of groups) {
      const lines: string[] = [];
      for (const block of group) {
        const isFence = block.length === 1 && /^:{3,}/.test(block[0]);
        if (lines.length > 0 && !isFence && !/^:{3,}/.test(lines[lines.length - 1])) lines.push('');
        lines.push(...block);
      }
      parts.push(lines.join(eol));
    }
    const body = parts.join(eol + eol) + (finalNewline ? eol : '');
    return (frontMatter ? `---${eol}id: s1${eol}title: "T"${eol}---${eol}${eol}` : '') + body;
  });

/** A request, with positions as fractions resolved against the transcript when it runs. */
export type Step =
  | { kind: 'code'; a: number; b: number; codes: string[]; coder: string | null; memo: string | null; exemplar: boolean; wholeBlocks: boolean; snap: number }
  | { kind: 'uncode'; pick: number; whole: boolean; codePick: number }
  | { kind: 'memo'; pick: number; memo: string | null; exemplar: boolean | undefined }
  | { kind: 'rename'; codePick: number; to: string };

const fraction = fc.integer({ min: 0, max: 9999 }).map((value) => value / 10000);
const codeId = fc.constantFrom('T1', 'T2', 'M3', 'E1', 'C1');
const memo = fc.option(fc.string({ unit: fc.constantFrom('a', ' ', '"', '\n', '\r', '\\', '[', ']', '&', '#', '}', '😀', "'", 'é'), maxLength: 8 }), { nil: null });
/** One random request. */
export const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('code' as const),
      a: fraction,
      b: fraction,
      codes: fc.uniqueArray(codeId, { minLength: 1, maxLength: 2 }),
      coder: fc.constantFrom('pg', 'rk', null),
      memo,
      exemplar: fc.boolean(),
      wholeBlocks: fc.boolean(),
      snap: fc.nat(3),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('uncode' as const), pick: fraction, whole: fc.boolean(), codePick: fraction }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('memo' as const), pick: fraction, memo, exemplar: fc.constantFrom(true, false, undefined) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), codePick: fraction, to: fc.constantFrom('R1', 'T1', 'E2') }) },
);

/** What an excerpt must read back as. */
export interface ModelCoding {
  start: number;
  end: number;
  codes: string[];
  coder: string | null;
  memo: string | null;
  exemplar: boolean;
}

/** What an excerpt reads back as, codes sorted. */
export function toModel(excerpt: Excerpt): ModelCoding {
  return { start: excerpt.start, end: excerpt.end, codes: [...excerpt.codes].sort(), coder: excerpt.coder, memo: excerpt.memo, exemplar: excerpt.exemplar };
}

/** Codings in a fixed order, for comparing lists. */
export function sortModel(codings: ModelCoding[]): ModelCoding[] {
  const key = (coding: ModelCoding) => JSON.stringify([coding.start, coding.end, coding.codes, coding.coder, coding.memo, coding.exemplar]);
  return [...codings].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
}

/** Tallies of what the runs did, so a test can check that the requests were mostly carried out. */
export interface Tally {
  done: Record<string, number>;
  refused: Record<string, number>;
  reasons: Record<string, number>;
  /** A few refused code requests with their plain text, to judge whether refusing was right. */
  examples: string[];
}

/** An empty tally. */
export function newTally(): Tally {
  return { done: {}, refused: {}, reasons: {}, examples: [] };
}

/** Positions worth aiming at: line starts and ends of the plain text, besides anywhere. */
function snapPosition(plain: string, fraction: number, snap: number, length: number): number {
  const codePoints = [...plain];
  if (snap === 0) return Math.min(Math.floor(fraction * (length + 1)), length);
  // Line starts (snap 1) or line ends (snap 2) near the target.
  const candidates: number[] = [0];
  for (let index = 0; index < codePoints.length; index++) {
    if (codePoints[index] === '\n') {
      candidates.push(index + 1);
      candidates.push(index > 0 && codePoints[index - 1] === '\r' ? index - 1 : index);
    }
  }
  candidates.push(length);
  const wanted = candidates.filter((candidate, index) => (snap === 1 ? index % 2 === 0 : index % 2 === 1) || candidate === length);
  return wanted[Math.min(wanted.length - 1, Math.floor(fraction * wanted.length))];
}

function problemCount(source: Source): number {
  return source.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' || ['malformed-directive', 'fragment-mismatch', 'no-codes', 'empty-excerpt'].includes(diagnostic.ruleId)).length;
}

/**
 * Runs the steps on a transcript and checks after each one that the plain
 * text is unchanged, that no new problem appears, and that the codings read
 * back are exactly the model's. Throws (with the text) on the first failure.
 */
export function runSteps(initial: string, steps: Step[], tally: Tally): void {
  let text = initial.charCodeAt(0) === 0xfeff ? initial.slice(1) : initial;
  let parsed: ParsedTranscript = parseTranscriptWithMap(text, { path: 'p.md' });
  const plain = parsed.source.plainText;
  const problems = problemCount(parsed.source);
  let model = parsed.source.excerpts.map(toModel);
  const count = (record: Record<string, number>, key: string) => (record[key] = (record[key] ?? 0) + 1);
  for (const request of steps) {
    const excerpts = parsed.source.excerpts;
    let edits;
    let next = model;
    if (request.kind === 'code') {
      const length = parsed.source.length;
      let a = snapPosition(plain, request.a, request.snap === 3 ? 1 : request.snap, length);
      let b = snapPosition(plain, request.b, request.snap === 3 ? 2 : request.snap, length);
      if (a > b) [a, b] = [b, a];
      if (a === b) continue;
      const result = codeRange(text, parsed, { start: a, end: b, codes: request.codes, coder: request.coder, memo: request.memo, exemplar: request.exemplar, wholeBlocks: request.wholeBlocks });
      if (!result.ok) {
        count(tally.refused, 'code');
        if (tally.examples.length < 10 || (result.error.startsWith('cannot') && tally.examples.length < 40)) tally.examples.push(`${result.error} ${a}-${b}: ${JSON.stringify([...plain].slice(a, b).join(''))}${result.error.startsWith('cannot') ? ' in ' + JSON.stringify(text) : ''}`);
        count(tally.reasons, result.error.replace(/[0-9]+/g, 'N'));
        continue;
      }
      count(tally.done, `code-${result.kind}`);
      if (result.start < (request.wholeBlocks ? 0 : a) || result.end > (request.wholeBlocks ? length : b) || result.start >= result.end) {
        throw new Error(`coded ${result.start}-${result.end} for a request of ${a}-${b}`);
      }
      edits = result.edits;
      if (result.kind === 'added-class') {
        let merged = false;
        next = model.map((coding) => {
          if (merged || coding.start !== result.start || coding.end !== result.end || coding.coder !== request.coder) return coding;
          merged = true;
          return { ...coding, codes: [...new Set([...coding.codes, ...request.codes])].sort(), memo: request.memo ?? coding.memo, exemplar: coding.exemplar || request.exemplar };
        });
      } else {
        next = [...model, { start: result.start, end: result.end, codes: [...request.codes].sort(), coder: request.coder, memo: request.memo, exemplar: request.exemplar }];
      }
    } else if (request.kind === 'uncode' || request.kind === 'memo') {
      if (excerpts.length === 0) continue;
      const excerpt = excerpts[Math.min(excerpts.length - 1, Math.floor(request.pick * excerpts.length))];
      const before = toModel(excerpt);
      const at = model.findIndex((coding) => JSON.stringify(coding) === JSON.stringify(before));
      if (at === -1) throw new Error('model and transcript disagree before the step');
      if (request.kind === 'uncode') {
        const code = request.whole || excerpt.codes.length === 0 ? undefined : excerpt.codes[Math.min(excerpt.codes.length - 1, Math.floor(request.codePick * excerpt.codes.length))];
        const result = uncode(text, parsed, excerpt, code);
        if (!result.ok) {
          count(tally.refused, 'uncode');
          if (tally.examples.length < 40) tally.examples.push(`${result.error} (uncode ${code ?? 'all'} at line ${excerpt.line}): ${JSON.stringify(text)}`);
          count(tally.reasons, result.error.replace(/[0-9]+/g, 'N'));
          continue;
        }
        count(tally.done, 'uncode');
        edits = result.edits;
        const left = code === undefined ? [] : before.codes.filter((id) => id !== code);
        next = model.filter((_, index) => index !== at);
        if (left.length > 0) next.push({ ...before, codes: left });
      } else {
        const result = setExcerptAttributes(text, parsed, excerpt, { memo: request.memo, exemplar: request.exemplar });
        if (!result.ok) {
          count(tally.refused, 'memo');
          count(tally.reasons, result.error.replace(/[0-9]+/g, 'N'));
          continue;
        }
        count(tally.done, 'memo');
        edits = result.edits;
        next = model.map((coding, index) => (index === at ? { ...coding, memo: request.memo, exemplar: request.exemplar ?? coding.exemplar } : coding));
      }
    } else {
      const codes = [...new Set(model.flatMap((coding) => coding.codes))].sort();
      if (codes.length === 0) continue;
      const from = codes[Math.min(codes.length - 1, Math.floor(request.codePick * codes.length))];
      if (from === request.to) continue;
      const result = recodeTranscript(text, parsed, new Map([[from, request.to]]));
      if (!result.ok) {
        count(tally.refused, 'rename');
        count(tally.reasons, result.error.replace(/[0-9]+/g, 'N'));
        continue;
      }
      count(tally.done, 'rename');
      edits = result.edits;
      next = model.map((coding) => ({ ...coding, codes: [...new Set(coding.codes.map((id) => (id === from ? request.to : id)))].sort() }));
    }
    text = applyTextEdits(text, edits);
    parsed = parseTranscriptWithMap(text, { path: 'p.md' });
    if (parsed.source.plainText !== plain) throw new Error(`the plain text changed after ${JSON.stringify(request)}:\n${text}`);
    if (problemCount(parsed.source) > problems) throw new Error(`new problems after ${JSON.stringify(request)}: ${JSON.stringify(parsed.source.diagnostics)}\n${text}`);
    const got = sortModel(parsed.source.excerpts.map(toModel));
    const want = sortModel(next);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(`codings differ after ${JSON.stringify(request)}:\nwant ${JSON.stringify(want)}\ngot  ${JSON.stringify(got)}\n${text}`);
    }
    model = next;
  }
}
