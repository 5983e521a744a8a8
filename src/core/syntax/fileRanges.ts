import type { Diagnostic } from '../model/diagnostic';
import type { FileRange } from '../model/excerpt';
import type { LineIndex } from './lineIndex';

/** The file range of UTF-16 offsets `[start, end)`, with lines and code-point columns. */
export function fileRange(lines: LineIndex, start: number, end: number): FileRange {
  const from = lines.toLineColumn(start);
  const to = lines.toLineColumn(end);
  return { startLine: from.line, startColumn: from.column, startOffset: start, endLine: to.line, endColumn: to.column, endOffset: end };
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
