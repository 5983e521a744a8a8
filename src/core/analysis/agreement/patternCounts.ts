/**
 * How many units each coding pattern covers, for one code: the key is a bit
 * mask over the compared coders (bit i set: coder i coded the unit with the
 * code), the value the number of units with that pattern. Units no coder
 * coded are counted under pattern 0, so the values sum to the units compared.
 */
export type PatternCounts = Map<number, number>;

/** The largest number of coders a pattern mask can hold. */
export const maxCoders = 30;

/** Adds `units` units of `pattern` to `counts` (ignores zero). */
export function addPattern(counts: PatternCounts, pattern: number, units: number): void {
  if (units === 0) return;
  counts.set(pattern, (counts.get(pattern) ?? 0) + units);
}

/** Adds every entry of `from` into `into`, returning `into`. */
export function addPatternCounts(into: PatternCounts, from: PatternCounts): PatternCounts {
  for (const [pattern, units] of from) addPattern(into, pattern, units);
  return into;
}

/** Number of set bits of a pattern: how many coders coded the unit. */
export function popCount(pattern: number): number {
  let bits = pattern >>> 0;
  let count = 0;
  while (bits !== 0) {
    bits &= bits - 1;
    count++;
  }
  return count;
}
