import type { Diagnostic } from '../model/diagnostic';
import type { FileRange } from '../model/excerpt';
import type { LineIndex } from './lineIndex';

/** The file range of UTF-16 offsets `[start, end)`, with lines and code-point columns. */
export function fileRange(lines: LineIndex, start: number, end: number): FileRange {
  const startLine = lines.lineOf(start);
  const endLine = lines.lineOf(end);
  return { startLine, startColumn: lines.columnOf(start, startLine), startOffset: start, endLine, endColumn: lines.columnOf(end, endLine), endOffset: end };
}

/** A diagnostic placed on a file range. */
export function diagnosticAt(path: string, range: FileRange, severity: Diagnostic['severity'], message: string, ruleId: string): Diagnostic {
  return {
    path,
    line: range.startLine,
    column: range.startColumn,
    offset: range.startOffset,
    endLine: range.endLine,
    endColumn: range.endColumn,
    endOffset: range.endOffset,
    severity,
    message,
    ruleId,
  };
}
