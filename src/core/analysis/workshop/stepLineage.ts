import type { Codebook, HistoryEntry } from '../../model/codebook';

/** Actions whose `to` codes came out of their `from` codes. */
const DERIVING = new Set(['merge', 'split', 'rename']);

/**
 * Maps the codes of today's codebook back to the codes that stood at an
 * earlier step, so excerpts coded after a merge or rename can be counted for
 * the candidates they came from. `stepCodebook` is the codebook as of the
 * step (`codebookAsOf`), `codebook` the current one. The returned function
 * gives, for a code id:
 *
 * - the id itself when the code existed at the step;
 * - else the codes at the step it was derived from, following `merge`,
 *   `split` and `rename` entries of the history backwards (`T4` → `TC4`,
 *   `TC5`, `TC6`);
 * - else, for a code added later, what its parent maps to (`T4b` → the
 *   codes `T4` maps to; `T3b` → `T3`);
 * - else nothing (an empty list): the code has no counterpart at the step.
 *
 * Cycles in the history are cut; the result never repeats an id.
 */
export function stepLineage(codebook: Codebook, stepCodebook: Codebook): (id: string) => string[] {
  const entries: HistoryEntry[] = [...codebook.history];
  for (const code of codebook.codes.values()) {
    for (const entry of code.history) entries.push(entry.to.length > 0 ? entry : { ...entry, to: [code.id] });
  }
  const cache = new Map<string, string[]>();
  const resolve = (id: string, visiting: Set<string>): string[] => {
    const known = cache.get(id);
    if (known) return known;
    if (stepCodebook.codes.has(id)) return [id];
    if (visiting.has(id)) return [];
    visiting.add(id);
    const found: string[] = [];
    const add = (ids: string[]): void => {
      for (const item of ids) if (!found.includes(item)) found.push(item);
    };
    for (const entry of entries) {
      if (!DERIVING.has(entry.action) || !entry.to.includes(id)) continue;
      for (const from of entry.from) if (from !== id) add(resolve(from, visiting));
    }
    if (found.length === 0) {
      const parent = codebook.codes.get(id)?.parent ?? null;
      if (parent !== null) add(resolve(parent, visiting));
    }
    visiting.delete(id);
    cache.set(id, found);
    return found;
  };
  return (id) => resolve(id, new Set());
}
