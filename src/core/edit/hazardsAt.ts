import { partitionPoint } from '../util/partitionPoint';
import type { InlineHazard } from './transcriptLayout';

/** For each hazard list (sorted by start): the largest end among the hazards up to each index. */
const largestEnds = new WeakMap<readonly InlineHazard[], Int32Array>();

function largestEndsOf(hazards: readonly InlineHazard[]): Int32Array {
  let ends = largestEnds.get(hazards);
  if (!ends) {
    ends = new Int32Array(hazards.length);
    let largest = -1;
    hazards.forEach((hazard, index) => {
      largest = Math.max(largest, hazard.end);
      ends![index] = largest;
    });
    largestEnds.set(hazards, ends);
  }
  return ends;
}

/**
 * The hazards of a layout (sorted by start, as `readTranscriptLayout` and
 * `shiftLayout` give them) that overlap the file range `from`–`to` (end
 * exclusive; a hazard ending at `from` or starting at `to` does not): found by
 * bisection instead of a walk over every hazard of the file, which each of
 * hundreds of codings in one transcript would otherwise make. In text order.
 */
export function hazardsOverlapping(hazards: readonly InlineHazard[], from: number, to: number): InlineHazard[] {
  // The first hazard that starts at or after `to` and everything after it cannot overlap.
  const low = partitionPoint(hazards.length, (index) => hazards[index].start < to);
  const ends = largestEndsOf(hazards);
  const found: InlineHazard[] = [];
  // Walking back, stop once no earlier hazard reaches past `from`.
  for (let index = low - 1; index >= 0 && ends[index] > from; index--) {
    if (hazards[index].end > from) found.push(hazards[index]);
  }
  return found.reverse();
}
