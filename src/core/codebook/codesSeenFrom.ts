import type { Code, Codebook } from '../model/codebook';

/**
 * Where a code of the merged codebook comes from, seen from one codebook
 * file: `own` (the file defines it), `inherited` (a preset or another file
 * defines it and this file does not write it), `overridden` (inherited, and
 * this file has an entry overriding some of its fields).
 */
export type CodePlace = 'own' | 'inherited' | 'overridden';

/** A code of the merged codebook, with every field, and where it comes from. */
export interface SeenCode {
  code: Code;
  place: CodePlace;
}

/**
 * Every code of the merged `codebook` as the codebook file at `path` (as the
 * codes' `origin.path` names it) sees it, in codebook order. A code without
 * an origin counts as inherited.
 */
export function codesSeenFrom(codebook: Codebook, path: string): Map<string, SeenCode> {
  const seen = new Map<string, SeenCode>();
  for (const code of codebook.codes.values()) {
    const place: CodePlace = code.origin?.path !== path ? 'inherited' : code.inheritedFrom !== undefined ? 'overridden' : 'own';
    seen.set(code.id, { code, place });
  }
  return seen;
}
