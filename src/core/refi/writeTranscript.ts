import { stringify } from 'yaml';
import { prepareInsertion, type PreparedInsertion } from '../edit/insertCodings';
import { PlainTextMap } from '../syntax/plainTextMap';
import { checkWrittenCodings, type CheckedCoding } from './checkWrittenCodings';
import { safeCuts } from './safeCuts';

/** A coding to write, with the GUID of the selection it comes from. */
export type TranscriptCoding = CheckedCoding;

/** The Markdown of an imported transcript and what could not be written. */
export interface WrittenTranscript {
  markdown: string;
  /** GUIDs of selections written (trimmed ones included). */
  written: string[];
  /** Selections written with surrounding white space left out, so the markup can express them. */
  trimmed: { guid: string; from: [number, number]; to: [number, number] }[];
  /** Selections that could not be written, with the reason. */
  refused: { guid: string; reason: string }[];
  /** Problems with the whole text (e.g. it already contains `code` markup). */
  problems: string[];
}

/** Options of `writeTranscript`. */
export interface WriteTranscriptOptions {
  /** Reads the Markdown once and writes codings into it (default `prepareInsertion`; tests put a faulty one here). */
  prepare?: (markdown: string) => PreparedInsertion;
  /** Texts longer than this (UTF-16 units) are written and checked in pieces of about this length (default 256 KiB). */
  pieceLength?: number;
}

/** Pieces of about 256 KiB: a Markdown parse holds some fifteen times its text in tokens at once. */
const PIECE_LENGTH = 1 << 18;

/** Rounds of writing and reading back before giving up on the codings (each drops the ones that failed). */
const MAX_CHECKS = 4;

function trim(points: PlainTextMap, request: TranscriptCoding): TranscriptCoding | null {
  let { start, end } = request;
  const at = (index: number) => points.sliceCodePoints(index, index + 1);
  while (start < end && /\s/u.test(at(start))) start++;
  while (end > start && /\s/u.test(at(end - 1))) end--;
  if (start === end || (start === request.start && end === request.end)) return null;
  return { ...request, start, end };
}

/**
 * Which codings the markup can express, from one reading of the text: all
 * at once (the usual case), else each alone, retried without the white
 * space at its ends, then those that work alone added one by one.
 */
function placeCodings(insert: PreparedInsertion, points: PlainTextMap, codings: TranscriptCoding[], written: WrittenTranscript): TranscriptCoding[] {
  if (codings.length === 0) return [];
  const all = insert(codings);
  if (all.ok) return codings;
  if (/already has `code` markup/.test(all.error)) {
    written.problems.push(`the text already contains \`code\` directive syntax, so its selections cannot be written (${all.error})`);
    for (const coding of codings) written.refused.push({ guid: coding.guid, reason: 'the text already contains `code` directive syntax' });
    return [];
  }
  const kept: TranscriptCoding[] = [];
  for (const coding of codings) {
    const alone = insert([coding]);
    if (alone.ok) {
      kept.push(coding);
      continue;
    }
    const shorter = trim(points, coding);
    if (shorter && insert([shorter]).ok) {
      kept.push(shorter);
      written.trimmed.push({ guid: coding.guid, from: [coding.start, coding.end], to: [shorter.start, shorter.end] });
      continue;
    }
    written.refused.push({ guid: coding.guid, reason: `the markup cannot express it: ${alone.error}` });
  }
  if (insert(kept).ok) return kept;
  // Codings that work alone but not together: add them one by one.
  const together: TranscriptCoding[] = [];
  for (const coding of kept) {
    if (insert([...together, coding]).ok) together.push(coding);
    else written.refused.push({ guid: coding.guid, reason: 'the markup cannot express it together with the codings before it' });
  }
  return together;
}

/** A stretch of the text written on its own: UTF-16 and code-point starts, its codings rebased to it. */
interface Piece {
  start: number;
  end: number;
  base: number;
  codings: TranscriptCoding[];
}

/**
 * The text cut into pieces of at least `length` units at `safeCuts` that no
 * coding straddles; one piece when the text is shorter.
 */
