import type { Codebook } from '../model/codebook';
import type { Source } from '../model/source';

/**
 * The codes applied in `sources` that have a parent in `codebook`: those
 * whose codings `--rollup` also counts for an ancestor, sorted. Empty when
 * there is no codebook, when it has no hierarchy, or when only root codes
 * (or codes it does not know) are used: then rolling up changes nothing.
 */
export function codesThatRollUp(sources: readonly Source[], codebook: Codebook | undefined): string[] {
  const found = new Set<string>();
  for (const source of sources) {
    for (const excerpt of source.excerpts) {
      for (const code of excerpt.codes) {
        if (!found.has(code) && (codebook?.codes.get(code)?.parent ?? null) !== null) found.add(code);
      }
    }
  }
  return [...found].sort();
}
