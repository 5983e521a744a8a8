import { countBelow, PlainTextMap } from '../syntax/plainTextMap';

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
  /** Selections named by the text they cover (ATLAS.ti and this tool name a selection by its text, cut with `…`). */
  names: number;
  /** Selection ends at word boundaries and not on white space. */
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
  // Sparse: only the code points that weigh other than one are listed, so a long text costs two small arrays.
  const astral: number[] = [];
  const pairedLineFeeds: number[] = [];
  let count = 0;
  for (let index = 0; index < text.length; index++, count++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        if (reading.units === 'utf16') astral.push(count);
        index++;
      }
    } else if (unit === 0x0a && index > 0 && text.charCodeAt(index - 1) === 0x0d && reading.crlf === 1) {
      pairedLineFeeds.push(count);
    }
  }
  const heavier = Int32Array.from(astral);
  const weightless = Int32Array.from(pairedLineFeeds);
  // Positions before code point i under this reading.
  const units = (index: number) => index + countBelow(heavier, index) - countBelow(weightless, index);
  const total = units(count);
  const shift = reading.bom && hadBom ? 1 : 0;
  return (position: number) => {
    if (!Number.isInteger(position)) return null;
    const wanted = position - shift;
    if (wanted < 0 || wanted > total) return null;
    // The last code point with `wanted` positions before it: after a CRLF counted as one, not between.
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = Math.floor((low + high + 1) / 2);
      if (units(middle) <= wanted) low = middle;
      else high = middle - 1;
    }
    return units(low) === wanted ? low : null;
  };
}

// Anything but white space and punctuation belongs to a word (emoji included: a selection does not split "x😀y").
const WORD = /[^\s\p{P}]/u;

function collapsed(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}

/**
 * How well a selection's name matches the text it covers: 2 when it is that
 * text with white space collapsed (as this tool writes it), 1 when it matches
 * after trimming, or is its start and ends in an ellipsis (ATLAS.ti), else 0.
 */
function nameMatch(name: string, covered: string): number {
  const text = collapsed(covered);
  const wanted = collapsed(name);
  if (wanted.length > 0 && wanted === text) return 2;
  const trimmed = wanted.trim();
  const truncated = /(…|\.\.\.)$/.test(trimmed);
  const stem = truncated ? trimmed.replace(/(…|\.\.\.)$/, '').trimEnd() : trimmed;
  if (stem.length === 0 || (truncated && stem.length < 4)) return 0;
  return (truncated ? text.trim().startsWith(stem) : text.trim() === stem) ? 1 : 0;
}

/**
 * Scores every candidate reading against the selections of a project and
 * returns them best first: names that match the covered text weigh most (an
 * exact match twice), then
 * selections that fit the text, then ends at word boundaries. A tie keeps
 * the order of `candidates` (default `CANDIDATE_READINGS`, the standard's
 * reading first). Readings that count a BOM are only tried when some file has one.
 */
export function chooseReading(samples: ReadingSample[], candidates: PositionReading[] = CANDIDATE_READINGS): ReadingScore[] {
  const anyBom = samples.some((sample) => sample.hadBom);
  const scores: ReadingScore[] = [];
  // Code-point access to each text, built once (an array of code points would cost dozens of bytes a character).
  const codePoints = new Map(samples.map((sample) => [sample, PlainTextMap.build(sample.text, [])]));
  for (const reading of candidates) {
    if (reading.bom && !anyBom) continue;
    let fits = 0;
    let names = 0;
    let boundaries = 0;
    let exact = 0;
    for (const sample of samples) {
      if (sample.selections.length === 0) continue;
      const convert = positionConverter(sample.text, sample.hadBom, reading);
      const points = codePoints.get(sample) as PlainTextMap;
      for (const selection of sample.selections) {
        const start = convert(selection.start);
        const end = convert(selection.end);
        if (start === null || end === null || end < start) continue;
        fits++;
        const at = (index: number) => (index >= 0 && index < points.codePointLength ? points.sliceCodePoints(index, index + 1) : '');
        const wordAt = (index: number) => WORD.test(at(index));
        // A selection starts at the start of a word (or other non-space) and ends at the end of one.
        const space = (index: number) => /\s/u.test(at(index));
        if (!(wordAt(start - 1) && wordAt(start)) && !space(start)) boundaries++;
        if (!(wordAt(end - 1) && wordAt(end)) && !space(end - 1)) boundaries++;
        const match = selection.name ? nameMatch(selection.name, points.sliceCodePoints(start, end)) : 0;
        if (match > 0) names++;
        exact += match === 2 ? 1 : 0;
      }
    }
    scores.push({ reading, fits, names, boundaries, total: exact * 10 + names * 10 + fits * 3 + boundaries });
  }
  return scores.sort((a, b) => b.total - a.total);
}
