/**
 * A set of code points as a flat sorted list of half-open intervals
 * `[start0, end0, start1, end1, …]`: disjoint, non-adjacent, non-empty.
 */
export type IntervalList = number[];

/**
 * Normalises intervals (`[start, end)` pairs, any order, overlapping or not)
 * into an {@link IntervalList} clipped to `[0, length)`. Empty or inverted
 * intervals are dropped.
 */
export function toIntervalList(intervals: Iterable<readonly [number, number]>, length: number): IntervalList {
  const pairs: [number, number][] = [];
  for (const [rawStart, rawEnd] of intervals) {
    const start = Math.max(0, rawStart);
    const end = Math.min(length, rawEnd);
    if (end > start) pairs.push([start, end]);
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const list: IntervalList = [];
  for (const [start, end] of pairs) {
    const last = list.length - 1;
    if (last > 0 && start <= list[last]!) {
      if (end > list[last]!) list[last] = end;
    } else {
      list.push(start, end);
    }
  }
  return list;
}

/** Number of code points in an interval list. */
export function intervalListSize(list: IntervalList): number {
  let size = 0;
  for (let i = 0; i < list.length; i += 2) size += list[i + 1]! - list[i]!;
  return size;
}
