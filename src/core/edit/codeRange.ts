import type { ParsedTranscript } from '../syntax/parseTranscript';
import { attributeText } from './attributeText';
import { readAttributeBlock } from './attributeBlock';
import { editAttributeBlock } from './editAttributeBlock';
import { lineEndOf, lineStartOf, nextLineStart } from './lineBounds';
import type { TextEdit } from './textEdit';
import { layoutOf, type CodeSpan, type FlowBlock, type TextBlock, type TranscriptLayout } from './transcriptLayout';
import { verifyEdits } from './verifyEdits';
import { readOnlyError } from './readOnlyError';
import { hazardsOverlapping } from './hazardsAt';

/** A request to code a stretch of a transcript's plain text. */
export interface CodeRangeRequest {
  /** Code-point offsets into the plain text, end exclusive. */
  start: number;
  end: number;
  /** Code ids, at least one. */
  codes: string[];
  coder?: string | null;
  memo?: string | null;
  exemplar?: boolean;
  /**
   * When the range starts or ends inside a block and spans several blocks:
   * widen it to whole blocks (one container) instead of writing one text
   * directive per block joined by an `id=` (default false).
   */
  wholeBlocks?: boolean;
  /**
   * When the range covers whole paragraphs or headings — from the start of the first to the end
   * of the last, blank lines around them included, as a triple click or a selection of whole
   * lines gives — write one container around them, even around one paragraph, so that its
   * speaker label stays inside the container rather than in a text directive (default false).
   */
  wholeParagraphs?: boolean;
}

/** The edits of a coding and the span it will read back as (code points; may be narrower than asked, see `codeRange`). */
/** A coding `codeRange` can write: its edits, the range it reads back as (code points), and how it is written. */
export interface CodeRangeEdits {
  ok: true;
  edits: TextEdit[];
  start: number;
  end: number;
  kind: 'text' | 'container' | 'added-class';
  /** The fragments it is written in (sharing an `id=` when more than one); 1 for a container or a class added to a coding. */
  pieces: number;
}

export type CodeRangeResult = CodeRangeEdits | { ok: false; error: string; offset?: number };

/** Options of `codeRange` for a caller that writes many codings into one parse (the merge). */
export interface CodeRangeOptions {
  /** The layout of `text` as `readTranscriptLayout` reads it, when the caller already has it. */
  layout?: TranscriptLayout;
  /**
   * Check the edits by parsing them (default true). A caller that turns this
   * off must parse and check the result itself before writing it.
   */
  verify?: boolean;
  /** The `id=` joining the fragments of a coding written in pieces (default: `freshId(parsed)`). */
  fragmentId?: string;
}

