import { countBelow, surrogatePairs } from './plainTextMap';

/** A 1-based line and a 1-based column counted in Unicode code points. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * Converts UTF-16 offsets of a text to lines and code-point columns and back.
 * Lines end at `\n`; a `\r` before it belongs to the line terminator. Offsets
 * past the end clamp to the end.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** Whether the text has any surrogate code unit, paired or not (a text cut from it can have a pair only then). */
  readonly hasSurrogates: boolean;
  /** Whether the text has any surrogate pair; without one, columns are plain UTF-16 distances. */
  private readonly hasAstral: boolean;
  /** Offsets of the second halves of surrogate pairs, ascending (only when there is any). */
  private readonly lowSurrogates: readonly number[] = [];

  /** Line terminators that are `\r\n`. */
  private readonly crlfCount: number = 0;

  constructor(private readonly text: string) {
    let crlf = 0;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1);
      if (index > 0 && text.charCodeAt(index - 1) === 0x0d) crlf++;
    }
    this.crlfCount = crlf;
    this.hasSurrogates = /[\ud800-\udfff]/.test(text);
    if (this.hasSurrogates) this.lowSurrogates = surrogatePairs(text).map((high) => high + 1);
    this.hasAstral = this.lowSurrogates.length > 0;
  }

  /** The line terminator most lines end with: `\r\n` when more end with it than with `\n` alone. */
  get dominantEol(): '\n' | '\r\n' {
    return this.crlfCount > this.lineStarts.length - 1 - this.crlfCount ? '\r\n' : '\n';
  }

  /** Number of lines (a text ending in a terminator has an empty last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** UTF-16 offset where a 1-based line starts (clamped). */
  lineStart(line: number): number {
    const index = Math.min(Math.max(line, 1), this.lineStarts.length) - 1;
    return this.lineStarts[index];
  }

  /** 1-based line and code-point column of a UTF-16 offset. */
  toLineColumn(offset: number): LineColumn {
    const line = this.lineOf(offset);
    return { line, column: this.columnOf(offset, line) };
  }

  /** 1-based line of a UTF-16 offset (clamped to the text). */
  lineOf(offset: number): number {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** 1-based code-point column of a UTF-16 offset on its line (`lineOf(offset)`). */
  columnOf(offset: number, line: number): number {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    const start = this.lineStarts[line - 1];
    if (!this.hasAstral) return clamped - start + 1;
    // A low surrogate after a high one is the same code point: count the pairs whose second half lies in (start, clamped).
    const pairs = countBelow(this.lowSurrogates, clamped) - countBelow(this.lowSurrogates, start + 1);
    return clamped - start + 1 - pairs;
  }

  /** UTF-16 offset of a 1-based line and code-point column (clamped to the line). */
  toOffset(line: number, column: number): number {
    const start = this.lineStart(line);
    const lineEnd = line < this.lineStarts.length ? this.lineStarts[line] - 1 : this.text.length;
    let offset = start;
    for (let counted = 1; counted < column && offset < lineEnd; counted++) {
      const unit = this.text.charCodeAt(offset);
      offset += unit >= 0xd800 && unit <= 0xdbff && offset + 1 < lineEnd ? 2 : 1;
    }
    return offset;
  }
}
