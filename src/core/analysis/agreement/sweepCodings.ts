import type { IntervalList } from './intervalList';

/** A maximal stretch where the same coders (and only they) coded a code. */
export interface CodingSegment {
  start: number;
  end: number;
  /** Bit i set: coder i coded the stretch. Never 0. */
  pattern: number;
}

/**
 * Sweeps the coverage of each coder (bit i ↔ `coverages[i]`) and returns the
 * maximal stretches with a constant, non-empty set of coders, in text order.
 * Work is proportional to the number of intervals, not of code points.
 */
export function sweepCodings(coverages: readonly IntervalList[]): CodingSegment[] {
  let boundaries = 0;
  for (const list of coverages) boundaries += list.length;
  // Each boundary toggles one coder's bit; positions and coder index share one sortable number.
  const events = new Float64Array(boundaries);
  let next = 0;
  coverages.forEach((list, coder) => {
    for (const position of list) events[next++] = position * 32 + coder;
  });
  events.sort();
  const segments: CodingSegment[] = [];
  let pattern = 0;
  let index = 0;
  while (index < events.length) {
    const position = Math.floor(events[index]! / 32);
    while (index < events.length && Math.floor(events[index]! / 32) === position) {
      pattern ^= 1 << events[index]! % 32;
      index++;
    }
    if (pattern !== 0 && index < events.length) {
      segments.push({ start: position, end: Math.floor(events[index]! / 32), pattern });
    }
  }
  return segments;
}