/** Code ids follow the codebook's id rule. */
export const CODE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Codes a plain-text range of a transcript as exact text edits (UTF-16
 * offsets into `text`, the file text without byte order mark, as parsed into
 * `parsed`). A range inside one paragraph or heading becomes a text directive;
 * a range of whole blocks (from the start of a line to the end of a line,
 * siblings at the top level or inside one `code` container) a container
 * directive; any other range over several blocks one text directive per block
 * sharing an `id=` (or one container with `wholeBlocks`). Text between blocks
 * (blank lines, list and quote markers) cannot carry a text directive: the
 * coding then reads back from its first fragment's start to its last one's end.
 * A range that crosses an existing coding is written as fragments sharing an
 * `id=`; a range that is exactly an excerpt of the same coder gets the codes
 * added as classes. Brackets and backslashes are escaped so that the plain
 * text never changes (SPEC §3), and the edits are checked by parsing them.
 *
 * Refuses, with a message and the file offset, a range the markup cannot
 * express: a boundary inside a code block, inline code, HTML, an image, or
 * across a link or another directive; an opening right after `:` or `\`; an
 * end between two colons `::` or between a backslash and the character it
 * escapes; a read-only file.
 */
export function codeRange(text: string, parsed: ParsedTranscript, request: CodeRangeRequest, options: CodeRangeOptions = {}): CodeRangeResult {
  const { source, map } = parsed;
  if (!source.writable) return { ok: false, error: readOnlyError(source) };
  if (text.charCodeAt(0) === 0xfeff) throw new Error('codeRange takes the file text without its byte order mark (offsets count from the character after it)');
  if (request.codes.length === 0) return { ok: false, error: 'give at least one code' };
  const badCode = request.codes.find((code) => !CODE_ID.test(code));
  if (badCode !== undefined) return { ok: false, error: `\`${badCode}\` is not a code id (a letter, then letters, digits, \`_\` or \`-\`)` };
  if (!(request.start >= 0 && request.end <= source.length && request.start < request.end)) {
    return { ok: false, error: `the range ${request.start}–${request.end} is empty or outside the plain text (0–${source.length})` };
  }
  request = { ...request, codes: [...new Set(request.codes)] };
  const layout = options.layout ?? layoutOf(text, parsed);
  const a = map.fromCodePoint(request.start);
  const b = map.fromCodePoint(request.end);
  for (const block of layout.literalBlocks) {
    const from = map.fileToPlain(block.start);
    const to = map.fileToPlain(block.end);
    for (const boundary of [a, b]) {
      if (boundary > from && boundary < to) return { ok: false, error: `the range starts or ends inside ${block.what}`, offset: block.start };
    }
  }
  const blocks = layout.textBlocks.filter((block) => block.plainEnd > a && block.plainStart < b);
  if (blocks.length === 0) return { ok: false, error: 'the range covers no paragraph or heading text' };

  let plan: Plan | Refusal;
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  const paragraphs = request.wholeParagraphs === true && a <= first.plainStart && b >= last.plainEnd
    ? wholeBlockRun(layout, first.plainStart, last.plainEnd, false)
    : undefined;
  const whole = paragraphs ?? (blocks.length > 1 ? wholeBlockRun(layout, a, b, request.wholeBlocks === true) : undefined);
  if (whole) plan = { kind: 'container', run: whole.run, start: whole.start, end: whole.end };
  else plan = planTextPieces(layout, blocks, a, b);
  if ('error' in plan) return { ok: false, error: plan.error, offset: plan.offset };

  const coder = request.coder ?? null;
  const startPoint = map.toCodePoint(plan.start);
  const endPoint = map.toCodePoint(plan.end);
  const same = source.excerpts.find((excerpt) => excerpt.start === startPoint && excerpt.end === endPoint && excerpt.coder === coder);
  let edits: TextEdit[];
  let kind: 'text' | 'container' | 'added-class';
  let pieces = 1;
  if (same) {
    kind = 'added-class';
    const result = addToExcerpt(text, parsed, same.fragments.map((fragment) => fragment.range.startOffset), request);
    if ('error' in result) return { ok: false, error: result.error };
    edits = result;
  } else if (plan.kind === 'container') {
    kind = 'container';
    edits = containerEdits(layout, plan.run, attributeText({ codes: request.codes, coder, memo: request.memo ?? null, exemplar: request.exemplar === true }), source.eol);
  } else {
    kind = 'text';
    pieces = plan.pieces.length;
    const id = plan.pieces.length > 1 ? options.fragmentId ?? freshId(parsed) : null;
    const result = textEdits(layout, plan.pieces, (first) =>
      attributeText({ codes: request.codes, coder, id, memo: first ? request.memo ?? null : null, exemplar: first && request.exemplar === true }),
    );
    if ('error' in result) return { ok: false, error: result.error, offset: result.offset };
    edits = result;
  }

  if (options.verify === false) return { ok: true, edits, start: startPoint, end: endPoint, kind, pieces };
  const check = verifyEdits(text, source, edits);
  if (!check.ok) return { ok: false, error: `cannot code this range exactly: ${check.error}` };
  const readBack = check.parsed.source.excerpts.find(
    (excerpt) => excerpt.start === startPoint && excerpt.end === endPoint && excerpt.coder === coder && request.codes.every((code) => excerpt.codes.includes(code)),
  );
  if (!readBack) return { ok: false, error: 'cannot code this range exactly: the markup would not read back as this coding' };
  return { ok: true, edits, start: startPoint, end: endPoint, kind, pieces };
}

interface Refusal {
  error: string;
  offset?: number;
}

type Plan =
  | { kind: 'container'; run: FlowBlock[]; start: number; end: number }
  | { kind: 'text'; pieces: { block: TextBlock; start: number; end: number }[]; start: number; end: number };

