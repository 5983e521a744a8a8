import type { Codebook } from '../model/codebook';
import type { Source } from '../model/source';

/** A code offered for completion, in the order to show it. */
export interface RankedCode {
  id: string;
  name: string | null;
  description: string | null;
  /** Excerpts in the workspace that use the code. */
  uses: number;
  /** Whether the code was chosen recently. */
  recent: boolean;
  /** Whether the codebook has it (false: only used in transcripts). */
  known: boolean;
}

/**
 * Every code to offer when completing a code id: the recently chosen ones first (most recent
 * first), then the most used in `sources`, then the rest in codebook order; codes used in the
 * transcripts but missing from the codebook come last. `exclude` drops ids (those already in the
 * directive). Never throws.
 */
export function rankCodeIds(codebook: Codebook, sources: readonly Source[], recent: readonly string[], exclude: Iterable<string> = []): RankedCode[] {
  const uses = new Map<string, number>();
  for (const source of sources) {
    for (const excerpt of source.excerpts) for (const id of excerpt.codes) uses.set(id, (uses.get(id) ?? 0) + 1);
  }
  const excluded = new Set(exclude);
  const recency = new Map(recent.map((id, index) => [id, index] as const));
  const order = new Map<string, number>();
  const ranked: RankedCode[] = [];
  for (const code of codebook.codes.values()) {
    order.set(code.id, order.size);
    ranked.push({ id: code.id, name: code.name, description: code.description, uses: uses.get(code.id) ?? 0, recent: recency.has(code.id), known: true });
  }
  for (const [id, count] of uses) {
    if (!order.has(id)) ranked.push({ id, name: null, description: null, uses: count, recent: recency.has(id), known: false });
  }
  const position = (code: RankedCode): number => order.get(code.id) ?? Number.MAX_SAFE_INTEGER;
  return ranked
    .filter((code) => !excluded.has(code.id))
    .sort((a, b) =>
      Number(b.known) - Number(a.known)
      || (recency.get(a.id) ?? Infinity) - (recency.get(b.id) ?? Infinity)
      || b.uses - a.uses
      || position(a) - position(b)
      || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

