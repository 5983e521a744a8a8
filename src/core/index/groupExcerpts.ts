import { codesInGroup, resolveCodeId } from '../codebook/queryCodes';
import type { Codebook } from '../model/codebook';
import type { Excerpt } from '../model/excerpt';
import type { Source } from '../model/source';

/** Which excerpts a view shows: absent fields do not narrow. */
export interface ExcerptFilter {
  /** Only excerpts by this coder (`by=`); the empty string selects excerpts without a coder. */
  coder?: string;
  /** Only excerpts with a code of this group (own or inherited from a parent). */
  group?: string;
}

/** The excerpts of one source, in file order. */
export interface SourceExcerpts {
  source: Source;
  excerpts: Excerpt[];
}

/** The excerpts of one coder (null: written without `by=`), by source in path order. */
export interface CoderExcerpts {
  coder: string | null;
  sources: SourceExcerpts[];
  /** Number of excerpts over all sources. */
  count: number;
}

/**
 * The sources with their excerpts narrowed by `filter`, sorted by path;
 * sources left without excerpts are kept (they still are transcripts) only
 * when `keepEmpty` (default false). The sources are shallow copies: the
 * originals are not changed.
 */
export function filterSources(sources: readonly Source[], codebook: Codebook, filter: ExcerptFilter, keepEmpty = false): Source[] {
  const groupCodes = filter.group !== undefined ? new Set(codesInGroup(codebook, filter.group)) : null;
  const result: Source[] = [];
  for (const source of [...sources].sort(byPath)) {
    const excerpts = source.excerpts.filter((excerpt) => {
      if (filter.coder !== undefined && (excerpt.coder ?? '') !== filter.coder) return false;
      if (groupCodes && !excerpt.codes.some((code) => groupCodes.has(resolveCodeId(codebook, code) ?? code))) return false;
      return true;
    });
    if (excerpts.length > 0 || keepEmpty) result.push(excerpts.length === source.excerpts.length ? source : { ...source, excerpts });
  }
  return result;
}

/** Every source that has excerpts, by path, with its excerpts in file order. */
export function groupExcerptsBySource(sources: readonly Source[]): SourceExcerpts[] {
  return [...sources].sort(byPath).filter((source) => source.excerpts.length > 0).map((source) => ({ source, excerpts: [...source.excerpts] }));
}

/** The excerpts grouped by coder (sorted by name, excerpts without a coder last), then by source. */
export function groupExcerptsByCoder(sources: readonly Source[]): CoderExcerpts[] {
  const groups = new Map<string | null, CoderExcerpts>();
  for (const source of [...sources].sort(byPath)) {
    for (const excerpt of source.excerpts) {
      let group = groups.get(excerpt.coder);
      if (!group) {
        group = { coder: excerpt.coder, sources: [], count: 0 };
        groups.set(excerpt.coder, group);
      }
      const last = group.sources[group.sources.length - 1];
      if (last && last.source === source) last.excerpts.push(excerpt);
      else group.sources.push({ source, excerpts: [excerpt] });
      group.count += 1;
    }
  }
  return [...groups.values()].sort((a, b) => (a.coder === null ? 1 : b.coder === null ? -1 : a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0));
}

/** Coders named in the excerpts (sorted), for a filter pick list. */
export function codersOf(sources: readonly Source[]): string[] {
  const coders = new Set<string>();
  for (const source of sources) for (const excerpt of source.excerpts) if (excerpt.coder !== null) coders.add(excerpt.coder);
  return [...coders].sort();
}

/** Groups named in the codebook (sorted), for a filter pick list. */
export function groupsOf(codebook: Codebook): string[] {
  const groups = new Set<string>();
  for (const code of codebook.codes.values()) if (code.group !== null) groups.add(code.group);
  return [...groups].sort();
}

function byPath(a: Source, b: Source): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