/** Plain offset where a flow block's first line starts, and where its last line ends (container content). */
function flowPlainStart(layout: TranscriptLayout, block: FlowBlock): number {
  return layout.map.fileToPlain(lineStartOf(layout.text, block.start));
}

function flowPlainEnd(layout: TranscriptLayout, block: FlowBlock): number {
  const container = layout.codes.find((span) => span.fact.kind === 'container' && span.fact.start === block.start);
  if (container) return container.plainEnd;
  return layout.map.fileToPlain(lineEndOf(layout.text, Math.max(block.start, block.end - 1)));
}

/**
 * The sibling flow blocks a container coding of `[a, b)` would wrap: exactly
 * whole lines, or (with `widen`) the blocks the range touches. Undefined when
 * the range is not such a run.
 */
function wholeBlockRun(layout: TranscriptLayout, a: number, b: number, widen: boolean): { run: FlowBlock[]; start: number; end: number } | undefined {
  const { flowBlocks } = layout;
  for (let first = 0; first < flowBlocks.length; first++) {
    const start = flowPlainStart(layout, flowBlocks[first]);
    const end = flowPlainEnd(layout, flowBlocks[first]);
    if (widen ? !(a >= start && a < Math.max(end, start + 1)) : start !== a) continue;
    const parent = flowBlocks[first].parent;
    const run: FlowBlock[] = [];
    for (let index = first; index < flowBlocks.length; index++) {
      const block = flowBlocks[index];
      if (block.start < flowBlocks[first].start) continue;
      if (block.parent !== parent) {
        // Blocks nested deeper belong to a sibling; a shallower one ends the run.
        if (run.length > 0 && block.start < run[run.length - 1].end) continue;
        break;
      }
      run.push(block);
      const blockEnd = flowPlainEnd(layout, block);
      if (widen ? b <= blockEnd : blockEnd === b) return { run, start, end: blockEnd };
      if (blockEnd > b) break;
    }
  }
  return undefined;
}

function planTextPieces(layout: TranscriptLayout, blocks: TextBlock[], a: number, b: number): Plan | Refusal {
  const pieces: { block: TextBlock; start: number; end: number }[] = [];
  for (const block of blocks) {
    const start = Math.max(a, block.plainStart);
    const end = Math.min(b, block.plainEnd);
    if (end <= start) continue;
    const inside = layout.codes.filter((span) => span.fact.kind === 'text' && span.fact.start >= block.start && span.fact.end <= block.end);
    for (const [from, to] of splitAtCrossings(start, end, inside)) pieces.push({ block, start: from, end: to });
  }
  if (pieces.length === 0) return { error: 'the range covers no paragraph or heading text' };
  return { kind: 'text', pieces, start: pieces[0].start, end: pieces[pieces.length - 1].end };
}

/** Cuts `[start, end)` where existing text directives cross it, so every piece nests with them. */
function splitAtCrossings(start: number, end: number, spans: CodeSpan[]): [number, number][] {
  let pieces: [number, number][] = [[start, end]];
  for (let changed = true; changed; ) {
    changed = false;
    const next: [number, number][] = [];
    for (const [from, to] of pieces) {
      let cut = -1;
      for (const span of spans) {
        if (span.plainEnd <= span.plainStart) continue;
        if (span.plainStart > from && span.plainStart < to && span.plainEnd > to) cut = span.plainStart;
        else if (span.plainEnd > from && span.plainEnd < to && span.plainStart < from) cut = span.plainEnd;
        if (cut !== -1) break;
      }
      if (cut === -1) next.push([from, to]);
      else {
        next.push([from, cut], [cut, to]);
        changed = true;
      }
    }
    pieces = next;
  }
  return pieces;
}

interface Insertion extends TextEdit {
  rank: number;
}

const RANK_CLOSE = 0;
const RANK_OPEN = 1;
const RANK_ESCAPE = 2;

