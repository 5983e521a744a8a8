/** How serious a problem is: errors fail `mdqda lint`, warnings do not. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in a transcript or a codebook. Problems are data: the core
 * returns them beside its results and never throws for bad user input.
 */
export interface Diagnostic {
  /** Path of the file, relative to the workspace root, with `/` separators. */
  path: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in Unicode code points. */
  column: number;
  /** 0-based UTF-16 offset into the file text, when known. */
  offset?: number;
  /** End of the problem's range (1-based line, column in code points), when known. */
  endLine?: number;
  endColumn?: number;
  endOffset?: number;
  severity: Severity;
  message: string;
  /** Stable rule id, e.g. `unclosed-container`, `unknown-code`. */
  ruleId: string;
}
