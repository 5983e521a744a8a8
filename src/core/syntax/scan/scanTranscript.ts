import { FactCollector, type DirectiveRead } from '../factCollector';
import { findDeepNesting } from '../nestingLimit';
import { refusedFacts } from '../analyseTranscript';
import type { TranscriptFacts } from '../transcriptFacts';
import { CR, isSpace, LF, SPACE, TAB } from './characters';
import { nameText, readAttributes, readLabel, readName } from './directiveSyntax';
import { scanInline, SpecialCharacters, type InlineExtras } from './scanInline';
import { Undecided } from './undecided';
import { BlockRecorder } from './blockRecorder';
import { isAsciiLetter, isSetextUnderline, isThematicBreak, listMarkerEnd } from '../blockMarkers';

const HASH = 0x23;
const COLON = 0x3a;
const GRAVE = 0x60;
const TILDE = 0x7e;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;

const FRONT_MATTER_FENCE = /^---[ \t]*$/;
/** 1 for the first characters of lines that may be a setext underline, thematic break, list item or HTML. */
const MAYBE_BLOCK_MARKUP = new Uint8Array(128);
for (const character of '-=*_+<0123456789') MAYBE_BLOCK_MARKUP[character.charCodeAt(0)] = 1;

/**
 * Reads a transcript's facts with a scanner made for transcripts, in one pass
 * over its lines: front matter, ATX headings, paragraphs, fenced and indented
 * code, thematic breaks, `code` text and container directives (and the fences
 * of any other container). It reads them as micromark with the directive and
 * front matter extensions does (`analyseTranscript`, its oracle) and returns
 * the same facts. Where it cannot be sure of that (lists, block quotes, HTML,
 * setext headings, links, markup in headings, tabs in indentation, lone
 * carriage returns) it returns null, and the caller asks micromark.
 */
export function scanTranscript(text: string): TranscriptFacts | null {
  const read = scanOrExplain(text);
  return typeof read === 'string' ? null : read;
}

/** Like `scanTranscript`, but says which construct it left to micromark instead of null. */
export function scanOrExplain(text: string): TranscriptFacts | string {
  const deep = findDeepNesting(text);
  if (deep) return refusedFacts(deep);
  const collector = new FactCollector(text);
  const undecided = scanWith(text, collector);
  return undecided ?? collector.finish();
}

/**
 * The blocks and inline constructs of a transcript with the positions the
 * Markdown parser gives them (for the edit engine's layout), or null where
 * the scanner leaves the file to micromark (the caller parses it then).
 * `nestingChecked`: the caller's facts of this text show it within the
 * nesting limit (`findDeepNesting` found nothing), so it need not look again.
 */
export function scanBlocks(text: string, nestingChecked = false): BlockRecorder | null {
  if (!nestingChecked && findDeepNesting(text)) return null;
  const recorder = new BlockRecorder();
  return scanWith(text, new FactCollector(text), recorder) === null ? recorder : null;
}

/**
 * The facts of a transcript and, in the same pass, its block and inline
 * positions (what `scanTranscript` and `scanBlocks` give, for one scan
 * instead of two: the edit engine needs both). `blocks` is null for a text
 * refused for its nesting; the result is null where the scanner leaves the
 * file to micromark.
 */
export function scanWithBlocks(text: string): { facts: TranscriptFacts; blocks: BlockRecorder | null } | null {
  const deep = findDeepNesting(text);
  if (deep) return { facts: refusedFacts(deep), blocks: null };
  const collector = new FactCollector(text);
  const recorder = new BlockRecorder();
  return scanWith(text, collector, recorder) === null ? { facts: collector.finish(), blocks: recorder } : null;
}