/** The edits of text directives for `pieces`; `attributesFor(first)` gives each piece's `{…}`. */
function textEdits(layout: TranscriptLayout, pieces: { block: TextBlock; start: number; end: number }[], attributesFor: (first: boolean) => string): TextEdit[] | Refusal {
  const insertions: Insertion[] = [];
  const escaped = new Set<number>();
  for (const [index, piece] of pieces.entries()) {
    const placed = placeTextPiece(layout, piece.block, piece.start, piece.end);
    if ('error' in placed) return placed;
    insertions.push({ start: placed.open, end: placed.open, newText: ':code[', rank: RANK_OPEN });
    insertions.push({ start: placed.close, end: placed.close, newText: ']' + attributesFor(index === 0), rank: RANK_CLOSE });
    for (const offset of placed.escapes) {
      if (escaped.has(offset)) continue;
      escaped.add(offset);
      insertions.push({ start: offset, end: offset, newText: '\\', rank: RANK_ESCAPE });
    }
  }
  insertions.sort((x, y) => x.start - y.start || x.rank - y.rank);
  return insertions.map(({ start, end, newText }) => ({ start, end, newText }));
}

/** Where one text directive opens and closes, and which characters need a backslash. */
/**
 * What placing codings has read of a text block, kept for the block (so for
 * its layout: autocode places hundreds of codings with one layout): the text
 * codings in it, and the scans of its levels by the innermost coding they are
 * inside (-1: the block itself).
 */
interface BlockReading {
  spans: CodeSpan[];
  levels: Map<number, LevelScan>;
}

const readings = new WeakMap<TextBlock, BlockReading>();

function readingOf(layout: TranscriptLayout, block: TextBlock): BlockReading {
  let reading = readings.get(block);
  if (!reading) {
    const spans = layout.codes.filter((span) => span.fact.kind === 'text' && span.fact.start >= block.start && span.fact.end <= block.end);
    reading = { spans, levels: new Map() };
    readings.set(block, reading);
  }
  return reading;
}

function placeTextPiece(layout: TranscriptLayout, block: TextBlock, a: number, b: number): { open: number; close: number; escapes: number[] } | Refusal {
  const { map, text } = layout;
  const spans = readingOf(layout, block).spans;
  const wrapped = spans.filter((span) => a <= span.plainStart && span.plainEnd <= b);
  const enclosing = spans.filter((span) => span.plainStart <= a && b <= span.plainEnd && !wrapped.includes(span));
  const innermost = enclosing.reduce<CodeSpan | undefined>((best, span) => (!best || span.fact.start > best.fact.start ? span : best), undefined);

  let open = Math.max(a > 0 ? map.plainToFile(a, 'before') : 0, block.start);
  for (const span of spans) {
    if (span.plainEnd === a && !wrapped.includes(span) && !enclosing.includes(span)) open = Math.max(open, span.fact.end);
    if (span.plainStart === a && enclosing.includes(span)) open = Math.max(open, span.fact.contentStart);
  }
  let close = Math.min(map.plainToFile(b, 'before'), block.end);
  for (const span of wrapped) if (span.plainEnd === b) close = Math.max(close, span.fact.end);
  for (const span of wrapped) {
    if (span.fact.start < open || span.fact.end > close) return { error: 'cannot place the coding around an existing one here', offset: span.fact.start };
  }
  for (const span of enclosing) {
    if (open < span.fact.contentStart || close > span.fact.contentEnd) return { error: 'cannot place the coding inside an existing one here', offset: span.fact.start };
  }
  for (const hazard of hazardsOverlapping(layout.hazards, open, close)) {
    const inOpen = hazard.start < open && open < hazard.end;
    const inClose = hazard.start < close && close < hazard.end;
    if (!inOpen && !inClose) continue;
    if (!hazard.inner) return { error: `the range starts or ends inside ${hazard.what}`, offset: hazard.start };
    if (inOpen !== inClose) return { error: `the range crosses ${hazard.what}: code all of it or only inside its text`, offset: hazard.start };
    if (open < hazard.inner.start || close > hazard.inner.end) return { error: `the range starts or ends inside the markup of ${hazard.what}`, offset: hazard.start };
  }

  const escapes: number[] = [];
  const before = open > 0 ? text[open - 1] : '';
  if (before === ':') return { error: 'a coding cannot start right after `:` (the markup would not be read as a directive)', offset: open };
  // After `]{…}` the second colon of `::` no longer follows a colon, so it could start a directive.
  if (text[close - 1] === ':' && text[close] === ':') {
    return { error: 'a coding cannot end between two colons `::` (the second would start a directive after the markup)', offset: close };
  }
  // After `]{…}` an escaped character is no longer escaped: `\:` could start a directive, `` \` `` a code span.
  if (ASCII_PUNCTUATION.test(text[close] ?? '') && backslashesBefore(text, close) % 2 === 1) {
    return { error: 'a coding cannot end between a backslash and the character it escapes', offset: close };
  }
  const level = levelOf(layout, block, innermost);
  if (before === '\\' && !level.escapeSeconds.has(open - 1) && !level.markdownEscapes.has(open - 2)) {
    if (!innermost) return { error: 'a coding cannot start right after `\\` (the markup would be escaped)', offset: open };
    escapes.push(open - 1);
  }
  // Outside labels, `\[`, `\]` and `\\` are Markdown escapes the plain text keeps: inside the new label
  // both characters need a label escape, so that both stay and the bracket stays literal.
  for (const backslash of level.markdownEscapes) {
    if (backslash < open || backslash >= close) continue;
    if (backslash + 1 >= close) return { error: 'the range ends between a backslash and the character it escapes', offset: backslash };
    escapes.push(backslash, backslash + 1);
  }
  for (const [bracket, partner] of level.brackets) {
    if (bracket < open || bracket >= close) continue;
    if (partner !== -1 && partner >= open && partner < close) continue;
    escapes.push(bracket);
    if (innermost && partner !== -1) escapes.push(partner);
  }
  for (const backslash of level.loneBackslashes) {
    if (backslash < open || backslash >= close) continue;
    // Before the label's end or a nested directive, a lone backslash would escape the markup.
    const next = backslash + 1 < close && !level.childStarts.has(backslash + 1) ? text[backslash + 1] : ']';
    if (next === '[' || next === ']' || next === '\\') escapes.push(backslash);
  }
  return { open, close, escapes };
}

