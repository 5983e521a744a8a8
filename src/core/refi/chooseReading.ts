/** How a tool counted text positions. */
export interface PositionReading {
  /** Unicode code points (the standard, §10.2) or UTF-16 code units (NVivo for Windows). */
  units: 'codepoint' | 'utf16';
  /** Whether a CRLF counts as two positions (as written) or one (the tool normalised it to LF). */
  crlf: 1 | 2;
  /** Whether the byte order mark of a file that has one was counted as position 0. */
  bom: boolean;
}

/** A text and the selections written on it, as the candidates are checked. */
export interface ReadingSample {
  /** The text, without its byte order mark. */
  text: string;
  /** Whether the file had a byte order mark. */
  hadBom: boolean;
  selections: { start: number; end: number; name: string | null }[];
}

/** How well a reading fits the selections. */
export interface ReadingScore {
  reading: PositionReading;
  /** Selections whose both ends fall on positions of the text, in order. */
  fits: number;
  /** Selections whose `name` starts like the text they cover (tools often name a selection by its text). */
  names: number;
  /** Selection ends at word boundaries. */
  boundaries: number;
  total: number;
}

/** The readings tried, the standard's first: ties go to the earlier one. */
export const CANDIDATE_READINGS: PositionReading[] = [
  { units: 'codepoint', crlf: 2, bom: false },
  { units: 'utf16', crlf: 2, bom: false },
  { units: 'codepoint', crlf: 1, bom: false },
  { units: 'utf16', crlf: 1, bom: false },
  { units: 'codepoint', crlf: 2, bom: true },
  { units: 'utf16', crlf: 2, bom: true },
  { units: 'codepoint', crlf: 1, bom: true },
  { units: 'utf16', crlf: 1, bom: true },
];

/** A reading in words: `Unicode code points, CRLF as two, BOM not counted`. */
export function describeReading(reading: PositionReading): string {
  return `${reading.units === 'codepoint' ? 'Unicode code points' : 'UTF-16 code units'}, CRLF as ${reading.crlf === 2 ? 'two' : 'one'}, BOM ${reading.bom ? 'counted' : 'not counted'}`;
}

/**
 * A converter from positions under `reading` to code-point offsets into
 * `text`: null for a position that falls inside a character (half a surrogate
 * pair, between CR and LF of a pair counted as one) or outside the text.
 */
export function positionConverter(text: string, hadBom: boolean, reading: PositionReading): (position: number) => number | null {
  const points = Array.from(text);
  // units[i] = positions before code point i under this reading.
  const units = new Float64Array(points.length + 1);
  for (let index = 0; index < points.length; index++) {
    let weight = reading.units === 'utf16' ? points[index].length : 1;
    if (reading.crlf === 1 && points[index] === '\n' && points[index - 1] === '\r') weight = 0;
    units[index + 1] = units[index] + weight;
  }
  const shift = reading.bom && hadBom ? 1 : 0;
  return (position: number) => {
    if (!Number.isInteger(position)) return null;
    const wanted = position - shift;
    if (wanted < 0 || wanted > units[points.length]) return null;
    // The last code point with `wanted` positions before it: after a CRLF counted as one, not between.
    let low = 0;
    let high = points.length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (units[middle] <= wanted) low = middle;
      else high = middle - 1;
    }
    return units[low] === wanted ? low : null;
  };
}

const WORD = /[\p{L}\p{N}_]/u;

function normalised(text: string): string {
  return text.replace(/[…]|\.\.\.$/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Scores every candidate reading against the selections of a project and
 * returns them best first: names that match the covered text weigh most, then
 * selections that fit the text, then ends at word boundaries. A tie keeps
 * the order of `CANDIDATE_READINGS` (the standard's reading first). Readings
 * that count a BOM are only tried when some file has one.
 */
export function chooseReading(samples: ReadingSample[]): ReadingScore[] {
  const anyBom = samples.some((sample) => sample.hadBom);
  const scores: ReadingScore[] = [];
  for (const reading of CANDIDATE_READINGS) {
    if (reading.bom && !anyBom) continue;
    let fits = 0;
    let names = 0;
    let boundaries = 0;
    for (const sample of samples) {
      if (sample.selections.length === 0) continue;
      const convert = positionConverter(sample.text, sample.hadBom, reading);
      const points = Array.from(sample.text);
      for (const selection of sample.selections) {
        const start = convert(selection.start);
        const end = convert(selection.end);
        if (start === null || end === null || end < start) continue;
        fits++;
        const wordAt = (index: number) => index >= 0 && index < points.length && WORD.test(points[index]);
        if (!(wordAt(start - 1) && wordAt(start))) boundaries++;
        if (!(wordAt(end - 1) && wordAt(end))) boundaries++;
        const name = selection.name ? normalised(selection.name) : '';
        if (name.length >= 4) {
          const covered = normalised(points.slice(start, end).join(''));
          if (covered.startsWith(name) || (covered.length >= 4 && name.startsWith(covered))) names++;
        }
      }
    }
    scores.push({ reading, fits, names, boundaries, total: names * 10 + fits * 3 + boundaries });
  }
  return scores.sort((a, b) => b.total - a.total);
}