/** Runs the block scanner; returns the construct it left to micromark, or null when it read the whole text. */
function scanWith(text: string, collector: FactCollector, recorder?: BlockRecorder): string | null {
  if (hasLoneCarriageReturn(text)) return 'lone carriage returns';
  if (text.includes('\u0000')) return 'NUL characters';
  try {
    new BlockScanner(text, collector, recorder).run();
  } catch (error) {
    if (error instanceof Undecided) return error.construct;
    throw error;
  }
  return null;
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let index = text.indexOf('\r'); index !== -1; index = text.indexOf('\r', index + 1)) {
    if (text.charCodeAt(index + 1) !== LF) return true;
  }
  return false;
}

/** One document level: the file, or the content of an open container directive. */
interface Level {
  container: DirectiveRead | null;
  /** Start of the open paragraph, or -1. */
  paragraph: number;
  /** End of the open paragraph's last line (without its terminator). */
  paragraphEnd: number;
  /** The open fenced code: its marker, fence length, start (its line's) and where its fence starts, or null. */
  fence: { marker: number; size: number; start: number; fenceStart: number } | null;
  /** The indented code being read (recorded for the layout only): its start and the end of its last non-blank line. */
  indented: { start: number; end: number } | null;
}

class BlockScanner {
  private readonly levels: Level[] = [{ container: null, paragraph: -1, paragraphEnd: -1, fence: null, indented: null }];
  private readonly specials: SpecialCharacters;
  /** What `scanInline` is asked to note in paragraphs (one object for them all). */
  private readonly paragraphExtras: InlineExtras;

  constructor(
    private readonly text: string,
    private readonly collector: FactCollector,
    private readonly recorder?: BlockRecorder,
  ) {
    this.specials = new SpecialCharacters(text);
    this.paragraphExtras = { recorder };
  }

  run(): void {
    const text = this.text;
    let lineStart = this.frontMatter();
    while (lineStart < text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      this.line(lineStart, contentEnd);
      lineStart = newline === -1 ? text.length : newline + 1;
    }
    this.closeLevels(1, text.length, -1, text.length);
    this.closeBlocks(this.levels[0], text.length);
  }

