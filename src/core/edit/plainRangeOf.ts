import type { ParsedTranscript } from '../syntax/parseTranscript';

/**
 * The plain-text range (code points, end exclusive) of a stretch of the file
 * (UTF-16 offsets without byte order mark), as an editor selection gives it:
 * an offset inside markup counts from the next character of plain text.
 * Offsets are clamped to the file; a reversed range is put in order.
 */
export function plainRangeOf(parsed: ParsedTranscript, startOffset: number, endOffset: number): { start: number; end: number } {
  const { map } = parsed;
  const toPoint = (offset: number) => map.toCodePoint(map.fileToPlain(Math.max(0, offset)));
  const [from, to] = startOffset <= endOffset ? [startOffset, endOffset] : [endOffset, startOffset];
  return { start: toPoint(from), end: toPoint(to) };
}
