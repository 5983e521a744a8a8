import type { Origin } from '../model/codebook';
import type { Diagnostic, Severity } from '../model/diagnostic';

/** Where a hand-built code without an origin is reported: 1:1 of no file. */
const NOWHERE: Origin = { path: '', line: 1, column: 1 };

/** A diagnostic at a written position (`null`: 1:1 of no file). */
export function diagnosticAt(origin: Origin | null, severity: Severity, ruleId: string, message: string): Diagnostic {
  const { path, line, column } = origin ?? NOWHERE;
  return { path, line, column, severity, ruleId, message };
}
