/** An interval `[start, end)` owned by a request. */
export interface OwnedInterval {
  start: number;
  end: number;
  owner: number;
}

/** A piece of an interval after laminating; `order` is the nesting order (outer first). */
export interface LaminatedPiece extends OwnedInterval {
  order: number;
}

/**
 * Splits intervals that cross each other into pieces that nest properly (a
 * laminar family), as markup that opens and closes needs: when B starts inside
 * A and ends after it, B becomes `[B.start, A.end)` inside A plus the rest.
 * Empty intervals are dropped. Pieces come out sorted by start, outer first;
 * at equal ranges the earlier request is the outer one.
 */
export function laminate(intervals: OwnedInterval[]): LaminatedPiece[] {
  const queue = intervals.filter((interval) => interval.end > interval.start).map((interval) => ({ ...interval }));
  const compare = (a: OwnedInterval, b: OwnedInterval) => a.start - b.start || b.end - a.end || a.owner - b.owner;
  queue.sort(compare);
  const stack: LaminatedPiece[] = [];
  const pieces: LaminatedPiece[] = [];
  while (queue.length > 0) {
    let current = queue.shift() as OwnedInterval;
    while (stack.length > 0 && stack[stack.length - 1].end <= current.start) stack.pop();
    const top = stack[stack.length - 1];
    if (top && current.end > top.end) {
      const rest = { start: top.end, end: current.end, owner: current.owner };
      current = { start: current.start, end: top.end, owner: current.owner };
      // Keep the queue sorted: the rest starts later than anything processed.
      let index = 0;
      while (index < queue.length && compare(queue[index], rest) <= 0) index++;
      queue.splice(index, 0, rest);
    }
    const piece: LaminatedPiece = { ...current, order: pieces.length };
    pieces.push(piece);
    stack.push(piece);
  }
  return pieces;
}