function piecesOf(text: string, points: PlainTextMap, codings: TranscriptCoding[], length: number): Piece[] {
  const ranges = codings.map((coding) => [points.fromCodePoint(coding.start), points.fromCodePoint(coding.end)]).sort((a, b) => a[0] - b[0]);
  // The union of the codings' ranges, as disjoint ascending intervals.
  const covered: number[][] = [];
  for (const [start, end] of ranges) {
    const last = covered[covered.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else covered.push([start, end]);
  }
  const cuts: number[] = [];
  if (text.length > length) {
    let next = 0;
    for (const cut of safeCuts(text)) {
      if (cut - (cuts[cuts.length - 1] ?? 0) < length) continue;
      while (next < covered.length && covered[next][1] <= cut) next++;
      if (next < covered.length && covered[next][0] < cut) continue;
      cuts.push(cut);
    }
  }
  const bounds = [0, ...cuts, text.length];
  const pieces: Piece[] = bounds.slice(0, -1).map((start, index) => ({ start, end: bounds[index + 1], base: points.toCodePoint(start), codings: [] }));
  for (const coding of codings) {
    const unit = points.fromCodePoint(coding.start);
    let index = pieces.length - 1;
    while (index > 0 && pieces[index].start > unit) index--;
    const piece = pieces[index];
    piece.codings.push({ ...coding, start: coding.start - piece.base, end: coding.end - piece.base });
  }
  return pieces;
}

/**
 * A Markdown transcript for an imported text: YAML front matter from
 * `attributes`, the text exactly as given as the body, and the codings
 * written into it by `insertCodings`. The codings are placed on the whole
 * file, front matter included, so a text that itself starts with `---` lines
 * (or a U+FEFF) is body text, never front matter. A coding the markup cannot
 * express (a boundary outside a paragraph, e.g. in a heading, an HTML block
 * or on a list marker) is first retried without its surrounding white space,
 * else refused with the reason; the rest are written. The text is parsed
 * once to place the codings, however many are refused.
 *
 * The result is then read back: its plain text must be the text, and every
 * coding an excerpt over exactly the text of its selection. A coding that is
 * not is refused with what was read (its selection's GUID in `refused`) and
 * the transcript written again without it; if the plain text differs, no
 * coding is written. A long text is written and read back in pieces cut
 * where Markdown reads each piece as it reads the whole (see `safeCuts`),
 * so memory stays a small multiple of the text. Never throws.
 */
export function writeTranscript(text: string, attributes: Record<string, unknown>, codings: TranscriptCoding[], options: WriteTranscriptOptions = {}): WrittenTranscript {
  const frontMatter = `---\n${stringify(attributes, { lineWidth: 0 })}---\n`;
  const written: WrittenTranscript = { markdown: '', written: [], trimmed: [], refused: [], problems: [] };
  const points = PlainTextMap.build(text, []);
  const parts: string[] = [];
  for (const [index, piece] of piecesOf(text, points, codings, options.pieceLength ?? PIECE_LENGTH).entries()) {
    const pieceText = text.slice(piece.start, piece.end);
    parts.push(writePiece(index === 0 ? frontMatter : '', pieceText, piece.codings, piece.base, written, options));
  }
  written.markdown = parts.join('');
  written.problems = [...new Set(written.problems)];
  const refused = new Set(written.refused.map((item) => item.guid));
  written.written = [...new Set(codings.map((coding) => coding.guid))].filter((guid) => !refused.has(guid));
  written.trimmed = written.trimmed.filter((item) => !refused.has(item.guid));
  return written;
}

/** Writes one piece (`prefix` and its text) with its codings, checks it, and returns its Markdown; what failed goes into `written`. */
function writePiece(prefix: string, text: string, codings: TranscriptCoding[], base: number, written: WrittenTranscript, options: WriteTranscriptOptions): string {
  const bare = prefix + text;
  const points = PlainTextMap.build(text, []);
  const here: WrittenTranscript = { markdown: bare, written: [], trimmed: [], refused: [], problems: [] };
  const insert = codings.length > 0 ? (options.prepare ?? prepareInsertion)(bare) : () => ({ ok: false as const, error: 'no codings', offset: 0 });
  let kept = placeCodings(insert, points, codings, here);
  let markdown = bare;
  for (let round = 0; ; round++) {
    const result = kept.length > 0 ? insert(kept) : null;
    markdown = result?.ok ? result.text : bare;
    const check = checkWrittenCodings(markdown, text, points, result?.ok ? kept : [], base);
    if (!check.plainTextMatches) {
      if (markdown !== bare) {
        for (const coding of kept) here.refused.push({ guid: coding.guid, reason: 'not written: with the codings in it, the plain text of the transcript would differ from the source text' });
        kept = [];
        continue;
      }
      here.problems.push('the plain text of the written transcript differs from the source text');
      break;
    }
    if (check.mismatched.size > 0 && round < MAX_CHECKS) {
      for (const [guid, reason] of check.mismatched) here.refused.push({ guid, reason: `not written: the transcript was read back and the coding is not on its text: ${reason}` });
      kept = kept.filter((coding) => !check.mismatched.has(coding.guid));
      continue;
    }
    if (check.unexpected > 0 || check.mismatched.size > 0) {
      if (markdown !== bare) {
        for (const coding of kept) here.refused.push({ guid: coding.guid, reason: `not written: the transcript was read back with ${check.unexpected} excerpt${check.unexpected === 1 ? '' : 's'} no selection asked for` });
        kept = [];
        continue;
      }
      here.problems.push(`the text reads as ${check.unexpected} excerpt${check.unexpected === 1 ? '' : 's'} of its own (it holds \`code\` directive syntax)`);
    }
    break;
  }
  written.refused.push(...here.refused);
  written.problems.push(...here.problems);
  for (const item of here.trimmed) written.trimmed.push({ guid: item.guid, from: [item.from[0] + base, item.from[1] + base], to: [item.to[0] + base, item.to[1] + base] });
  return markdown;
}
