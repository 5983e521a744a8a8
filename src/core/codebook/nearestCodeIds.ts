import type { Codebook } from '../model/codebook';
import { editDistance } from './editDistance';

/**
 * Ids of `codebook` (or the codes whose alias is) nearest to `unknownId`, for
 * a "did you mean" quick fix: compared without case, at most
 * `max(2, ⌊length / 3⌋)` edits away, nearest first, ties in codebook order.
 * Returns at most `limit` ids (default 3); an empty list when none is close.
 */
export function nearestCodeIds(codebook: Codebook, unknownId: string, limit = 3): string[] {
  const candidates: Array<[name: string, id: string]> = [];
  for (const code of codebook.codes.values()) {
    candidates.push([code.id, code.id]);
    for (const alias of code.aliases) candidates.push([alias, code.id]);
  }
  return rank(candidates, unknownId, limit);
}

/** `nearestCodeIds` over a plain list of ids. */
export function nearestIds(ids: readonly string[], unknownId: string, limit = 3): string[] {
  return rank(
    ids.map((id) => [id, id]),
    unknownId,
    limit,
  );
}

function rank(candidates: Array<[string, string]>, unknownId: string, limit: number): string[] {
  const wanted = unknownId.toLowerCase();
  const threshold = Math.max(2, Math.floor(Array.from(wanted).length / 3));
  const best = new Map<string, number>();
  for (const [name, id] of candidates) {
    const distance = editDistance(name.toLowerCase(), wanted, threshold);
    if (distance > threshold) continue;
    if (!best.has(id) || best.get(id)! > distance) best.set(id, distance);
  }
  // Map iteration follows first insertion, which is codebook order; sort is stable.
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1])
    .slice(0, limit)
    .map(([id]) => id);
}
