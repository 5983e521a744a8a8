import { CODE_DIRECTIVE, decodeAttribute } from '../factCollector';
import { isLineEnding, isLineEndingOrSpace, isSpace, isUnicodePunctuation, isUnicodeWhitespace, LF, CR } from './characters';

/**
 * The parts of a directive, read the way micromark-extension-directive reads
 * them (factory-name, factory-label and factory-attributes), on the raw text
 * up to `end` (the end of the paragraph or line the directive is in). Each
 * reader returns where its part ends, or -1 where the extension gives up.
 */

const DASH = 0x2d;
const UNDERSCORE = 0x5f;
const DOT = 0x2e;
const COLON = 0x3a;
const HASH = 0x23;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const LESS = 0x3c;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const GRAVE = 0x60;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BACKSLASH = 0x5c;

/** Most brackets a label may nest (micromark's `linkResourceDestinationBalanceMax`). */
const LABEL_BALANCE_MAX = 32;
/** Most escapes a label may hold (micromark's `linkReferenceSizeMax`, as the directive label counts it). */
const LABEL_SIZE_MAX = 999;

/** Offset after a line ending at `offset` (`\r\n` is one). */
function afterLineEnding(text: string, offset: number): number {
  return text.charCodeAt(offset) === CR && text.charCodeAt(offset + 1) === LF ? offset + 2 : offset + 1;
}

/** A directive name starting at `start`: its end, or -1. */
export function readName(text: string, start: number, end: number): number {
  if (start >= end) return -1;
  const first = text.charCodeAt(start);
  if (isLineEnding(first) || isUnicodePunctuation(first) || isUnicodeWhitespace(first)) return -1;
  let offset = start + 1;
  for (; offset < end; offset++) {
    const unit = text.charCodeAt(offset);
    if (isLineEnding(unit) || isUnicodeWhitespace(unit) || (isUnicodePunctuation(unit) && unit !== DASH && unit !== UNDERSCORE)) break;
  }
  const last = text.charCodeAt(offset - 1);
  return last === DASH || last === UNDERSCORE ? -1 : offset;
}

/** The directive name `[start, end)`: the shared `code` string when it is that name (no new string for most directives). */
export function nameText(text: string, start: number, end: number): string {
  if (end - start === CODE_DIRECTIVE.length && text.startsWith(CODE_DIRECTIVE, start)) return CODE_DIRECTIVE;
  return text.slice(start, end);
}

/** A label whose `[` is at `start`: the offset after its `]`, or -1. */
export function readLabel(text: string, start: number, end: number, disallowEol: boolean): number {
  let offset = start + 1;
  if (offset < end && text.charCodeAt(offset) === CLOSE_BRACKET) return offset + 1;
  let balance = 0;
  let size = 0;
  while (offset < end) {
    if (size > LABEL_SIZE_MAX) return -1;
    const unit = text.charCodeAt(offset);
    if (unit === OPEN_BRACKET && ++balance > LABEL_BALANCE_MAX) return -1;
    if (unit === CLOSE_BRACKET && !balance--) return offset + 1;
    if (isLineEnding(unit)) {
      if (disallowEol) return -1;
      offset = afterLineEnding(text, offset);
      continue;
    }
    offset++;
    if (unit === BACKSLASH && offset < end) {
      const next = text.charCodeAt(offset);
      if (next === OPEN_BRACKET || next === BACKSLASH || next === CLOSE_BRACKET) {
        offset++;
        size++;
      }
    }
  }
  return -1;
}

/** Attributes read from a block, `[key, value]` in order (values decoded), and the offset after its `}`. */
export interface AttributesRead {
  end: number;
  attributes: [string, string][];
}

/** Skips spaces and tabs, and line endings too unless `disallowEol`. */
function skipWhitespace(text: string, offset: number, end: number, disallowEol: boolean): number {
  while (offset < end) {
    const unit = text.charCodeAt(offset);
    if (isSpace(unit)) offset++;
    else if (!disallowEol && isLineEnding(unit)) offset = afterLineEnding(text, offset);
    else break;
  }
  return offset;
}

