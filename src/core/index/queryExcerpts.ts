import type { Codebook } from '../model/codebook';
import type { Excerpt } from '../model/excerpt';
import type { Source } from '../model/source';
import { codesInGroup, descendantsOf, resolveCodeId } from '../codebook/queryCodes';

/** What to look for; every field narrows the result, an absent field does not. */
export interface ExcerptQuery {
  /** Excerpts with any of these codes (ids or aliases)… */
  codes?: string[];
  /** …counting a code's descendants in the codebook for it (default true). */
  descendants?: boolean;
  /** Excerpts with a code of any of these groups (own or inherited). */
  groups?: string[];
  /** Excerpts by any of these coders (`by=`). */
  coders?: string[];
  /** Excerpts of these sources (ids or paths). */
  sources?: string[];
  /**
   * Excerpts of sources whose front matter attribute has the value: `{ partnership: 'Northgate' }`;
   * `speaker` is the speaker of the turn an excerpt starts in.
   */
  where?: Record<string, string>;
}

/** An excerpt found, with its source. */
export interface ExcerptHit {
  source: Source;
  excerpt: Excerpt;
}

/**
 * The excerpts that match a query, in source order then plain-text order.
 * Codes the codebook does not know still match by their written id (an
 * unknown code is reported by the linter, never dropped). Attribute values
 * compare as strings; a list attribute matches when any item does.
 */
export function queryExcerpts(sources: readonly Source[], codebook: Codebook, query: ExcerptQuery = {}): ExcerptHit[] {
  const wantedCodes = query.codes ? expandCodes(codebook, query.codes, query.descendants ?? true) : null;
  const groupCodes = query.groups ? new Set(query.groups.flatMap((group) => codesInGroup(codebook, group))) : null;
  const coders = query.coders ? new Set(query.coders) : null;
  const sourceKeys = query.sources ? new Set(query.sources) : null;
  const hits: ExcerptHit[] = [];
  for (const source of sources) {
    if (sourceKeys && !sourceKeys.has(source.id) && !sourceKeys.has(source.path)) continue;
    const { speaker, ...attributes } = query.where ?? {};
    if (!Object.entries(attributes).every(([key, value]) => attributeMatches(source.attributes[key], value))) continue;
    for (const excerpt of source.excerpts) {
      if (speaker !== undefined && excerpt.speaker !== speaker) continue;
      if (coders && (excerpt.coder === null || !coders.has(excerpt.coder))) continue;
      const resolved = excerpt.codes.map((code) => resolveCodeId(codebook, code) ?? code);
      if (wantedCodes && !resolved.some((code) => wantedCodes.has(code))) continue;
      if (groupCodes && !resolved.some((code) => groupCodes.has(code))) continue;
      hits.push({ source, excerpt });
    }
  }
  return hits;
}

/** Code ids for written ids or aliases (unknown ones kept as written), with their codebook descendants when `descendants`. */
export function expandCodes(codebook: Codebook, codes: string[], descendants: boolean): Set<string> {
  const result = new Set<string>();
  for (const written of codes) {
    const id = resolveCodeId(codebook, written) ?? written;
    result.add(id);
    if (descendants && codebook.codes.has(id)) for (const child of descendantsOf(codebook, id)) result.add(child);
  }
  return result;
}

/** Whether a front matter value equals `wanted` as a string; a list matches when any item does; absent or null never matches. */
export function attributeMatches(actual: unknown, wanted: string): boolean {
  if (Array.isArray(actual)) return actual.some((item) => attributeMatches(item, wanted));
  if (actual === undefined || actual === null) return false;
  return String(actual) === wanted;
}
