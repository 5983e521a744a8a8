import type { Paragraph, Root } from 'mdast';
import { parseMarkdown } from '../syntax/markdownProcessor';
import { analyseTranscript } from '../syntax/analyseTranscript';
import { PlainTextMap } from '../syntax/plainTextMap';
import { attributeText, type CodingAttributes } from './attributeText';
import { laminate, type LaminatedPiece } from './laminate';

/** A coding to write: code-point offsets into the plain text, end exclusive. */
export interface CodingRequest extends CodingAttributes {
  start: number;
  end: number;
}

/** An insertion of markup into the file text (an exact text edit with an empty range). */
export interface Insertion {
  offset: number;
  text: string;
}

/** The result of `insertCodings`: the insertions, or why the request cannot be written. */
export type InsertResult =
  | { ok: true; insertions: Insertion[]; text: string }
  | { ok: false; error: string; offset: number };

/** Options of `insertCodings`. */
export interface InsertOptions {
  /** Prefix of generated `id=` values for excerpts written as several fragments (default `x`). */
  idPrefix?: string;
}

interface Block {
  start: number;
  end: number;
  topLevel: boolean;
}

/**
 * Writes codings into a transcript that has no `code` markup yet, as
 * insertions only, so its plain text stays exactly the same (SPEC §3): a range
 * inside one paragraph becomes a text directive; a range that covers whole
 * top-level paragraphs (two or more) a container directive; any other range
 * over several paragraphs becomes text directives per paragraph sharing an
 * `id=`. Codings that cross are split into fragments sharing an `id=`.
 *
 * Refuses (with the offset) a text nested deeper than the parser's limit
 * (`findDeepNesting`), a boundary outside a paragraph, and an opening
 * right after `:` or `\`, where the directive syntax cannot start. This is the
 * writer for fresh text; the edit engine handles text that is already coded.
 */
export function insertCodings(text: string, requests: CodingRequest[], options: InsertOptions = {}): InsertResult {
  return prepareInsertion(text)(requests, options);
}

/** Writes codings into the text `prepareInsertion` read (see `insertCodings`). */
export type PreparedInsertion = (requests: CodingRequest[], options?: InsertOptions) => InsertResult;

/**
 * Reads a transcript once and returns a writer of codings into it: each call
 * gives what `insertCodings(text, requests)` gives, without parsing the text
 * again, so trying many sets of codings on one long text costs one parse. The
 * result's `text` is built when first read.
 */
export function prepareInsertion(text: string): PreparedInsertion {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const facts = analyseTranscript(body);
  if (facts.refused) {
    const offset = facts.problems[0].offset + bom;
    const error = facts.problems[0].message;
    return () => ({ ok: false, error, offset });
  }
  if (facts.directives.length > 0) {
    const offset = facts.directives[0].start + bom;
    return () => ({ ok: false, error: 'the text already has `code` markup', offset });
  }
  const removals = [];
  for (let index = 0; index < facts.removals.length; index += 2) removals.push({ start: facts.removals[index], end: facts.removals[index + 1] });
  const map = PlainTextMap.build(body, removals);
  const blocks = paragraphsOf(parseMarkdown(body));
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  return (requests, options = {}) => insertPrepared(body, bom, map, blocks, eol, requests, options);
}

function insertPrepared(body: string, bom: number, map: PlainTextMap, blocks: Block[], eol: string, requests: CodingRequest[], options: InsertOptions): InsertResult {
  const textIntervals: { start: number; end: number; owner: number; block: number }[] = [];
  const containerIntervals: { start: number; end: number; owner: number }[] = [];
  for (const [owner, request] of requests.entries()) {
    const start = map.plainToFile(map.fromCodePoint(request.start), 'after');
    const end = map.plainToFile(map.fromCodePoint(request.end), 'before');
    if (request.end <= request.start) continue;
    const first = blocks.findIndex((block) => start >= block.start && start < block.end);
    const last = blocks.findIndex((block) => end > block.start && end <= block.end);
    if (first === -1) return { ok: false, error: 'a coding must start inside a paragraph', offset: start + bom };
    if (last === -1) return { ok: false, error: 'a coding must end inside a paragraph', offset: end + bom };
    if (first === last) {
      textIntervals.push({ start, end, owner, block: first });
    } else if (start === blocks[first].start && end === blocks[last].end && blocks.slice(first, last + 1).every((block) => block.topLevel)) {
      containerIntervals.push({ start: first, end: last + 1, owner });
    } else {
      for (let index = first; index <= last; index++) {
        const block = blocks[index];
        textIntervals.push({ start: Math.max(start, block.start), end: Math.min(end, block.end), owner, block: index });
      }
    }
  }

  const textPieces = laminate(textIntervals);
  const containerPieces = laminate(containerIntervals);
  const pieceCount = new Map<number, number>();
  for (const piece of [...textPieces, ...containerPieces]) pieceCount.set(piece.owner, (pieceCount.get(piece.owner) ?? 0) + 1);
  const idPrefix = options.idPrefix ?? 'x';
  const ids = new Map<number, string | null>();
  let nextId = 1;
  for (const [owner, request] of requests.entries()) {
    if (request.id) ids.set(owner, request.id);
    else if ((pieceCount.get(owner) ?? 0) > 1) ids.set(owner, `${idPrefix}${nextId++}`);
    else ids.set(owner, null);
  }
  const attributesOf = (owner: number) => attributeText({ ...requests[owner], id: ids.get(owner) ?? null });

  // Insertions carry a rank so that those at one offset come out in nesting order.
  const insertions: (Insertion & { rank: number })[] = [];
  const failure = writeTextPieces(body, textPieces, attributesOf, insertions);
  if (failure) return { ok: false, error: failure.error, offset: failure.offset + bom };
  writeContainers(body, blocks, containerPieces, attributesOf, eol, insertions);

  insertions.sort((a, b) => a.offset - b.offset || a.rank - b.rank);
  let written: string | null = null;
  const build = (): string => {
    const parts: string[] = bom ? ['\ufeff'] : [];
    let cursor = 0;
    for (const insertion of insertions) {
      parts.push(body.slice(cursor, insertion.offset), insertion.text);
      cursor = insertion.offset;
    }
    parts.push(body.slice(cursor));
    return parts.join('');
  };
  return {
    ok: true,
    insertions: insertions.map((insertion) => ({ offset: insertion.offset + bom, text: insertion.text })),
    // Built when read: a caller that only asks whether codings can be written never copies the text.
    get text() {
      written ??= build();
      return written;
    },
  };
}

