import fc from 'fast-check';
import { codeRange } from '../../../src/core/edit/codeRange';
import { applyTextEdits } from '../../../src/core/edit/textEdit';
import { uncode } from '../../../src/core/edit/uncode';
import { parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';

/** One coding to add: a plain-text range and one code. */
export interface CodingStep {
  start: number;
  end: number;
  code: string;
}

const word = fc.stringMatching(/^[a-zäöü🙂]{1,7}$/);
const paragraph = fc.array(word, { minLength: 2, maxLength: 9 }).map((words) => words.join(' '));

/** A transcript of a few paragraphs of words (astral characters included), LF or CRLF. */
export const transcriptText = fc
  .tuple(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([paragraphs, crlf]) => paragraphs.join(crlf ? '\r\n\r\n' : '\n\n') + (crlf ? '\r\n' : '\n'));

/** Random codings (ranges as fractions of the plain text, resolved against it later). */
export const codingSteps = fc.array(
  fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.double({ min: 0, max: 0.6, noNaN: true }), code: fc.constantFrom('T1', 'M3', 'F2') }),
  { maxLength: 5 },
);

/** Parses a transcript for the tests. */
export function parse(text: string) {
  return parseTranscriptWithMap(text, { path: 'interview.md' });
}

/** Codes `steps` by `coder` into `text` one by one with the edit engine; refused ranges are skipped. */
export function codeAll(text: string, coder: string, steps: readonly { from: number; length: number; code: string }[]): string {
  for (const step of steps) {
    const parsed = parse(text);
    const length = parsed.source.length;
    const start = Math.min(length - 1, Math.floor(step.from * length));
    const end = Math.min(length, start + 1 + Math.floor(step.length * length));
    const result = codeRange(text, parsed, { start, end, codes: [step.code], coder });
    if (result.ok) text = applyTextEdits(text, result.edits);
  }
  return text;
}

/** Uncodes the excerpts at the given indexes (modulo the count) of `text`. */
export function uncodeSome(text: string, picks: readonly number[]): string {
  for (const pick of picks) {
    const parsed = parse(text);
    if (parsed.source.excerpts.length === 0) break;
    const result = uncode(text, parsed, parsed.source.excerpts[pick % parsed.source.excerpts.length]);
    if (result.ok) text = applyTextEdits(text, result.edits);
  }
  return text;
}

/** The codings of a text as a sorted list of `coder start-end code` lines (one per code). */
export function codingsOf(text: string): string[] {
  return parse(text)
    .source.excerpts.flatMap((excerpt) => excerpt.codes.map((code) => `${excerpt.coder} ${excerpt.start}-${excerpt.end} ${code}`))
    .sort();
}
