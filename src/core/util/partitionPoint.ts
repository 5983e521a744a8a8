/**
 * The first index in `0..length` at which `before(index)` is false, for a
 * predicate that is true for a prefix of the indexes and false after it (a list
 * in order, asked "does this entry come before what I look for?"): found by
 * bisection in log2(length) calls. `length` when it is true for them all.
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