function paragraphsOf(tree: Root): Block[] {
  const blocks: Block[] = [];
  const visit = (node: Root | Root['children'][number], depth: number) => {
    if (node.type === 'paragraph') {
      const paragraph = node as Paragraph;
      if (paragraph.position?.start.offset !== undefined && paragraph.position.end.offset !== undefined) {
        blocks.push({ start: paragraph.position.start.offset, end: paragraph.position.end.offset, topLevel: depth === 1 });
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Root['children'][number], depth + 1);
  };
  visit(tree, 0);
  return blocks.sort((a, b) => a.start - b.start);
}

const RANK_CONTAINER_OPEN = 0;
const RANK_TEXT = 1_000_000;
const RANK_ESCAPE = 3_000_000;

function writeTextPieces(
  body: string,
  pieces: LaminatedPiece[],
  attributesOf: (owner: number) => string,
  insertions: (Insertion & { rank: number })[],
): { error: string; offset: number } | null {
  const events: { offset: number; open: boolean; piece: LaminatedPiece }[] = [];
  for (const piece of pieces) {
    events.push({ offset: piece.start, open: true, piece }, { offset: piece.end, open: false, piece });
  }
  // At one offset: closes (innermost first), then opens (outermost first).
  events.sort((a, b) => a.offset - b.offset || Number(a.open) - Number(b.open) || (a.open ? a.piece.order - b.piece.order : b.piece.order - a.piece.order));
  let depth = 0;
  let rank = RANK_TEXT;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    const previousEvent = events[index - 1];
    const afterText = !previousEvent || previousEvent.offset < event.offset;
    if (event.open) {
      const before = event.offset > 0 ? body[event.offset - 1] : '';
      if (afterText && before === ':') return { error: 'a coding cannot start right after `:`', offset: event.offset };
      if (afterText && before === '\\' && depth === 0) return { error: 'a coding cannot start right after `\\`', offset: event.offset };
      insertions.push({ offset: event.offset, text: ':code[', rank: rank++ });
      depth++;
    } else {
      insertions.push({ offset: event.offset, text: ']' + attributesOf(event.piece.owner), rank: rank++ });
      depth--;
    }
    // Escape the label text up to the next event.
    const next = events[index + 1];
    if (depth > 0 && next) {
      for (let offset = event.offset; offset < next.offset; offset++) {
        const unit = body.charCodeAt(offset);
        const following = offset + 1 < next.offset ? body.charCodeAt(offset + 1) : -1;
        const escape = unit === 0x5b || unit === 0x5d || (unit === 0x5c && (following === -1 || following === 0x5b || following === 0x5d || following === 0x5c));
        if (escape) insertions.push({ offset, text: '\\', rank: RANK_ESCAPE });
      }
    }
  }
  return null;
}

function writeContainers(
  body: string,
  blocks: Block[],
  pieces: LaminatedPiece[],
  attributesOf: (owner: number) => string,
  eol: string,
  insertions: (Insertion & { rank: number })[],
): void {
  // A container holding others needs a longer fence than any inside it.
  const colons = new Map<LaminatedPiece, number>();
  const byInnerFirst = [...pieces].sort((a, b) => b.order - a.order);
  for (const piece of byInnerFirst) {
    let inner = 0;
    for (const other of pieces) {
      if (other !== piece && other.order > piece.order && other.start >= piece.start && other.end <= piece.end) {
        inner = Math.max(inner, (colons.get(other) ?? 3) - 2);
      }
    }
    colons.set(piece, 3 + inner);
  }
  for (const piece of pieces) {
    const fence = ':'.repeat(colons.get(piece) ?? 3);
    insertions.push({ offset: blocks[piece.start].start, text: `${fence}code${attributesOf(piece.owner)}${eol}`, rank: RANK_CONTAINER_OPEN + piece.order });
    const lastEnd = blocks[piece.end - 1].end;
    const newline = body.indexOf('\n', lastEnd);
    if (newline === -1) {
      insertions.push({ offset: body.length, text: `${eol}${fence}`, rank: RANK_ESCAPE + 1 + (pieces.length - piece.order) });
    } else {
      insertions.push({ offset: newline + 1, text: `${fence}${eol}`, rank: RANK_CONTAINER_OPEN - 1 - piece.order + -pieces.length });
    }
  }
}