/** Characters a Markdown backslash escapes. */
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

/** How many backslashes stand right before `offset`. */
function backslashesBefore(text: string, offset: number): number {
  let count = 0;
  while (offset - count > 0 && text.charCodeAt(offset - count - 1) === 0x5c) count++;
  return count;
}

type LevelScan = ReturnType<typeof scanLevel>;

/**
 * The scan of the level a coding goes in: the block's inline content, or the
 * label of the innermost coding around it, read once per block and level.
 */
function levelOf(layout: TranscriptLayout, block: TextBlock, innermost: CodeSpan | undefined): LevelScan {
  const { spans, levels } = readingOf(layout, block);
  const key = innermost ? innermost.index : -1;
  let level = levels.get(key);
  if (!level) {
    const levelStart = innermost ? innermost.fact.contentStart : block.start;
    const levelEnd = innermost ? innermost.fact.contentEnd : block.end;
    const children = spans.filter((span) => (innermost ? span.parent === innermost.index : !spans.some((other) => other.index === span.parent)));
    level = scanLevel(layout, levelStart, levelEnd, children, innermost !== undefined);
    levels.set(key, level);
  }
  return level;
}

/**
 * Reads one nesting level of label text (or of a block outside any label):
 * brackets with their partners (-1 when unmatched), backslashes that escape
 * nothing, the second characters of label escapes, and (outside labels) the
 * backslashes of Markdown escapes of `[`, `]` and `\`. Child directives are skipped.
 */
