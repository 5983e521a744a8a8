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
 * `unused` even when a descendant is used. Editors keep a {@link UsageTally}
 * instead, and count again only the source that changed.
 */
export function combineUsage(codebook: Codebook, usages: Iterable<SourceUsage>): CodebookUsage {
  const tally = new UsageTally(codebook);
  for (const usage of usages) tally.add(usage);
  return tally.usage();
}

/** The sums a {@link UsageTally} keeps for one code id. */
interface CodeSums {
  own: number;
  withDescendants: number;
  /** Sources with own excerpts of the code. */
  sources: number;
  /** Sources whose usage names the code at all. */
  present: number;
}

/**
 * Running sums of the usage of many sources (see `sourceUsage`) against one codebook: adding or
 * taking away one source costs only its codes, and {@link UsageTally.usage} costs only the
 * codes, so an editor that counts one changed transcript again does not go over every other.
 * Codes missing from the codebook come after the codebook's, in id order (as in `roots`).
 */
export class UsageTally {
  private readonly sums = new Map<string, CodeSums>();

  constructor(private readonly codebook: Codebook) {}

  /** Adds one source's usage (`sign` 1), or takes it away again (`sign` -1). */
  add(usage: SourceUsage, sign: 1 | -1 = 1): void {
    for (const [id, [own, withDescendants]] of usage) {
      let sums = this.sums.get(id);
      if (!sums) {
        sums = { own: 0, withDescendants: 0, sources: 0, present: 0 };
        this.sums.set(id, sums);
      }
      sums.own += sign * own;
      sums.withDescendants += sign * withDescendants;
      sums.present += sign;
      if (own > 0) sums.sources += sign;
    }
  }

  /** The codebook with the usage counted so far (a new object each call). */
  usage(): CodebookUsage {
    const codes = new Map<string, CodeUsage>();
    const zero: CodeSums = { own: 0, withDescendants: 0, sources: 0, present: 0 };
    for (const code of this.codebook.codes.values()) {
      const sums = this.sums.get(code.id) ?? zero;
      codes.set(code.id, {
        id: code.id, code, children: [...code.children],
        excerpts: sums.own, excerptsWithDescendants: sums.withDescendants, sources: sums.sources,
        status: sums.sources > 0 ? 'used' : 'unused',
      });
    }
    const unknownIds = [...this.sums].filter(([id, sums]) => sums.present > 0 && !this.codebook.codes.has(id)).map(([id]) => id).sort();
    for (const id of unknownIds) {
      const sums = this.sums.get(id) as CodeSums;
      codes.set(id, { id, code: null, children: [], excerpts: sums.own, excerptsWithDescendants: sums.withDescendants, sources: sums.sources, status: 'unknown' });
    }
    const unusedIds = [...codes.values()].filter((usage) => usage.status === 'unused').map((usage) => usage.id);
    return { roots: [...this.codebook.roots, ...unknownIds], codes, unused: unusedIds, unknown: unknownIds };
  }
}

/**
 * Counts how each code of the codebook is used in `sources` and finds the
 * unused codes and the unknown ones (SPEC §4: the codebook view flags both).
 * A code whose own count is 0 is `unused` even when a descendant is used.
 */
export function codebookUsage(codebook: Codebook, sources: readonly Source[]): CodebookUsage {
  return combineUsage(codebook, sources.map((source) => sourceUsage(codebook, source)));
}