/** An attribute block whose `{` is at `start`, or null where the extension gives up. */
export function readAttributes(text: string, start: number, end: number, disallowEol: boolean): AttributesRead | null {
  // Each unit is read in place, -1 at `end` (a helper for that was not inlined here, and cost more than the reading).
  const attributes: [string, string][] = [];
  let offset = start + 1;
  for (;;) {
    // between
    const unit = offset < end ? text.charCodeAt(offset) : -1;
    if (unit === HASH || unit === DOT) {
      offset++;
      const first = offset < end ? text.charCodeAt(offset) : -1;
      if (first === -1 || first === QUOTE || first === HASH || first === APOSTROPHE || first === DOT || first === LESS || first === EQUALS || first === GREATER || first === GRAVE || first === CLOSE_BRACE || isLineEndingOrSpace(first)) return null;
      const valueStart = offset;
      offset++;
      for (;;) {
        const next = offset < end ? text.charCodeAt(offset) : -1;
        if (next === -1 || next === QUOTE || next === APOSTROPHE || next === LESS || next === EQUALS || next === GREATER || next === GRAVE) return null;
        if (next === HASH || next === DOT || next === CLOSE_BRACE || isLineEndingOrSpace(next)) break;
        offset++;
      }
      attributes.push([unit === HASH ? 'id' : 'class', decodeAttribute(text.slice(valueStart, offset))]);
      continue;
    }
    if (unit !== -1 && (disallowEol ? isSpace(unit) : isLineEndingOrSpace(unit))) {
      offset = skipWhitespace(text, offset, end, disallowEol);
      continue;
    }
    if (unit === -1 || isLineEnding(unit) || isUnicodeWhitespace(unit) || (isUnicodePunctuation(unit) && unit !== DASH && unit !== UNDERSCORE)) {
      // end
      if (unit === CLOSE_BRACE) return { end: offset + 1, attributes };
      return null;
    }
    // An attribute name.
    const nameStart = offset;
    offset++;
    for (;;) {
      const next = offset < end ? text.charCodeAt(offset) : -1;
      if (next === -1 || isLineEnding(next) || isUnicodeWhitespace(next) || (isUnicodePunctuation(next) && next !== DASH && next !== DOT && next !== COLON && next !== UNDERSCORE)) break;
      offset++;
    }
    const entry: [string, string] = [text.slice(nameStart, offset), ''];
    attributes.push(entry);
    offset = skipWhitespace(text, offset, end, disallowEol);
    if (offset >= end || text.charCodeAt(offset) !== EQUALS) continue;
    offset++;
    // valueBefore
    for (;;) {
      const next = offset < end ? text.charCodeAt(offset) : -1;
      if (next === -1 || next === LESS || next === EQUALS || next === GREATER || next === GRAVE || next === CLOSE_BRACE || (disallowEol && isLineEnding(next))) return null;
      if (disallowEol ? isSpace(next) : isLineEndingOrSpace(next)) {
        offset = skipWhitespace(text, offset, end, disallowEol);
        continue;
      }
      break;
    }
    const marker = offset < end ? text.charCodeAt(offset) : -1;
    if (marker === QUOTE || marker === APOSTROPHE) {
      offset++;
      const valueStart = offset;
      for (;;) {
        const next = offset < end ? text.charCodeAt(offset) : -1;
        if (next === -1) return null;
        if (next === marker) break;
        if (isLineEnding(next)) {
          if (disallowEol) return null;
          offset = skipWhitespace(text, offset, end, false);
          continue;
        }
        offset++;
      }
      if (offset > valueStart) entry[1] = decodeAttribute(text.slice(valueStart, offset));
      offset++;
      // valueQuotedAfter
      const after = offset < end ? text.charCodeAt(offset) : -1;
      if (after === CLOSE_BRACE || (after !== -1 && isLineEndingOrSpace(after))) continue;
      return null;
    }
    const valueStart = offset;
    offset++;
    for (;;) {
      const next = offset < end ? text.charCodeAt(offset) : -1;
      if (next === -1 || next === QUOTE || next === APOSTROPHE || next === LESS || next === EQUALS || next === GREATER || next === GRAVE) return null;
      if (next === CLOSE_BRACE || isLineEndingOrSpace(next)) break;
      offset++;
    }
    entry[1] = decodeAttribute(text.slice(valueStart, offset));
  }
}
