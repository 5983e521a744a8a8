/** A stretch of the file text that is markup, not plain text: `[start, end)` in UTF-16 units. */
export interface Removal {
  start: number;
  end: number;
}

/**
 * The plain text of a transcript and the two-way map between it and the file
 * text. The plain text is the file text with the removals cut out; every
 * other character is kept in order, so the map is a list of kept segments.
 *
 * Three kinds of offsets meet here: file offsets and plain offsets (both
 * UTF-16 units, as JavaScript strings index) and code points into the plain
 * text (what leaves the program).
 */
export class PlainTextMap {
  /** The plain text. */
  readonly text: string;
  /** Kept segments: file start, plain start, length (parallel arrays; plain arrays of small integers are quicker to make than typed ones). */
  private readonly fileStarts: readonly number[];
  private readonly plainStarts: readonly number[];
  private readonly lengths: readonly number[];
  /** Plain UTF-16 offsets of every high surrogate that starts a pair, ascending. */
  private readonly astral: readonly number[];

  private constructor(text: string, fileStarts: readonly number[], plainStarts: readonly number[], lengths: readonly number[], mayHaveSurrogates = true) {
    this.text = text;
    this.fileStarts = fileStarts;
    this.plainStarts = plainStarts;
    this.lengths = lengths;
    if (!mayHaveSurrogates) {
      this.astral = NO_ASTRAL;
      return;
    }
    this.astral = surrogatePairs(text);
  }

  /**
   * Builds the map from the file text and the removals (in any order; they may
   * overlap or touch). Removals outside the text are clipped.
   */
  static build(fileText: string, removals: Removal[]): PlainTextMap {
    const flat: number[] = [];
    for (const removal of removals) flat.push(removal.start, removal.end);
    return PlainTextMap.fromRemovals(fileText, flat);
  }

  /**
   * Like `build`, with the removals flat: `[start, end, start, end, …]` (as
   * `TranscriptFacts` has them). `fileMayHaveSurrogates` false (the caller
   * knows the file text has no surrogate code unit) spares looking for
   * surrogate pairs in the plain text, which then has none either.
   */
  static fromRemovals(fileText: string, removals: readonly number[], fileMayHaveSurrogates = true): PlainTextMap {
    const { starts, ends } = sortRemovals(fileText.length, removals);
    const count = starts.length;
    const fileStarts: number[] = [];
    const plainStarts: number[] = [];
    const lengths: number[] = [];
    const parts: string[] = [];
    let cursor = 0;
    let plain = 0;
    for (let index = 0; index <= count; index++) {
      const end = index < count ? starts[index] : fileText.length;
      if (end > cursor) {
        fileStarts.push(cursor);
        plainStarts.push(plain);
        lengths.push(end - cursor);
        parts.push(fileText.slice(cursor, end));
        plain += end - cursor;
      }
      if (index < count && ends[index] > cursor) cursor = ends[index];
    }
    // join() copies into a new flat string, so the plain text does not pin the file text.
    return new PlainTextMap(parts.join(''), fileStarts, plainStarts, lengths, fileMayHaveSurrogates);
  }

  /** Restores a map from its serialised segments (see `toSegments`). */
  static fromSegments(fileText: string, segments: number[]): PlainTextMap {
    const count = segments.length / 2;
    const fileStarts: number[] = [];
    const plainStarts: number[] = [];
    const lengths: number[] = [];
    const parts: string[] = [];
    let plain = 0;
    for (let index = 0; index < count; index++) {
      const start = segments[2 * index];
      const length = segments[2 * index + 1];
      fileStarts.push(start);
      lengths.push(length);
      plainStarts.push(plain);
      plain += length;
      parts.push(fileText.slice(start, start + length));
    }
    return new PlainTextMap(parts.join(''), fileStarts, plainStarts, lengths);
  }

  /** Segments as a flat list `[fileStart, length, …]`, for caching. */
  toSegments(): number[] {
    const segments: number[] = [];
    for (let index = 0; index < this.lengths.length; index++) segments.push(this.fileStarts[index], this.lengths[index]);
    return segments;
  }

  /** Length of the plain text in code points. */
  get codePointLength(): number {
    return this.text.length - this.astral.length;
  }

