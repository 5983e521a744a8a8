import type { Codebook } from '../model/codebook';
import type { Source } from '../model/source';
import { attributeMatches } from '../index/queryExcerpts';
import { checkSpeakers } from '../search/checkSpeakers';
import { searchSources, type SearchHit, type SearchQuery } from '../search/searchSources';
import type { AutocodeTargets } from './autocodeTranscript';

/** What to autocode: the hits of a search (with its filters), or, without a pattern, every turn of the speakers. */
export type AutocodeQuery = ({ pattern: string } & SearchQuery) | { pattern?: undefined; speakers: string[]; where?: Record<string, string> };

/** The sources to autocode with their targets, or why the query cannot run (one line). */
export type AutocodeSelection =
  | { ok: true; targets: Map<string, AutocodeTargets>; hits: SearchHit[]; timedOut: string[] }
  | { ok: false; message: string };

/**
 * Finds what `autocodeTranscript` codes in each source (keyed by path): the
 * search hits of a pattern (never capped per source: every hit is coded), or
 * the turns of speakers in the sources that have them. Fails like
 * `searchSources` does (bad pattern, empty match, unknown speaker: naming the
 * speakers there are). Sources the pattern runner stopped are in `timedOut`.
 */
export function findAutocodeTargets(sources: readonly Source[], codebook: Codebook, query: AutocodeQuery): AutocodeSelection {
  const targets = new Map<string, AutocodeTargets>();
  if (query.pattern === undefined) {
    const chosen = query.where ? sources.filter((source) => Object.entries(query.where ?? {}).every(([key, value]) => attributeMatches(source.attributes[key], value))) : sources;
    const unknown = checkSpeakers(chosen, query.speakers);
    if (unknown) return { ok: false, message: unknown };
    for (const source of chosen) {
      if (source.turns.some((turn) => query.speakers.includes(turn.speaker))) targets.set(source.path, { speakers: query.speakers });
    }
    return { ok: true, targets, hits: [], timedOut: [] };
  }
  const result = searchSources(sources, codebook, { ...query, maxHitsPerSource: Number.POSITIVE_INFINITY, context: query.context ?? 30 });
  if (!result.ok) return result;
  const bySource = new Map<string, { start: number; end: number; inText: true }[]>();
  for (const hit of result.hits) {
    const list = bySource.get(hit.path) ?? [];
    list.push({ start: hit.start, end: hit.end, inText: true });
    bySource.set(hit.path, list);
  }
  for (const [path, list] of bySource) targets.set(path, list);
  return { ok: true, targets, hits: result.hits, timedOut: result.timedOut };
}
