import type { Source } from '../../model/source';

/** One coder's codings over a stretch of a source. */
export interface CoderCodings {
  coder: string;
  /** Codes of the coder's excerpts that overlap the stretch, in the order first met, without duplicates. */
  codes: string[];
  /** Memos of those excerpts (non-empty ones). */
  memos: string[];
}

function overlaps(excerpt: Source['excerpts'][number], start: number, end: number): boolean {
  return excerpt.fragments.some((fragment) => Math.min(fragment.end, end) > Math.max(fragment.start, start));
}

/**
 * What each of `coders` coded over the code-point stretch `start`–`end` of
 * `source`: the codes and memos of their excerpts with a fragment overlapping
 * it, in the order of `coders`. A coder who coded nothing there has empty lists.
 */
export function codingsAt(source: Source, start: number, end: number, coders: readonly string[]): CoderCodings[] {
  return coders.map((coder) => {
    const codes: string[] = [];
    const memos: string[] = [];
    for (const excerpt of source.excerpts) {
      if (excerpt.coder !== coder || !overlaps(excerpt, start, end)) continue;
      for (const code of excerpt.codes) if (!codes.includes(code)) codes.push(code);
      if (excerpt.memo && !memos.includes(excerpt.memo)) memos.push(excerpt.memo);
    }
    return { coder, codes, memos };
  });
}