  /**
   * Plain UTF-16 offset of a file offset. A file offset inside markup maps to
   * the plain offset of the next kept character (or the end).
   */
  fileToPlain(fileOffset: number): number {
    const index = this.segmentAtOrBefore(this.fileStarts, fileOffset);
    if (index < 0) return 0;
    const within = fileOffset - this.fileStarts[index];
    return this.plainStarts[index] + Math.min(within, this.lengths[index]);
  }

  /**
   * File offset of a plain UTF-16 offset. An offset at a segment boundary maps
   * to the end of the earlier segment when `bias` is `'before'`, else to the
   * start of the later one (default).
   */
  plainToFile(plainOffset: number, bias: 'before' | 'after' = 'after'): number {
    if (this.lengths.length === 0) return 0;
    let index = this.segmentAtOrBefore(this.plainStarts, plainOffset);
    if (index < 0) index = 0;
    if (bias === 'before' && index > 0 && this.plainStarts[index] === plainOffset) index--;
    const within = Math.min(plainOffset - this.plainStarts[index], this.lengths[index]);
    return this.fileStarts[index] + within;
  }

  /** Code-point offset of a plain UTF-16 offset. */
  toCodePoint(plainOffset: number): number {
    return plainOffset - countBelow(this.astral, plainOffset);
  }

  /** Plain UTF-16 offset of a code-point offset (clamped to the text). */
  fromCodePoint(codePoint: number): number {
    // Each astral character before the target adds one unit; search the count.
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      // The astral character at `middle` starts at code point astral[middle] - middle.
      if (this.astral[middle] - middle < codePoint) low = middle + 1;
      else high = middle;
    }
    return Math.min(codePoint + low, this.text.length);
  }

  /** The plain text between two code-point offsets. */
  sliceCodePoints(start: number, end: number): string {
    return this.text.slice(this.fromCodePoint(start), this.fromCodePoint(end));
  }

  private segmentAtOrBefore(starts: readonly number[], offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (starts[middle] <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }
}

/** Shared by the maps of texts without astral characters. */
const NO_ASTRAL: readonly number[] = [];

const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;

/**
 * Offsets of the surrogate pairs of a text (their high halves), ascending:
 * found by a regular expression, far quicker than a loop over every unit,
 * with `test` (no match object each).
 */
export function surrogatePairs(text: string): readonly number[] {
  SURROGATE_PAIR.lastIndex = 0;
  if (!SURROGATE_PAIR.test(text)) return NO_ASTRAL;
  const pairs: number[] = [];
  do pairs.push(SURROGATE_PAIR.lastIndex - 2);
  while (SURROGATE_PAIR.test(text));
  return pairs;
}

/**
 * Flat removals clipped to `[0, length)`, without empty ones, sorted by start
 * then end. They mostly come in order (a parser reports markup as it reads
 * it, nested directives a little later), so an insertion sort, which turns
 * into a full sort when the order is far off.
 */
function sortRemovals(length: number, removals: readonly number[]): { starts: number[]; ends: number[] } {
  const total = removals.length >> 1;
  const starts: number[] = [];
  const ends: number[] = [];
  /** Moves the insertion sort may make before a full sort is cheaper. */
  let budget = 16 * total + 64;
  for (let index = 0; index < total; index++) {
    const start = Math.max(0, removals[2 * index]);
    const end = Math.min(length, removals[2 * index + 1]);
    if (end <= start) continue;
    let at = starts.length;
    starts.push(start);
    ends.push(end);
    while (at > 0 && (starts[at - 1] > start || (starts[at - 1] === start && ends[at - 1] > end))) {
      starts[at] = starts[at - 1];
      ends[at] = ends[at - 1];
      at--;
      budget--;
    }
    starts[at] = start;
    ends[at] = end;
    if (budget < 0) {
      // Far out of order: take the rest as they come and sort them all at once.
      for (let rest = index + 1; rest < total; rest++) {
        const restStart = Math.max(0, removals[2 * rest]);
        const restEnd = Math.min(length, removals[2 * rest + 1]);
        if (restEnd <= restStart) continue;
        starts.push(restStart);
        ends.push(restEnd);
      }
      const order = starts.map((_, position) => position).sort((x, y) => starts[x] - starts[y] || ends[x] - ends[y]);
      return { starts: order.map((position) => starts[position]), ends: order.map((position) => ends[position]) };
    }
  }
  return { starts, ends };
}

/** How many of the ascending `sorted` values are below `value` (a binary search). */
export function countBelow(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
