import type { CopyCoder } from './mergeCopies';

/** One coder compared with themselves: their names in the copies, in the order compared. */
export interface SameCoder {
  coder: string;
  names: string[];
}

/** What a comparison of copies measures, from the coders compared. */
export interface CopiesReliability {
  /**
   * `intra-coder` (test–retest): one coder, in two copies; `inter-coder`: no
   * coder appears in both copies; `intra- and inter-coder`: both at once.
   */
  reliability: 'inter-coder' | 'intra-coder' | 'intra- and inter-coder';
  /** Coders compared with themselves across the copies. */
  sameCoder: SameCoder[];
}

/**
 * Says whether comparing the coders `compared` (names `coder@copy` from
 * `mergeCopies`) measures the agreement of different coders, of one coder
 * with themselves across copies, or both: `rk@main` and `rk@retest` are one
 * coder, and so are `ann` (the copy `ann`, excerpts without `by=`) and
 * `ann@retest`. A name not in `coders` counts as a coder of its own.
 */
export function copiesReliability(compared: readonly string[], coders: readonly CopyCoder[]): CopiesReliability {
  const byName = new Map(coders.map((coder) => [coder.name, coder]));
  const groups = new Map<string, string[]>();
  for (const name of compared) {
    const coder = byName.get(name)?.coder ?? name;
    groups.set(coder, [...(groups.get(coder) ?? []), name]);
  }
  const sameCoder = [...groups].filter(([, names]) => names.length > 1).map(([coder, names]) => ({ coder, names }));
  const reliability =
    sameCoder.length === 0
      ? 'inter-coder'
      : sameCoder.length === 1 && sameCoder[0]!.names.length === compared.length
        ? 'intra-coder'
        : 'intra- and inter-coder';
  return { reliability, sameCoder };
}
