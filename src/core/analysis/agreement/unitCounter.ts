/**
 * Counts the units (code points that count for agreement) in a stretch of a
 * source's plain text.
 */
export interface UnitCounter {
  /** Units in the whole text. */
  total: number;
  /** Units from code point `start` to `end` (exclusive). */
  count(start: number, end: number): number;
}

const whitespace = /\s/u;

/**
 * Builds a {@link UnitCounter} for `plainText`. Every code point is a unit,
 * unless `ignoreWhitespace` (default false): then code points matching the
 * JavaScript `\s` class (Unicode White_Space plus U+FEFF) are not units.
 * `knownLength` (the text's length in code points, when the caller has it)
 * saves a pass over the text when whitespace counts.
 */
export function createUnitCounter(plainText: string, ignoreWhitespace = false, knownLength?: number): UnitCounter {
  if (!ignoreWhitespace && knownLength !== undefined) {
    return { total: knownLength, count: (start, end) => Math.max(0, Math.min(end, knownLength) - Math.max(0, start)) };
  }
  if (!ignoreWhitespace) {
    let length = 0;
    for (let i = 0; i < plainText.length; i++) {
      const unit = plainText.charCodeAt(i);
      if (!(unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHigh(plainText.charCodeAt(i - 1)))) length++;
    }
    return { total: length, count: (start, end) => Math.max(0, Math.min(end, length) - Math.max(0, start)) };
  }
  // prefix[i]: non-whitespace code points before code point i.
  const counts: number[] = [0];
  let seen = 0;
  for (const character of plainText) {
    if (!whitespace.test(character)) seen++;
    counts.push(seen);
  }
  const prefix = Int32Array.from(counts);
  const length = prefix.length - 1;
  const clamp = (index: number) => Math.max(0, Math.min(length, index));
  return {
    total: seen,
    count: (start, end) => (end <= start ? 0 : prefix[clamp(end)]! - prefix[clamp(start)]!),
  };
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
