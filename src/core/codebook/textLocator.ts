import type { Diagnostic, Severity } from '../model/diagnostic';
import type { Origin } from '../model/codebook';

/** A 1-based line and a 1-based column counted in Unicode code points. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Turns UTF-16 offsets of one file into positions and diagnostics. */
export interface TextLocator {
  /** Path the locator reports, as given. */
  readonly path: string;
  /** Line and code-point column of a 0-based UTF-16 offset (clamped to the text). */
  at(offset: number): LineColumn;
  /** The `Origin` (path, line, column) of an offset. */
  origin(offset: number): Origin;
  /**
   * A diagnostic spanning `[start, end)` (UTF-16 offsets). `end` defaults to `start`.
   */
  diagnostic(
    severity: Severity,
    ruleId: string,
    message: string,
    start: number,
    end?: number,
  ): Diagnostic;
}

/**
 * Builds a locator for `text`. Line breaks are `\n`, `\r\n` or `\r`. A byte
 * order mark at the start of the file is not counted as a column.
 */
export function createTextLocator(text: string, path: string): TextLocator {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) lineStarts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    }
  }

  const at = (rawOffset: number): LineColumn => {
    const offset = Math.max(0, Math.min(text.length, rawOffset));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    let start = lineStarts[low]!;
    if (start === 0 && text.charCodeAt(0) === 0xfeff && offset > 0) start = 1;
    let column = 1;
    for (let i = start; i < offset; i++) {
      // A surrogate pair is one code point: its second half adds no column.
      const isLowHalf = (text.charCodeAt(i) & 0xfc00) === 0xdc00;
      const afterHighHalf = i > start && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
      if (!(isLowHalf && afterHighHalf)) column++;
    }
    return { line: low + 1, column };
  };

  return {
    path,
    at,
    origin(offset) {
      return { path, ...at(offset) };
    },
    diagnostic(severity, ruleId, message, start, end = start) {
      const from = at(start);
      const to = at(Math.max(start, end));
      return {
        path,
        line: from.line,
        column: from.column,
        offset: start,
        endLine: to.line,
        endColumn: to.column,
        endOffset: Math.max(start, end),
        severity,
        message,
        ruleId,
      };
    },
  };
}
