/** A half-open range of code-point offsets `[start, end)`. */
export type Span = readonly [number, number];

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Counts the words of `text`: runs of letters, digits and combining marks,
 * joined by an apostrophe or hyphen (`don't`, `co-production` are one word).
 * Punctuation, Markdown markers and whitespace are not words; `''` gives 0.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count += 1;
  return count;
}

/**
 * Merges overlapping or touching spans into a sorted list of disjoint spans.
 * Empty or inverted spans are dropped.
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Total length of disjoint spans (as {@link mergeSpans} returns them). */
export function spansLength(spans: readonly Span[]): number {
  return spans.reduce((sum, [start, end]) => sum + (end - start), 0);
}

/** Length of the intersection of two lists of disjoint sorted spans. */
export function intersectionLength(a: readonly Span[], b: readonly Span[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]);
    const end = Math.min(a[i][1], b[j][1]);
    if (end > start) total += end - start;
    if (a[i][1] < b[j][1]) i += 1;
    else j += 1;
  }
  return total;
}

/**
 * Returns a function slicing `text` by code-point offsets (end exclusive),
 * as excerpt offsets are counted. Offsets outside the text are clamped.
 */
export function codePointSlicer(text: string): (start: number, end: number) => string {
  if (!/[\uD800-\uDFFF]/.test(text)) {
    return (start, end) => text.slice(Math.max(0, start), Math.max(0, end));
  }
  // Text with astral characters: map code-point offsets to UTF-16 offsets once.
  const units: number[] = [];
  let unit = 0;
  for (const char of text) {
    units.push(unit);
    unit += char.length;
  }
  units.push(unit);
  const toUnit = (offset: number): number => units[Math.min(Math.max(0, offset), units.length - 1)];
  return (start, end) => text.slice(toUnit(start), toUnit(end));
}

/** The intersection of two lists of disjoint sorted spans, as disjoint sorted spans. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]);
    const end = Math.min(a[i][1], b[j][1]);
    if (end > start) out.push([start, end]);
    if (a[i][1] < b[j][1]) i += 1;
    else j += 1;
  }
  return out;
}
