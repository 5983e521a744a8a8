import { diffArrays } from 'diff';

/** A stretch the two texts share: code-point offsets in each, and its length. */
interface SharedStretch {
  first: number;
  second: number;
  length: number;
}

/**
 * How the plain text of a second copy of a transcript maps onto the first's.
 * Offsets are code points.
 */
export interface PlainTextAlignment {
  /** True when the two plain texts are the same. */
  identical: boolean;
  /** Code points of the first text with no counterpart in the second. */
  unalignedFirst: number;
  /** Code points of the second text with no counterpart in the first. */
  unalignedSecond: number;
  /** True when the diff gave up (too many differences) and the changed middle was left unaligned. */
  gaveUp: boolean;
  /** Maps the start of a stretch of the second text onto the first (a start inside a change moves to the change's start). */
  mapStart(offset: number): number;
  /** Maps the end of a stretch of the second text onto the first (an end inside a change moves to the change's end). */
  mapEnd(offset: number): number;
  /** Code points of `[start, end)` of the second text that have a counterpart in the first. */
  alignedWithin(start: number, end: number): number;
}

/** Options of {@link alignPlainTexts}. */
export interface AlignOptions {
  /** Largest edit distance (in code points) the diff tries before giving up; default 5,000. */
  maxEditLength?: number;
  /** Milliseconds the diff may take before giving up; default 2,000 (texts that different are not copies). */
  timeout?: number;
}

/**
 * Aligns two plain texts of the same transcript (a typo fixed in one copy),
 * code point by code point: the common start and end are matched directly
 * and the middle with a diff. A change (code points only in one text) is a
 * gap; stretches of the second text are mapped onto the first around it.
 * Never throws; when the diff gives up, the whole middle is one gap.
 */
export function alignPlainTexts(first: string, second: string, options: AlignOptions = {}): PlainTextAlignment {
  const a = Array.from(first);
  const b = Array.from(second);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const shared: SharedStretch[] = [];
  if (prefix > 0) shared.push({ first: 0, second: 0, length: prefix });
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  let gaveUp = false;
  if (middleA.length > 0 && middleB.length > 0) {
    const changes = diffArrays(middleA, middleB, {
      maxEditLength: options.maxEditLength ?? 5_000,
      timeout: options.timeout ?? 2_000,
    });
    if (changes === undefined) {
      gaveUp = true;
    } else {
      let inA = prefix;
      let inB = prefix;
      for (const change of changes) {
        const count = change.value.length;
        if (change.added) inB += count;
        else if (change.removed) inA += count;
        else {
          shared.push({ first: inA, second: inB, length: count });
          inA += count;
          inB += count;
        }
      }
    }
  }
  if (suffix > 0) shared.push({ first: a.length - suffix, second: b.length - suffix, length: suffix });
  const sharedLength = shared.reduce((sum, stretch) => sum + stretch.length, 0);

  /** Index of the last stretch whose second-text start is ≤ offset (−1 if none). */
  const stretchAt = (offset: number): number => {
    let low = 0;
    let high = shared.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (shared[middle]!.second <= offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  };
  const gapStart = (index: number) => (index < 0 ? 0 : shared[index]!.first + shared[index]!.length);
  const gapEnd = (index: number) => (index + 1 < shared.length ? shared[index + 1]!.first : a.length);

  return {
    identical: first === second,
    unalignedFirst: a.length - sharedLength,
    unalignedSecond: b.length - sharedLength,
    gaveUp,
    mapStart(offset) {
      const index = stretchAt(offset);
      const stretch = shared[index];
      if (stretch && offset < stretch.second + stretch.length) return stretch.first + (offset - stretch.second);
      return gapStart(index);
    },
    mapEnd(offset) {
      const index = stretchAt(offset - 1);
      const stretch = shared[index];
      if (stretch && offset <= stretch.second + stretch.length) return stretch.first + (offset - stretch.second);
      return gapEnd(index);
    },
    alignedWithin(start, end) {
      let aligned = 0;
      for (let index = Math.max(0, stretchAt(start)); index < shared.length; index++) {
        const stretch = shared[index]!;
        if (stretch.second >= end) break;
        aligned += Math.max(0, Math.min(end, stretch.second + stretch.length) - Math.max(start, stretch.second));
      }
      return aligned;
    },
  };
}