function scanLevel(layout: TranscriptLayout, start: number, end: number, children: CodeSpan[], inLabel: boolean) {
  const { text } = layout;
  const brackets = new Map<number, number>();
  const loneBackslashes: number[] = [];
  const escapeSeconds = new Set<number>();
  const markdownEscapes = new Set<number>();
  const stack: number[] = [];
  const skips = [...children].sort((x, y) => x.fact.start - y.fact.start);
  let skip = 0;
  for (let offset = start; offset < end; offset++) {
    // Most characters are none of `\\`, `[`, `]` and not in a child: passed over without more ado.
    const code = text.charCodeAt(offset);
    if (code !== 0x5c && code !== 0x5b && code !== 0x5d && !(skip < skips.length && skips[skip].fact.start <= offset)) continue;
    while (skip < skips.length && skips[skip].fact.end <= offset) skip++;
    if (skip < skips.length && skips[skip].fact.start <= offset) {
      offset = skips[skip].fact.end - 1;
      continue;
    }
    const char = text[offset];
    if (char === '\\') {
      const next = offset + 1 < end ? text[offset + 1] : '';
      if (inLabel && layout.escapes.has(offset)) {
        escapeSeconds.add(offset + 1);
        offset++;
      } else if (!inLabel && (next === '[' || next === ']' || next === '\\')) {
        markdownEscapes.add(offset);
        offset++;
      } else loneBackslashes.push(offset);
    } else if (char === '[') {
      stack.push(offset);
      brackets.set(offset, -1);
    } else if (char === ']') {
      const partner = stack.pop();
      if (partner === undefined) brackets.set(offset, -1);
      else {
        brackets.set(offset, partner);
        brackets.set(partner, offset);
      }
    }
  }
  return { brackets, loneBackslashes, escapeSeconds, markdownEscapes, childStarts: new Set(children.map((span) => span.fact.start)) };
}

/** The edits of a container coding around the flow blocks `run`. */
function containerEdits(layout: TranscriptLayout, run: FlowBlock[], attributes: string, eol: string): TextEdit[] {
  const { text, codes } = layout;
  const first = run[0];
  const last = run[run.length - 1];
  const wrappedColons = layout.fences.filter((fence) => fence.start >= first.start && fence.end <= last.end).map((fence) => fence.colons);
  const colons = Math.max(3, ...wrappedColons.map((count) => count + 1));
  const fence = ':'.repeat(colons);
  const edits: TextEdit[] = [];
  // Enclosing containers need longer fences than the new one.
  let required = colons;
  for (let parent = first.parent; parent !== -1; parent = codes[parent].parent) {
    const span = codes[parent];
    if (span.fact.kind !== 'container') continue;
    if (span.colons > required) break;
    const longer = ':'.repeat(required + 1);
    edits.push({ start: span.fact.start, end: span.fact.start + span.colons, newText: longer });
    if (span.fact.closed) {
      const closeLine = lineStartOf(text, span.fact.end);
      const colonAt = text.indexOf(':', closeLine);
      let count = 0;
      while (text.charCodeAt(colonAt + count) === 0x3a) count++;
      edits.push({ start: colonAt, end: colonAt + count, newText: longer });
    }
    required += 1;
  }
  const openAt = lineStartOf(text, first.start);
  edits.push({ start: openAt, end: openAt, newText: `${fence}code${attributes}${eol}` });
  const closeAt = nextLineStart(text, Math.max(last.start, last.end - 1));
  if (closeAt === text.length && !text.endsWith('\n')) edits.push({ start: closeAt, end: closeAt, newText: `${eol}${fence}` });
  else edits.push({ start: closeAt, end: closeAt, newText: `${fence}${eol}` });
  return edits;
}

/** Adds the request's codes (and memo, exemplar) to the directives of an existing excerpt. */
function addToExcerpt(text: string, parsed: ParsedTranscript, starts: number[], request: CodeRangeRequest): TextEdit[] | Refusal {
  const edits: TextEdit[] = [];
  const facts = starts.map((start) => parsed.facts.directives.find((fact) => fact.start === start));
  for (const [index, fact] of facts.entries()) {
    if (!fact) return { error: 'the excerpt changed while editing' };
    const block = readAttributeBlock(text, fact);
    if (!block) return { error: 'the attributes of the existing coding here are not in a form the tool can edit', offset: fact.start };
    edits.push(
      ...editAttributeBlock(block, {
        addCodes: request.codes,
        memo: index === 0 && request.memo !== undefined && request.memo !== null ? request.memo : undefined,
        exemplar: index === 0 && request.exemplar ? true : undefined,
      }),
    );
  }
  return edits;
}

/** An `id=` for fragments that no directive of the transcript uses yet. */
export function freshId(parsed: ParsedTranscript): string {
  const used = new Set(parsed.facts.directives.map((fact) => fact.attributes.id).filter((id) => id !== undefined));
  let number = 1;
  while (used.has(`x${number}`)) number++;
  return `x${number}`;
}
