import type { OffsetRange } from './codingLayout';

/** What Hide Markup asks of {@link markupOutOfSight}: fold every shown coding's markup too, except on some lines. */
export interface HideMarkupLines {
  /** The 0-based line of a UTF-16 offset of the text. */
  lineOf: (offset: number) => number;
  /** Lines whose markup stays in sight (the lines with a cursor or selection). */
  keep: ReadonlySet<number>;
}

/**
 * The markup to fold out of sight, in the order of `all` (the markup of every coding of a
 * transcript, from `codingLayout`): the ranges that `shown` (the markup of the codings still
 * shown) lacks — the `:code[`, `]{…}` and fences of the codings "Show Only My Codings" hides —
 * and, when `hide` is given (Hide Markup), also the shown ones that touch none of the `hide.keep`
 * lines. Ranges match by start and end; empty ranges are left out. Neither list is changed.
 */
export function markupOutOfSight(all: readonly OffsetRange[], shown: readonly OffsetRange[], hide?: HideMarkupLines): OffsetRange[] {
  const kept = new Set(shown.map((range) => `${range.start}:${range.end}`));
  const inSight = (range: OffsetRange): boolean => {
    if (!hide) return true;
    const last = hide.lineOf(Math.max(range.start, range.end - 1));
    for (let line = hide.lineOf(range.start); line <= last; line++) if (hide.keep.has(line)) return true;
    return false;
  };
  return all.filter((range) => range.end > range.start && (!kept.has(`${range.start}:${range.end}`) || !inSight(range)));
}
