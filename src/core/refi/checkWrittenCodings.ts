import type { CodingRequest } from '../edit/insertCodings';
import { parseTranscript } from '../syntax/parseTranscript';
import type { PlainTextMap } from '../syntax/plainTextMap';

/** A coding as asked for, with the GUID of the selection it comes from. */
export interface CheckedCoding extends CodingRequest {
  guid: string;
}

/** What reading a written transcript back found. */
export interface WrittenCheck {
  /** Whether the transcript's plain text is the source text. */
  plainTextMatches: boolean;
  /** Selections (by GUID) with a coding that is not read back over exactly its text, and what was read. */
  mismatched: Map<string, string>;
  /** Excerpts read back that no coding asked for. */
  unexpected: number;
}

function keyOf(start: number, end: number, codes: string[], coder: string | null | undefined, memo: string | null | undefined): string {
  return JSON.stringify([start, end, [...new Set(codes)].sort(), coder ?? null, memo ?? null]);
}

function quote(text: string): string {
  const points = Array.from(text.slice(0, 80).replace(/\s+/g, ' '));
  return `"${points.length > 40 ? `${points.slice(0, 39).join('')}…` : points.join('')}"`;
}

/**
 * Parses a written transcript back and checks it against what was asked:
 * its plain text must be `text`, and each coding must come back as an
 * excerpt with the same span, codes, coder and memo whose text is the text
 * of that span in `text` (`points` indexes `text` by code point). A coding
 * that does not is listed under its selection's GUID with what was read
 * there (positions in messages shifted by `base`, where the piece starts in
 * its whole text); excerpts nobody asked for are counted. Never throws.
 */
export function checkWrittenCodings(markdown: string, text: string, points: PlainTextMap, codings: CheckedCoding[], base = 0): WrittenCheck {
  const source = parseTranscript(markdown, { path: 'imported.md' });
  const plainTextMatches = source.plainText === text;
  const read = new Map<string, number>();
  for (const excerpt of source.excerpts) {
    const key = keyOf(excerpt.start, excerpt.end, excerpt.codes, excerpt.coder, excerpt.memo);
    if (plainTextMatches && excerpt.text !== points.sliceCodePoints(excerpt.start, excerpt.end)) continue;
    read.set(key, (read.get(key) ?? 0) + 1);
  }
  const mismatched = new Map<string, string>();
  let matched = 0;
  for (const coding of codings) {
    const key = keyOf(coding.start, coding.end, coding.codes, coding.coder, coding.memo);
    const left = read.get(key) ?? 0;
    if (plainTextMatches && left > 0) {
      read.set(key, left - 1);
      matched++;
      continue;
    }
    const wanted = points.sliceCodePoints(coding.start, coding.end);
    const found = source.excerpts.find((excerpt) => excerpt.codes.some((code) => coding.codes.includes(code)) && (excerpt.coder ?? null) === (coding.coder ?? null) && excerpt.start < coding.end && excerpt.end > coding.start);
    const what = found ? `read back over ${quote(found.text)} (${base + found.start}–${base + found.end})` : 'not read back at all';
    mismatched.set(coding.guid, `written for ${quote(wanted)} (${base + coding.start}–${base + coding.end}) but ${what}`);
  }
  return { plainTextMatches, mismatched, unexpected: source.excerpts.length - matched };
}
