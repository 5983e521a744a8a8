import type { ProblemFact } from './transcriptFacts';

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

const OPENING_FENCE = /^(:{3,})[A-Za-z]/;
const CLOSING_FENCE = /^(:{3,})[ \t]*$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_MARKER = /^(?:[-+*]|[0-9]{1,9}[.)])(?=[ \t]|$)/;
const DIRECTIVE_NAME_CHAR = /[A-Za-z0-9_-]/;
/** 1 for the characters a block quote or list marker, or a container fence, may start with. */
const MAY_OPEN = new Uint8Array(128);
for (const character of '>-+*:0123456789') MAY_OPEN[character.charCodeAt(0)] = 1;

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
  const labels = new LabelDepth(text, limit);
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    // Most lines start with a letter: no marker or fence there, only labels to count.
    let first = lineStart;
    while (first < lineEnd && (text.charCodeAt(first) === 0x20 || text.charCodeAt(first) === 0x09)) first++;
    const firstUnit = first < lineEnd ? text.charCodeAt(first) : -1;
    if (firstUnit > 0x20 && (firstUnit < 128 ? MAY_OPEN[firstUnit] === 0 : !/\s/.test(text[first]))) {
      const label = labels.scanLine(lineStart, lineEnd, false);
      if (label !== null) return tooDeep(label, label + 1, limit);
      lineStart = lineEnd + 1;
      continue;
    }
    const line = text.slice(lineStart, lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd);
    const markers: number[] = [];
    let position = 0;
    for (;;) {
      while (line[position] === ' ' || line[position] === '\t') position++;
      if (line[position] === '>') {
        markers.push(position++);
        continue;
      }
      const rest = line.slice(position);
      if (THEMATIC_BREAK.test(rest)) break;
      const marker = LIST_MARKER.exec(rest);
      if (!marker) break;
      markers.push(position);
      position += marker[0].length;
    }
    const rest = line.slice(position);
    const closing = CLOSING_FENCE.exec(rest);
    if (closing) {
      const outermost = open.findIndex((size) => size <= closing[1].length);
      if (outermost !== -1) open.length = outermost;
    }
    const opening = closing ? null : OPENING_FENCE.exec(rest);
    if (opening) open.push(opening[1].length);
    if (open.length + markers.length > limit) {
      // The first marker or fence beyond the limit.
      const index = limit - open.length;
      const column = index >= 0 && index < markers.length ? markers[index] : position;
      const offset = lineStart + column;
      return tooDeep(offset, Math.max(offset + 1, lineStart + line.length), limit);
    }
    const label = labels.scanLine(lineStart, lineEnd, line.trim() === '');
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

  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {}

  /** Scans one line; returns the offset where the depth first exceeds the limit (the directive's `:` or the `[`), or null. */
  scanLine(start: number, end: number, blank: boolean): number | null {
    const text = this.text;
    if (blank) {
      this.depth = 0;
      return null;
    }
    for (let offset = start; offset < end; offset++) {
      if (this.depth === 0) {
        // Outside labels only a `[` can matter (one after a backslash is never a label's: no name before it).
        offset = text.indexOf('[', offset);
        if (offset === -1 || offset >= end) return null;
      }
      const char = text.charCodeAt(offset);
      if (char === 0x5c) {
        offset++;
      } else if (char === 0x5b) {
        const directive = this.depth === 0 ? directiveStart(text, offset) : -1;
        if (this.depth === 0 && directive === -1) continue;
        if (++this.depth > this.limit) return directiveStart(text, offset) === -1 ? offset : directiveStart(text, offset);
      } else if (char === 0x5d && this.depth > 0) {
        this.depth--;
      }
    }
    return null;
  }
}

/** The offset of the `:` of a text directive whose label opens at `bracket` (`:name[`), or -1. */
function directiveStart(text: string, bracket: number): number {
  let index = bracket - 1;
  while (index >= 0 && DIRECTIVE_NAME_CHAR.test(text[index])) index--;
  if (index < 0 || index === bracket - 1 || text[index] !== ':' || !/[A-Za-z]/.test(text[index + 1])) return -1;
  return index;
}
