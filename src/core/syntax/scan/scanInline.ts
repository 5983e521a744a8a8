import { CODE_DIRECTIVE, type DirectiveRead, type FactCollector } from '../factCollector';
import type { BlockRecorder } from './blockRecorder';
import { isAsciiPunctuation } from './characters';
import { nameText, readAttributes, readLabel, readName } from './directiveSyntax';
import { Undecided } from './undecided';
import { NextIndex } from '../nextIndex';

const BACKSLASH = 0x5c;
const GRAVE = 0x60;
const COLON = 0x3a;
const LESS = 0x3c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const OPEN_BRACE = 0x7b;

/**
 * Finds the next character `scanInline` acts on (`:`, `\\`, a backtick, `<`,
 * `]`) in one text, remembering the last answer: a search that ran past the
 * paragraph it was for serves the following paragraphs too, so the whole
 * text is searched about once. Finds the end of simple labels the same way.
 */
export class SpecialCharacters {
  private readonly pattern = /[:\\`<\]]/g;
  private searchedFrom = -1;
  private found = -1;
  private readonly openBrackets: NextIndex;
  private readonly closeBrackets: NextIndex;
  private readonly backslashes: NextIndex;
  private readonly newlines: NextIndex;

  constructor(private readonly text: string) {
    this.openBrackets = new NextIndex(text, '[');
    this.closeBrackets = new NextIndex(text, ']');
    this.backslashes = new NextIndex(text, '\\');
    this.newlines = new NextIndex(text, '\n');
  }

  /**
   * The end (after its `]`) of a directive label whose `[` is at `start`,
   * when it closes before `end` with no `[`, `\\` or line ending in it, as
   * most labels do (then `readLabel` gives the same); else -1. The text has
   * no lone carriage return (the scanner leaves those to micromark), so a
   * label without `\n` has no line ending.
   */
  simpleLabelEnd(start: number, end: number): number {
    const close = this.closeBrackets.from(start + 1);
    if (close >= end) return -1;
    if (this.openBrackets.from(start + 1) < close || this.backslashes.from(start + 1) < close || this.newlines.from(start + 1) < close) return -1;
    return close + 1;
  }

  /** Offset of the first such character at or after `offset` (the text length when there is none). */
  from(offset: number): number {
    if (offset >= this.searchedFrom && offset <= this.found) return this.found;
    this.pattern.lastIndex = offset;
    // `test`, not `exec`: no match object; the match is one character, so it ends right after it.
    this.searchedFrom = offset;
    this.found = this.pattern.test(this.text) ? this.pattern.lastIndex - 1 : this.text.length;
    return this.found;
  }
}

/** What else a caller of `scanInline` wants noted. */
export interface InlineExtras {
  /** For the edit engine's layout: the code spans, other directives and attribute blocks. */
  recorder?: BlockRecorder;
  /** Every text directive read (any name), with its end. */
  directives?: (DirectiveRead & { end: number })[];
}

/**
 * Reads the inline content `[start, end)` of a paragraph (or a directive
 * label) for what the facts need: text directives (their labels read the
 * same way, nested) and code spans, in which no directive is read. Escapes
 * are skipped as CommonMark reads them. Gives up (`Undecided`) on what might
 * be an autolink, inline HTML or a link with a destination.
 */
export function scanInline(text: string, start: number, end: number, collector: FactCollector, specials: SpecialCharacters, extras: InlineExtras = {}): void {
  let offset = start;
  /** Whether the unit before `offset` is a `:` that was not escaped (no text directive may follow it). */
  let afterColon = false;
  while (offset < end) {
    // Jump to the next character that can start something (most of a transcript is plain words).
    const next = specials.from(offset);
    if (next >= end) return;
    if (next > offset) {
      offset = next;
      afterColon = false;
    }
    const unit = text.charCodeAt(offset);
    if (unit === COLON) {
      if (!afterColon) {
        const after = textDirective(text, offset, end, collector, specials, extras);
        if (after !== -1) {
          offset = after;
          afterColon = false;
          continue;
        }
      }
      offset++;
      afterColon = true;
      continue;
    }
    afterColon = false;
    if (unit === BACKSLASH) {
      // An escaped `:` may start a directive right after it.
      offset += offset + 1 < end && isAsciiPunctuation(text.charCodeAt(offset + 1)) ? 2 : 1;
    } else if (unit === GRAVE) {
      offset = codeSpan(text, offset, end, collector, extras.recorder);
    } else if (unit === LESS) {
      const next = offset + 1 < end ? text.charCodeAt(offset + 1) : -1;
      if ((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || next === 0x2f || next === 0x21 || next === 0x3f) throw new Undecided('autolinks and inline HTML');
      offset++;
    } else if (unit === CLOSE_BRACKET && offset + 1 < end && text.charCodeAt(offset + 1) === OPEN_PAREN) {
      throw new Undecided('links with a destination');
    } else {
      offset++;
    }
  }
}

/** A code span whose opening backtick run starts at `start`: the offset after it (or after the run when it does not close). */
function codeSpan(text: string, start: number, end: number, collector: FactCollector, recorder: BlockRecorder | undefined): number {
  let offset = start;
  while (offset < end && text.charCodeAt(offset) === GRAVE) offset++;
  const size = offset - start;
  for (let search = offset; search < end; ) {
    if (text.charCodeAt(search) !== GRAVE) {
      search++;
      continue;
    }
    const runStart = search;
    while (search < end && text.charCodeAt(search) === GRAVE) search++;
    if (search - runStart === size) {
      collector.literal(start, search);
      if (recorder) {
        recorder.hazards.push({ start, end: search, inner: null, what: 'inline code' });
        recorder.opaqueRange(start, search);
        recorder.constructRead(search);
      }
      return search;
    }
  }
  return offset;
}

/** A text directive at `start` (a `:`): reads it into the collector and returns its end, or -1 when there is none. */
function textDirective(text: string, start: number, end: number, collector: FactCollector, specials: SpecialCharacters, extras: InlineExtras): number {
  const recorder = extras.recorder;
  const nameEnd = readName(text, start + 1, end);
  if (nameEnd === -1 || (nameEnd < end && text.charCodeAt(nameEnd) === COLON)) return -1;
  const directive: DirectiveRead = { kind: 'text', start, name: nameText(text, start + 1, nameEnd), attributes: [], labelStart: -1, labelEnd: -1, openColons: 0, closeFence: -1 };
  let offset = nameEnd;
  if (offset < end && text.charCodeAt(offset) === OPEN_BRACKET) {
    const simple = specials.simpleLabelEnd(offset, end);
    const labelEnd = simple !== -1 ? simple : readLabel(text, offset, end, false);
    if (labelEnd !== -1) {
      directive.labelStart = offset;
      directive.labelEnd = labelEnd;
      scanInline(text, offset + 1, labelEnd - 1, collector, specials, extras);
      offset = labelEnd;
    }
  }
  if (offset < end && text.charCodeAt(offset) === OPEN_BRACE) {
    const read = readAttributes(text, offset, end, false);
    if (read) {
      directive.attributes = read.attributes;
      recorder?.opaqueRange(offset, read.end);
      offset = read.end;
    }
  }
  collector.directive(directive, offset);
  extras.directives?.push({ ...directive, end: offset });
  recorder?.constructRead(offset);
  if (recorder && directive.name !== CODE_DIRECTIVE) {
    // Where the label's text nodes end across a line ending is mdast's business: ask it.
    if (directive.labelStart !== -1 && /[\r\n]/.test(text.slice(directive.labelStart, directive.labelEnd))) throw new Undecided('line endings in the labels of other directives');
    const inner = directive.labelEnd - directive.labelStart > 2 ? { start: directive.labelStart + 1, end: directive.labelEnd - 1 } : null;
    recorder.hazards.push({ start, end: offset, inner, what: 'another directive' });
  }
  return offset;
}
