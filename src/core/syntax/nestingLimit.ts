import type { ProblemFact } from './transcriptFacts';
import { NextIndex } from './nextIndex';
import { isAsciiLetter, isDigit, isThematicBreak, listMarkerEnd } from './blockMarkers';

/**
 * How deep containers may nest in a transcript: `code` (and other) container
 * directives, block quotes and list items together, and text directive labels
 * with the brackets inside them. The Markdown parser's time grows with the
 * square of the depth (4,000 nested containers took minutes), and no
 * transcript needs more than a handful of levels.
 */
export const MAX_NESTING = 64;

/** The rule id of a transcript refused for its nesting. */
export const NESTING_RULE = 'nesting-too-deep';

/** 1 for the characters a block quote or list marker, or a container fence, may start with. */
const MAY_OPEN = new Uint8Array(128);
for (const character of '>-+*:0123456789') MAY_OPEN[character.charCodeAt(0)] = 1;

const SPACE = 0x20;
const TAB = 0x09;
const COLON = 0x3a;

/**
 * Finds where a transcript nests deeper than `limit`, with one pass over its
 * lines and characters and without parsing it: the first line where container
 * fences (counted as the directive parser closes them: a closing fence closes
 * the outermost open container whose fence it is at least as long as) plus the
 * block quote and list markers that start the line exceed the limit, or the
 * first `[` in a text directive label at a bracket depth beyond it.
 *
 * The count errs on the safe side: fence lines inside fenced code and
 * containers left open inside a block quote still count, so a file can only
 * be refused for nesting it (nearly) has, never read with more. Returns the
 * problem to report, or null when the text is within the limit.
 */
export function findDeepNesting(text: string, limit: number = MAX_NESTING): ProblemFact | null {
  const open: number[] = [];
  /** Where the markers of the line being read start (one array for every line). */
  const markers: number[] = [];
  const labels = new LabelDepth(text, limit);
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    // Most lines start with a letter: no marker or fence there, only labels to count.
    let first = lineStart;
    while (first < lineEnd && (text.charCodeAt(first) === SPACE || text.charCodeAt(first) === TAB)) first++;
    const firstUnit = first < lineEnd ? text.charCodeAt(first) : -1;
    if (firstUnit > SPACE && (firstUnit < 128 ? MAY_OPEN[firstUnit] === 0 : !/\s/.test(text[first]))) {
      const label = labels.scanLine(lineStart, lineEnd, false);
      if (label !== null) return tooDeep(label, label + 1, limit);
      lineStart = lineEnd + 1;
      continue;
    }
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    // Block quote and list markers, then what the rest of the line is.
    if (markers.length > 0) markers.length = 0;
    let position = lineStart;
    for (;;) {
      while (position < contentEnd && (text.charCodeAt(position) === SPACE || text.charCodeAt(position) === TAB)) position++;
      let markerEnd = -1;
      if (position < contentEnd && text.charCodeAt(position) === 0x3e) markerEnd = position + 1;
      else if (!isThematicBreak(text, position, contentEnd)) markerEnd = listMarkerEnd(text, position, contentEnd);
      if (markerEnd === -1) break;
      markers.push(position);
      position = markerEnd;
    }
    let colons = position;
    while (colons < contentEnd && text.charCodeAt(colons) === COLON) colons++;
    const fence = colons - position;
    if (fence >= 3) {
      let rest = colons;
      while (rest < contentEnd && (text.charCodeAt(rest) === SPACE || text.charCodeAt(rest) === TAB)) rest++;
      if (rest === contentEnd) {
        // A closing fence.
        const outermost = open.findIndex((size) => size <= fence);
        if (outermost !== -1) open.length = outermost;
      } else if (isAsciiLetter(text.charCodeAt(colons))) {
        open.push(fence);
      }
    }
    if (open.length + markers.length > limit) {
      // The first marker or fence beyond the limit.
      const index = limit - open.length;
      const offset = index >= 0 && index < markers.length ? markers[index] : position;
      return tooDeep(offset, Math.max(offset + 1, contentEnd), limit);
    }
    const label = labels.scanLine(lineStart, lineEnd, firstUnit === -1 || (firstUnit <= SPACE || firstUnit >= 128 ? text.slice(lineStart, contentEnd).trim() === '' : false));
    if (label !== null) return tooDeep(label, label + 1, limit);
    lineStart = lineEnd + 1;
  }
  return null;
}


function tooDeep(offset: number, endOffset: number, limit: number): ProblemFact {
  return {
    offset,
    endOffset,
    severity: 'error',
    message: `nesting deeper than ${limit} levels (containers, block quotes, list items or directive labels): the file is not read and the tool does not edit it`,
    ruleId: NESTING_RULE,
  };
}

/** Bracket depth inside text directive labels, line by line; a blank line ends every label. */
class LabelDepth {
  /** Open brackets since the outermost open directive label. */
  private depth = 0;
  private readonly openBrackets: NextIndex;
  private readonly closeBrackets: NextIndex;
  private readonly backslashes: NextIndex;

  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {
    this.openBrackets = new NextIndex(text, '[');
    this.closeBrackets = new NextIndex(text, ']');
    this.backslashes = new NextIndex(text, '\\');
  }

  /** Scans one line; returns the offset where the depth first exceeds the limit (the directive's `:` or the `[`), or null. */
  scanLine(start: number, end: number, blank: boolean): number | null {
    const text = this.text;
    if (blank) {
      this.depth = 0;
      return null;
    }
    let offset = start;
    while (offset < end) {
      // Outside labels only a `[` can matter (one after a backslash is never a label's: no name before it); inside, `[`, `]` and `\\`.
      offset = this.depth === 0 ? this.openBrackets.from(offset) : Math.min(this.openBrackets.from(offset), this.closeBrackets.from(offset), this.backslashes.from(offset));
      if (offset >= end) return null;
      const char = text.charCodeAt(offset);
      if (char === 0x5c) {
        offset += 2;
        continue;
      }
      if (char === 0x5b) {
        const directive = this.depth === 0 ? directiveStart(text, offset) : -1;
        if (this.depth > 0 || directive !== -1) {
          if (++this.depth > this.limit) return directiveStart(text, offset) === -1 ? offset : directiveStart(text, offset);
        }
      } else if (this.depth > 0) {
        this.depth--;
      }
      offset++;
    }
    return null;
  }
}

/** The offset of the `:` of a text directive whose label opens at `bracket` (`:name[`), or -1. */
function directiveStart(text: string, bracket: number): number {
  let index = bracket - 1;
  while (index >= 0 && isNameUnit(text.charCodeAt(index))) index--;
  if (index < 0 || index === bracket - 1 || text.charCodeAt(index) !== COLON || !isAsciiLetter(text.charCodeAt(index + 1))) return -1;
  return index;
}

/** `[A-Za-z0-9_-]`. */
function isNameUnit(unit: number): boolean {
  return isAsciiLetter(unit) || isDigit(unit) || unit === 0x5f || unit === 0x2d;
}
