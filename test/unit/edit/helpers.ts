import { applyTextEdits, type TextEdit } from '../../../src/core/edit/textEdit';
import { parseTranscriptWithMap, type ParsedTranscript } from '../../../src/core/syntax/parseTranscript';

/** Parses a transcript text for the edit engine. */
export function parse(text: string): ParsedTranscript {
  return parseTranscriptWithMap(text, { path: 'study/p1.md' });
}

/** Applies an engine result's edits, failing the test with the refusal when there is one. */
export function applied(text: string, result: { ok: true; edits: TextEdit[] } | { ok: false; error: string }): string {
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return applyTextEdits(text, result.edits);
}

/** Code-point offsets of the first occurrence of `needle` in the plain text. */
export function rangeOf(parsed: ParsedTranscript, needle: string): { start: number; end: number } {
  const plain = parsed.source.plainText;
  const index = plain.indexOf(needle);
  if (index === -1) throw new Error(`'${needle}' is not in the plain text`);
  const start = [...plain.slice(0, index)].length;
  return { start, end: start + [...needle].length };
}
