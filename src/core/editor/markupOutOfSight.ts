import type { OffsetRange } from './codingLayout';

/**
 * The markup to fold out of sight while coding blind: the ranges of `all` (the markup of every
 * coding of a transcript, from `codingLayout`) that `shown` (the markup of the codings still
 * shown) lacks, i.e. the `:code[`, `]{…}` and fences of the hidden codings, in the order of
 * `all`. Ranges match by start and end; empty ranges are left out. Neither list is changed.
 */
export function markupOutOfSight(all: readonly OffsetRange[], shown: readonly OffsetRange[]): OffsetRange[] {
  const kept = new Set(shown.map((range) => `${range.start}:${range.end}`));
  return all.filter((range) => range.end > range.start && !kept.has(`${range.start}:${range.end}`));
}
