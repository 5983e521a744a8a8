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

/**
 * `ranges` without the stretches `cut` covers (both sorted or not; neither changed): the text of a
 * tint that stays in sight once markup is folded, so that no drawn range starts inside folded
 * markup (the editor cannot measure where such a range starts and leaves it out).
 */
export function outsideOf<T extends OffsetRange>(ranges: readonly T[], cut: readonly OffsetRange[]): T[] {
  if (cut.length === 0) return [...ranges];
  const cuts = [...cut].sort((a, b) => a.start - b.start);
  const result: T[] = [];
  for (const range of ranges) {
    let start = range.start;
    for (const piece of cuts) {
      if (piece.end <= start) continue;
      if (piece.start >= range.end) break;
      if (piece.start > start) result.push({ ...range, start, end: piece.start });
      start = Math.max(start, piece.end);
    }
    if (start < range.end) result.push({ ...range, start, end: range.end });
  }
  return result;
}
