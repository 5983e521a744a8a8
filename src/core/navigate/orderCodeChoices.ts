import type { Code, Codebook } from '../model/codebook';
import { codesDepthFirst } from '../codebook/codesDepthFirst';

/** One code offered when coding: the codebook entry, or null for a code used in transcripts but not defined. */
export interface CodeChoice {
  id: string;
  code: Code | null;
  /** Depth in the codebook hierarchy (0 for a root). */
  depth: number;
  /** Whether the code is among the recently used ones. */
  recent: boolean;
}

/**
 * The codes to offer when coding, recently used first (in `recent` order,
 * most recent first; ids not in the codebook nor in `used` are dropped), then
 * every codebook code in hierarchy order (parents before their children),
 * then codes used in transcripts but missing from the codebook (sorted).
 * Each id appears once.
 */
export function orderCodeChoices(codebook: Codebook, recent: readonly string[], used: Iterable<string> = []): CodeChoice[] {
  const ordered: CodeChoice[] = [];
  const depthOf = new Map<string, number>();
  for (const { id, depth } of codesDepthFirst(codebook, codebook.roots)) {
    depthOf.set(id, depth);
    ordered.push({ id, code: codebook.codes.get(id)!, depth, recent: false });
  }
  // Codes a broken hierarchy left out of the walk still get offered.
  for (const code of codebook.codes.values()) if (!depthOf.has(code.id)) ordered.push({ id: code.id, code, depth: 0, recent: false });
  const known = new Set(ordered.map((choice) => choice.id));
  const unknown = [...new Set(used)].filter((id) => !known.has(id)).sort();
  const all = [...ordered, ...unknown.map((id): CodeChoice => ({ id, code: null, depth: 0, recent: false }))];
  const byId = new Map(all.map((choice) => [choice.id, choice]));
  const recentChoices: CodeChoice[] = [];
  for (const id of recent) {
    const choice = byId.get(id);
    if (!choice || choice.recent) continue;
    choice.recent = true;
    recentChoices.push(choice);
  }
  return [...recentChoices, ...all.filter((choice) => !choice.recent)];
}

/** `recent` with `used` moved to the front (most recent first), without duplicates, at most `limit` ids (default 10). */
export function rememberCodes(recent: readonly string[], used: readonly string[], limit = 10): string[] {
  return [...new Set([...used, ...recent])].slice(0, limit);
}