  /** Reads the front matter, when the file opens with a closed one; returns where the rest starts. */
  private frontMatter(): number {
    const text = this.text;
    if (!text.startsWith('---')) return 0;
    const firstEnd = text.indexOf('\n');
    if (firstEnd === -1 || !FRONT_MATTER_FENCE.test(text.slice(0, trimCr(text, firstEnd)))) return 0;
    let valueStart = -1;
    let valueEnd = -1;
    let valueLine = 0;
    let line = 2;
    for (let lineStart = firstEnd + 1; lineStart <= text.length; line++) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      const contentEnd = trimCr(text, lineEnd);
      if (FRONT_MATTER_FENCE.test(text.slice(lineStart, contentEnd))) {
        if (valueStart !== -1) this.collector.frontMatter = { value: text.slice(valueStart, valueEnd), line: valueLine, offset: valueStart };
        this.collector.frontMatterBlock(0, contentEnd);
        return newline === -1 ? text.length : newline + 1;
      }
      if (newline === -1) return 0;
      if (contentEnd > lineStart) {
        if (valueStart === -1) {
          valueStart = lineStart;
          valueLine = line;
        }
        valueEnd = contentEnd;
      }
      lineStart = newline + 1;
    }
    return 0;
  }

  private line(lineStart: number, lineEnd: number): void {
    const text = this.text;
    let position = lineStart;
    // Columns of indentation: a tab goes to the next multiple of four.
    let indent = 0;
    for (; position < lineEnd; position++) {
      const unit = text.charCodeAt(position);
      if (unit === SPACE) indent++;
      else if (unit === TAB) indent += 4 - (indent % 4);
      else break;
    }
    const blank = position === lineEnd;
    const first = blank ? -1 : text.charCodeAt(position);

    // A closing fence of an open container closes it (and everything in it), whatever the content is doing.
    if (first === COLON && indent < 4 && this.levels.length > 1) {
      let colons = position;
      while (colons < lineEnd && text.charCodeAt(colons) === COLON) colons++;
      let rest = colons;
      while (rest < lineEnd && isSpace(text.charCodeAt(rest))) rest++;
      if (rest === lineEnd) {
        const size = colons - position;
        for (let depth = 1; depth < this.levels.length; depth++) {
          if ((this.levels[depth].container as DirectiveRead).openColons <= size) {
            this.closeLevels(depth, lineStart, position, lineEnd);
            return;
          }
        }
      }
    }

    const level = this.levels[this.levels.length - 1];
    if (level.fence) {
      if (indent < 4 && first === level.fence.marker) {
        let run = position;
        while (run < lineEnd && text.charCodeAt(run) === first) run++;
        let rest = run;
        while (rest < lineEnd && isSpace(text.charCodeAt(rest))) rest++;
        if (run - position >= level.fence.size && rest === lineEnd) {
          this.collector.literal(level.fence.start, lineEnd);
          this.codeBlock(level, level.fence.fenceStart, lineEnd);
          level.fence = null;
        }
      }
      return;
    }
    if (blank) {
      this.endParagraph(level);
      // A blank line indented as code belongs to the indented code around it (mdast ends the block after it).
      if (indent >= 4 && level.indented) level.indented.end = lineEnd;
      return;
    }
    if (indent >= 4) {
      if (level.paragraph !== -1) level.paragraphEnd = lineEnd;
      else {
        this.collector.literal(lineStart, lineEnd);
        if (level.indented) level.indented.end = lineEnd;
        else level.indented = { start: lineStart, end: lineEnd };
      }
      return;
    }
    this.endIndented(level);
    // Only lines that start with one of `-=*_+<` or a digit can be a setext underline, thematic break, list item or HTML.
    const markup = MAYBE_BLOCK_MARKUP[first] === 1;
    if (markup && level.paragraph !== -1 && isSetextUnderline(text, position, lineEnd)) throw new Undecided('setext headings');
    switch (first) {
      case HASH:
        if (this.heading(level, position, lineEnd)) return;
        break;
      case GRAVE:
      case TILDE:
        if (this.openFence(level, lineStart, position, lineEnd)) return;
        break;
      case 0x3e: // >
        throw new Undecided('block quotes');
      case 0x3c: // <
        if (position + 1 < lineEnd && startsHtml(text.charCodeAt(position + 1))) throw new Undecided('HTML blocks');
        break;
      case COLON:
        if (this.openContainer(level, lineStart, position, lineEnd)) return;
        break;
      default:
        break;
    }
    if (markup && isThematicBreak(text, position, lineEnd)) {
      this.endParagraph(level);
      this.block(level, position, lineEnd);
      return;
    }
    if (markup && listMarkerEnd(text, position, lineEnd) !== -1) throw new Undecided('lists');
    if (level.paragraph === -1) {
      level.paragraph = position;
      this.collector.paragraphs.push(position);
    }
    level.paragraphEnd = lineEnd;
  }

  /** An ATX heading at `start`, when it is one. */
  private heading(level: Level, start: number, lineEnd: number): boolean {
    const text = this.text;
    let hashes = start;
    while (hashes < lineEnd && text.charCodeAt(hashes) === HASH) hashes++;
    const depth = hashes - start;
    if (depth > 6 || (hashes < lineEnd && !isSpace(text.charCodeAt(hashes)))) return false;
    this.endParagraph(level);
    let content = text.slice(hashes, lineEnd).replace(/[ \t]+$/, '');
    const closing = /(^|[ \t])#+$/.exec(content);
    if (closing) content = content.slice(0, closing.index);
    const contentStart = hashes + content.length - content.replace(/^[ \t]+/, '').length;
    const contentEnd = hashes + content.replace(/[ \t]+$/, '').length;
    // Directives in a heading are read as in a paragraph; the heading's text is what their markup leaves.
    const directives: (DirectiveRead & { end: number })[] = [];
    if (text.slice(contentStart, contentEnd).includes(':')) scanInline(text, contentStart, contentEnd, this.collector, this.specials, { recorder: this.recorder, directives });
    const data = dataText(text, contentStart, contentEnd, directives.sort((a, b) => a.start - b.start));
    for (let index = 0; index < data.length; index++) {
      const unit = data.charCodeAt(index);
      // What would make any of the heading's text other than plain data.
      if (unit === 0x5c || unit === 0x26 || unit === GRAVE || unit === 0x3c || unit === OPEN_BRACKET || unit === 0x5d || unit === 0x2a || unit === 0x5f) throw new Undecided('markup in headings');
      if (unit === COLON && index + 1 < data.length && data.charCodeAt(index + 1) !== SPACE) throw new Undecided('markup in headings');
    }
    this.collector.headings.push({ depth, text: data.replace(/\s+/g, ' ').trim(), offset: start });
    if (this.recorder) {
      this.block(level, start, lineEnd);
      if (contentEnd > contentStart) this.recorder.textBlocks.push({ start: contentStart, end: contentEnd });
      this.recorder.inlineRead(text, contentStart, contentEnd);
    }
    return true;
  }

  /** A code fence at `start`, when it is one. */
  private openFence(level: Level, lineStart: number, start: number, lineEnd: number): boolean {
    const text = this.text;
    const marker = text.charCodeAt(start);
    let run = start;
    while (run < lineEnd && text.charCodeAt(run) === marker) run++;
    if (run - start < 3) return false;
    if (marker === GRAVE && text.slice(run, lineEnd).includes('`')) return false;
    this.endParagraph(level);
    level.fence = { marker, size: run - start, start: lineStart, fenceStart: start };
    return true;
  }

  /** A leaf directive, or a container directive's opening fence, at `start`, when it is one. */
  private openContainer(level: Level, lineStart: number, start: number, lineEnd: number): boolean {
    const text = this.text;
    let offset = start;
    while (offset < lineEnd && text.charCodeAt(offset) === COLON) offset++;
    const colons = offset - start;
    if (colons < 2) return false;
    const nameEnd = readName(text, offset, lineEnd);
    if (nameEnd === -1) return false;
    offset = nameEnd;
    let label: [number, number] | null = null;
    if (offset < lineEnd && text.charCodeAt(offset) === OPEN_BRACKET) {
      const simple = this.specials.simpleLabelEnd(offset, lineEnd);
      const labelEnd = simple !== -1 ? simple : readLabel(text, offset, lineEnd, true);
      if (labelEnd === -1) return false;
      label = [offset + 1, labelEnd - 1];
      offset = labelEnd;
    }
    let attributes: [string, string][] = [];
    if (offset < lineEnd && text.charCodeAt(offset) === OPEN_BRACE) {
      const read = readAttributes(text, offset, lineEnd, true);
      if (!read) return false;
      attributes = read.attributes;
      offset = read.end;
    }
    while (offset < lineEnd && isSpace(text.charCodeAt(offset))) offset++;
    if (offset !== lineEnd) return false;
    if (colons > 2 && start > lineStart) throw new Undecided('indented container fences');
    this.endParagraph(level);
    // A container's label is a paragraph in it; a leaf's is no text block.
    const recorder = colons > 2 ? this.recorder : undefined;
    if (label) scanInline(text, label[0], label[1], this.collector, this.specials, { recorder });
    const directive: DirectiveRead = { kind: colons === 2 ? 'leaf' : 'container', start, name: nameText(text, start + colons, nameEnd), attributes, labelStart: -1, labelEnd: -1, openColons: colons, closeFence: -1 };
    if (colons === 2) {
      this.collector.directive(directive, lineEnd);
      this.block(level, start, lineEnd);
    } else {
      if (recorder && label) {
        recorder.blocks.push({ start: label[0] - 1, end: label[1] + 1, container: start });
        if (label[1] > label[0]) recorder.textBlocks.push({ start: label[0], end: label[1] });
        recorder.inlineRead(text, label[0], label[1]);
      }
      this.levels.push({ container: directive, paragraph: -1, paragraphEnd: -1, fence: null, indented: null });
    }
    return true;
  }

  /**
   * Closes the containers from `depth` inwards: the one at `depth` by the
   * fence at `fence` (or by the end of the file, `fence` -1), ending at `end`;
   * those inside it end where its closing line starts.
   */
  private closeLevels(depth: number, lineStart: number, fence: number, end: number): void {
    while (this.levels.length > depth) {
      const level = this.levels.pop() as Level;
      const container = level.container as DirectiveRead;
      const outermost = this.levels.length === depth;
      this.closeBlocks(level, lineStart);
      if (outermost && fence !== -1) container.closeFence = fence;
      this.collector.directive(container, outermost ? end : lineStart);
      if (this.recorder) {
        const closedAt = outermost ? end : lineStart;
        this.block(this.levels[this.levels.length - 1], container.start, closedAt);
        this.recorder.fences.push({ start: container.start, end: closedAt, colons: container.openColons });
      }
    }
  }

  /** Ends what is open in a level at `end`. */
  private closeBlocks(level: Level, end: number): void {
    this.endParagraph(level);
    if (level.fence) {
      this.collector.literal(level.fence.start, end);
      this.codeBlock(level, level.fence.fenceStart, end);
      level.fence = null;
    }
    this.endIndented(level);
  }

  private endParagraph(level: Level): void {
    if (level.paragraph === -1) return;
    const start = level.paragraph;
    const end = level.paragraphEnd;
    level.paragraph = -1;
    if (this.text.charCodeAt(start) === OPEN_BRACKET && this.text.slice(start, end).includes(']:')) throw new Undecided('link reference definitions');
    scanInline(this.text, start, end, this.collector, this.specials, this.paragraphExtras);
    if (this.recorder) {
      this.block(level, start, end);
      let textEnd = end;
      while (textEnd > Math.max(start, this.recorder.constructEnd) && (this.text.charCodeAt(textEnd - 1) === SPACE || this.text.charCodeAt(textEnd - 1) === TAB)) textEnd--;
      this.recorder.textBlocks.push({ start, end: textEnd });
      this.recorder.inlineRead(this.text, start, end);
    }
  }

  private endIndented(level: Level): void {
    if (!level.indented) return;
    this.codeBlock(level, level.indented.start, level.indented.end);
    level.indented = null;
  }

  /** A fenced or indented code block, for the layout. */
  private codeBlock(level: Level, start: number, end: number): void {
    if (!this.recorder) return;
    this.block(level, start, end);
    this.recorder.codeBlocks.push({ start, end });
  }

  /** A block of a level, for the layout. */
  private block(level: Level, start: number, end: number): void {
    this.recorder?.blocks.push({ start, end, container: level.container ? level.container.start : -1 });
  }
}

/**
 * The text of inline content `[start, end)` without the markup of its text
 * directives (`directives`, every one in it, by start): their labels' text
 * stays, as micromark's data tokens give it.
 */
function dataText(text: string, start: number, end: number, directives: readonly (DirectiveRead & { end: number })[]): string {
  let next = 0;
  const read = (from: number, to: number): string => {
    let out = '';
    let position = from;
    while (next < directives.length && directives[next].start < to) {
      const directive = directives[next++];
      out += text.slice(position, directive.start);
      if (directive.labelStart !== -1) out += read(directive.labelStart + 1, directive.labelEnd - 1);
      position = directive.end;
    }
    return out + text.slice(position, to);
  };
  return read(start, end);
}

/** Whether a `<` followed by `unit` may open an HTML block (a letter, `/`, `!` or `?`). */
function startsHtml(unit: number): boolean {
  return isAsciiLetter(unit) || unit === 0x2f || unit === 0x21 || unit === 0x3f;
}

/** `end` without a `\r` right before it. */
function trimCr(text: string, end: number): number {
  return end > 0 && text.charCodeAt(end - 1) === CR ? end - 1 : end;
}
