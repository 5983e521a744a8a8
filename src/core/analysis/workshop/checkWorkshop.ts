import type { Codebook } from '../../model/codebook';
import type { Diagnostic } from '../../model/diagnostic';
import { parseWorkshop } from './parseWorkshop';
import { tallyWorkshop, type WorkshopTally } from './tallyWorkshop';

/** A workshop file read, checked against a codebook and tallied. */
export interface CheckedWorkshop {
  /** The tally; null when an error makes it untrustworthy. */
  tally: WorkshopTally | null;
  /** Every problem of the file (parsing, then the codebook checks), in line order. */
  diagnostics: Diagnostic[];
}

/**
 * Reads the text of a workshop file (a leading byte order mark is ignored),
 * checks it and, with a codebook, its candidates and step against the codebook,
 * and tallies it: what `mdqda workshop` prints and the editor's workshop view
 * shows. Never throws for user text: with any error the tally is null and the
 * diagnostics say why; with warnings only, the tally is made.
 */
export function checkWorkshop(text: string, path: string, codebook: Codebook | null): CheckedWorkshop {
  const parsed = parseWorkshop(text.replace(/^\uFEFF/, ''), path);
  const result = tallyWorkshop(parsed.workshop, codebook);
  const diagnostics = [...parsed.diagnostics, ...result.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  const failed = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return { tally: failed ? null : result.tally, diagnostics };
}

/**
 * Whether a YAML text looks like a workshop file (docs/workshop.md): it has a
 * top-level `candidates:` or `participants:` key. Codebooks have neither.
 */
export function looksLikeWorkshop(text: string): boolean {
  return /^(?:candidates|participants)[ \t]*:/m.test(text.replace(/^\uFEFF/, ''));
}
