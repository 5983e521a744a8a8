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
