import type { Codebook } from '../model/codebook';

/** A codebook with no codes, history, citations or files: what a workspace without a codebook uses. */
export function emptyCodebook(): Codebook {
  return { codes: new Map(), roots: [], history: [], citations: [], files: [] };
}
