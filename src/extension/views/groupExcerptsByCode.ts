import type { Code, Codebook, Excerpt, Source } from '../../core/model';

/** The excerpts of one source coded with one code, in file order. */
export interface SourceExcerpts {
  source: Source;
  excerpts: Excerpt[];
}

/** One code of the tree: the codebook entry (null for a code the codebook lacks) and its excerpts. */
export interface CodeGroup {
  id: string;
  code: Code | null;
  /** Ids of child codes, in codebook order. */
  children: string[];
  /** Excerpts coded with this very code (not its descendants), by source in path order. */
  sources: SourceExcerpts[];
  /** Number of those excerpts. */
  count: number;
}

/** The excerpts of a workspace grouped by code, ready for the tree. */
export interface ExcerptsByCode {
  /** Ids of the top-level codes: codebook roots in order, then unknown codes sorted. */
  roots: string[];
  groups: Map<string, CodeGroup>;
}

/**
 * Groups every excerpt under each code it carries (an alias counts for its code), following the
 * codebook hierarchy. Codes used in transcripts but missing from the codebook become extra roots
 * with `code: null`; codebook codes nobody used have a count of 0.
 */
export function groupExcerptsByCode(codebook: Codebook, sources: readonly Source[]): ExcerptsByCode {
  const groups = new Map<string, CodeGroup>();
  const aliases = new Map<string, string>();
  for (const code of codebook.codes.values()) {
    groups.set(code.id, { id: code.id, code, children: [...code.children], sources: [], count: 0 });
    for (const alias of code.aliases) if (!codebook.codes.has(alias)) aliases.set(alias, code.id);
  }
  const unknown: string[] = [];
  const ordered = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const source of ordered) {
    for (const excerpt of source.excerpts) {
      const ids = new Set(excerpt.codes.map((id) => aliases.get(id) ?? id));
      for (const id of ids) {
        let group = groups.get(id);
        if (!group) {
          group = { id, code: null, children: [], sources: [], count: 0 };
          groups.set(id, group);
          unknown.push(id);
        }
        const last = group.sources[group.sources.length - 1];
        if (last && last.source === source) last.excerpts.push(excerpt);
        else group.sources.push({ source, excerpts: [excerpt] });
        group.count += 1;
      }
    }
  }
  return { roots: [...codebook.roots, ...unknown.sort()], groups };
}

/**
 * Updates a grouping after some transcripts changed, touching only those: their old entries
 * leave every code, their new excerpts join (`changed` holds the new versions of the sources
 * still there; a path in `paths` without a new version was removed). Gives what
 * `groupExcerptsByCode` gives for the new sources, as long as the codebook is the same. A code's
 * sources are in path order, so each change is found by a binary search: the cost grows with
 * the number of codes and changed transcripts, hardly with the size of the workspace.
 */
export function regroupExcerptsByCode(previous: ExcerptsByCode, codebook: Codebook, paths: ReadonlySet<string>, changed: readonly Source[]): ExcerptsByCode {
  const groups = new Map(previous.groups);
  const aliases = new Map<string, string>();
  for (const code of codebook.codes.values()) for (const alias of code.aliases) if (!codebook.codes.has(alias)) aliases.set(alias, code.id);
  for (const [id, group] of groups) {
    let sources: SourceExcerpts[] | null = null;
    let removed = 0;
    for (const path of paths) {
      const list = sources ?? group.sources;
      const at = positionOf(list, path, false);
      if (at === list.length || list[at].source.path !== path) continue;
      sources ??= [...group.sources];
      removed += sources[at].excerpts.length;
      sources.splice(at, 1);
    }
    if (sources) groups.set(id, { ...group, sources, count: group.count - removed });
  }
  for (const source of changed) {
    const byCode = new Map<string, Excerpt[]>();
    for (const excerpt of source.excerpts) {
      for (const id of new Set(excerpt.codes.map((code) => aliases.get(code) ?? code))) {
        const list = byCode.get(id);
        if (list) list.push(excerpt);
        else byCode.set(id, [excerpt]);
      }
    }
    for (const [id, excerpts] of byCode) {
      const group = groups.get(id) ?? { id, code: null, children: [], sources: [], count: 0 };
      const sources = [...group.sources];
      sources.splice(positionOf(sources, source.path, true), 0, { source, excerpts });
      groups.set(id, { ...group, sources, count: group.count + excerpts.length });
    }
  }
  // Codes the codebook lacks exist only while some transcript uses them.
  const unknown: string[] = [];
  for (const [id, group] of groups) {
    if (group.code !== null) continue;
    if (group.count === 0) groups.delete(id);
    else unknown.push(id);
  }
  return { roots: [...codebook.roots, ...unknown.sort()], groups };
}

/**
 * In entries in path order, the index of the first entry whose path comes after `path` (`after`)
 * or is not before it (not `after`); the length when there is none.
 */
function positionOf(entries: readonly SourceExcerpts[], path: string, after: boolean): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = entries[middle].source.path;
    if (other < path || (after && other === path)) low = middle + 1;
    else high = middle;
  }
  return low;
}
