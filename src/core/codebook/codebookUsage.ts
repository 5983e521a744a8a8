import type { Code, Codebook } from '../model/codebook';
import type { Source } from '../model/source';
import { resolveCodeId } from './queryCodes';

/** How a code is used: in the codebook and in transcripts, only in the codebook, or only in transcripts. */
export type CodeStatus = 'used' | 'unused' | 'unknown';

/** One code of the codebook view. */
export interface CodeUsage {
  id: string;
  /** The codebook entry; null for a code used in transcripts but missing from the codebook. */
  code: Code | null;
  /** Ids of child codes, in codebook order. */
  children: string[];
  /** Excerpts coded with this very code (aliases count for their code). */
  excerpts: number;
  /** Excerpts coded with it or any of its descendants (each excerpt once). */
  excerptsWithDescendants: number;
  /** Distinct sources of its own excerpts. */
  sources: number;
  status: CodeStatus;
}

/** The codebook with usage counts, ready for a view. */
export interface CodebookUsage {
  /** Codebook roots in order, then unknown codes sorted. */
  roots: string[];
  codes: Map<string, CodeUsage>;
  /** Ids of codebook codes no excerpt uses (neither they nor an alias of theirs). */
  unused: string[];
  /** Ids used in transcripts that the codebook does not define (nor as an alias). */
  unknown: string[];
}

/** How one source uses each code: `[own excerpts, excerpts with it or a descendant]`, by code id. */
export type SourceUsage = Map<string, [number, number]>;

/**
 * Counts the codes of one source's excerpts (aliases resolved; a code's
 * descendants also count for it, each excerpt once).
 */
export function sourceUsage(codebook: Codebook, source: Source): SourceUsage {
  const usage: SourceUsage = new Map();
  const ancestorsCache = new Map<string, string[]>();
  const ancestors = (id: string) => {
    let list = ancestorsCache.get(id);
    if (!list) {
      list = [];
      const seen = new Set<string>([id]);
      for (let parent = codebook.codes.get(id)?.parent ?? null; parent && !seen.has(parent); parent = codebook.codes.get(parent)?.parent ?? null) {
        seen.add(parent);
        list.push(parent);
      }
      ancestorsCache.set(id, list);
    }
    return list;
  };
  for (const excerpt of source.excerpts) {
    const ids = new Set(excerpt.codes.map((written) => resolveCodeId(codebook, written) ?? written));
    const withDescendants = new Set<string>();
    for (const id of ids) {
      const entry = usage.get(id) ?? [0, 0];
      entry[0] += 1;
      usage.set(id, entry);
      withDescendants.add(id);
      for (const ancestor of ancestors(id)) withDescendants.add(ancestor);
    }
    for (const id of withDescendants) {
      const entry = usage.get(id) ?? [0, 0];
      entry[1] += 1;
      usage.set(id, entry);
    }
  }
  return usage;
}

/**
 * Counts how each code of the codebook is used, from the usage of each
 * source (see `sourceUsage`), and finds the unused codes and the unknown ones
 * (SPEC §4: the codebook view flags both). A code whose own count is 0 is
 * `unused` even when a descendant is used. Editors keep the usage of each
 * source and count again only the source that changed.
 */
export function combineUsage(codebook: Codebook, usages: Iterable<SourceUsage>): CodebookUsage {
  const codes = new Map<string, CodeUsage>();
  for (const code of codebook.codes.values()) {
    codes.set(code.id, { id: code.id, code, children: [...code.children], excerpts: 0, excerptsWithDescendants: 0, sources: 0, status: 'unused' });
  }
  const unknown = new Set<string>();
  for (const usage of usages) {
    for (const [id, [own, withDescendants]] of usage) {
      let code = codes.get(id);
      if (!code) {
        code = { id, code: null, children: [], excerpts: 0, excerptsWithDescendants: 0, sources: 0, status: 'unknown' };
        codes.set(id, code);
        unknown.add(id);
      }
      code.excerpts += own;
      code.excerptsWithDescendants += withDescendants;
      if (own > 0) {
        code.sources += 1;
        if (code.status === 'unused') code.status = 'used';
      }
    }
  }
  const unusedIds = [...codes.values()].filter((usage) => usage.status === 'unused').map((usage) => usage.id);
  const unknownIds = [...unknown].sort();
  return { roots: [...codebook.roots, ...unknownIds], codes, unused: unusedIds, unknown: unknownIds };
}

/**
 * Counts how each code of the codebook is used in `sources` and finds the
 * unused codes and the unknown ones (SPEC §4: the codebook view flags both).
 * A code whose own count is 0 is `unused` even when a descendant is used.
 */
export function codebookUsage(codebook: Codebook, sources: readonly Source[]): CodebookUsage {
  return combineUsage(codebook, sources.map((source) => sourceUsage(codebook, source)));
}
