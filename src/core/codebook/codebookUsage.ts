import type { Code, Codebook } from '../model/codebook';
import type { Source } from '../model/source';
import { descendantsOf, resolveCodeId } from './queryCodes';

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

/**
 * Counts how each code of the codebook is used in `sources` and finds the
 * unused codes and the unknown ones (SPEC §4: the codebook view flags both).
 * A code whose own count is 0 is `unused` even when a descendant is used.
 */
export function codebookUsage(codebook: Codebook, sources: readonly Source[]): CodebookUsage {
  const codes = new Map<string, CodeUsage>();
  for (const code of codebook.codes.values()) {
    codes.set(code.id, { id: code.id, code, children: [...code.children], excerpts: 0, excerptsWithDescendants: 0, sources: 0, status: 'unused' });
  }
  const unknown = new Set<string>();
  const sourcesOf = new Map<string, Set<string>>();
  const excerptIds = new Map<string, Set<number>>();
  let serial = 0;
  for (const source of sources) {
    for (const excerpt of source.excerpts) {
      serial += 1;
      const ids = new Set(excerpt.codes.map((written) => resolveCodeId(codebook, written) ?? written));
      for (const id of ids) {
        let usage = codes.get(id);
        if (!usage) {
          usage = { id, code: null, children: [], excerpts: 0, excerptsWithDescendants: 0, sources: 0, status: 'unknown' };
          codes.set(id, usage);
          unknown.add(id);
        }
        usage.excerpts += 1;
        if (usage.status === 'unused') usage.status = 'used';
        const seen = sourcesOf.get(id) ?? new Set<string>();
        seen.add(source.path);
        sourcesOf.set(id, seen);
        const counted = excerptIds.get(id) ?? new Set<number>();
        counted.add(serial);
        excerptIds.set(id, counted);
      }
    }
  }
  for (const usage of codes.values()) {
    usage.sources = sourcesOf.get(usage.id)?.size ?? 0;
    const all = new Set(excerptIds.get(usage.id) ?? []);
    if (usage.code) for (const child of descendantsOf(codebook, usage.id)) for (const id of excerptIds.get(child) ?? []) all.add(id);
    usage.excerptsWithDescendants = all.size;
  }
  const unusedIds = [...codes.values()].filter((usage) => usage.status === 'unused').map((usage) => usage.id);
  const unknownIds = [...unknown].sort();
  return { roots: [...codebook.roots, ...unknownIds], codes, unused: unusedIds, unknown: unknownIds };
}
