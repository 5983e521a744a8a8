import type { Codebook } from '../model/codebook';
import type { Excerpt } from '../model/excerpt';
import type { Source } from '../model/source';

/** How the memo list is grouped. */
export type MemoGrouping = 'code' | 'source';

/** An excerpt that carries a memo, with its transcript. */
export interface MemoEntry {
  source: Source;
  excerpt: Excerpt;
}

/** One group of the memo list: a code (id and name) or a source (id and path). */
export interface MemoGroup {
  /** The code id or the source path. */
  key: string;
  /** What the list shows: `T1 Meaning of co-production`, or the source id. */
  label: string;
  /** Whether a code group's code is missing from the codebook. */
  unknown: boolean;
  memos: MemoEntry[];
}

/** Whether an excerpt carries a memo (not blank). */
export function hasMemo(excerpt: Excerpt): boolean {
  return excerpt.memo !== null && excerpt.memo.trim() !== '';
}

/**
 * Every memo of the transcripts, grouped by source (in source order, memos in file order) or by
 * code (in codebook order, then codes missing from the codebook in the order first seen; an
 * excerpt with two codes is listed under each). Groups without memos are left out.
 */
export function groupMemos(sources: readonly Source[], codebook: Codebook, by: MemoGrouping): MemoGroup[] {
  const entries = sources.flatMap((source) => source.excerpts
    .filter(hasMemo)
    .map((excerpt) => ({ source, excerpt })));
  if (by === 'source') {
    const groups = new Map<string, MemoGroup>();
    for (const entry of entries) {
      let group = groups.get(entry.source.path);
      if (!group) {
        group = { key: entry.source.path, label: entry.source.id, unknown: false, memos: [] };
        groups.set(entry.source.path, group);
      }
      group.memos.push(entry);
    }
    return [...groups.values()];
  }
  const byCode = new Map<string, MemoEntry[]>();
  for (const entry of entries) {
    for (const code of entry.excerpt.codes) {
      const list = byCode.get(code) ?? [];
      list.push(entry);
      byCode.set(code, list);
    }
  }
  const known = [...codebook.codes.keys()].filter((id) => byCode.has(id));
  const unknown = [...byCode.keys()].filter((id) => !codebook.codes.has(id));
  return [...known, ...unknown].map((id) => {
    const code = codebook.codes.get(id);
    return { key: id, label: code ? `${id} ${code.name}` : id, unknown: !code, memos: byCode.get(id) ?? [] };
  });
}
