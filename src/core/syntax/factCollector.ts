import { parseEntities } from 'parse-entities';
import { scanLabel } from './labelEscapes';
import { readFrontMatter } from './frontMatter';
import { LineIndex } from './lineIndex';
import { NextIndex } from './nextIndex';
import type { DirectiveFact, FrontMatterFact, HeadingFact, ProblemFact, TranscriptFacts } from './transcriptFacts';
import { FACTS_VERSION } from './transcriptFacts';

/** The directive name that marks codings. */
export const CODE_DIRECTIVE = 'code';

/**
 * A directive as a tokenizer read it (any name: the facts keep only `code`
 * directives, but every container's fences count). Filled by the micromark
 * walker (`analyseTranscript`) and by the transcript scanner alike.
 */
export interface DirectiveRead {
  kind: 'text' | 'container' | 'leaf';
  start: number;
  name: string;
  /** Attributes in the order written, as `[key, value]` (values decoded). */
  attributes: [string, string][];
  /** Label of a text directive: `[` offset and `]` offset + 1 (or -1). */
  labelStart: number;
  labelEnd: number;
  /** Colons of a container's opening fence (0 when unknown). */
  openColons: number;
  /** Offset of a container's closing fence (its first colon), or -1 when it has none. */
  closeFence: number;
}

/**
 * Turns what a tokenizer read (paragraphs, headings, front matter, literal
 * regions, directives) into `TranscriptFacts`, with every rule that derives
 * removals and problems from them. One collector per text; `finish` once.
 */
export class FactCollector {
  removals: number[] = [];
  directives: DirectiveFact[] = [];
  paragraphs: number[] = [];
  headings: HeadingFact[] = [];
  frontMatter: FrontMatterFact | null = null;
  problems: ProblemFact[] = [];
  /** Regions where `:code` is literal by construction (code, html), flat `[start, end, …]`. */
  private literalRegions: number[] = [];
  /** Where the `code` directives read start (nearly in order: nested ones come before the one around them). */
  private directiveStarts: number[] = [];
  /** Whole fence lines removed, by end offset (after the terminator) → start offset. */
  private fenceLines = new Map<number, number>();
  /** A closing fence on the last line of the file, without a line terminator. */
  private lastLineFence: { start: number; end: number; contentStart: number } | null = null;

  private readonly backslashes: NextIndex;

  constructor(private readonly text: string) {
    this.backslashes = new NextIndex(text, '\\');
  }

  /** A region (code, HTML) in which no directive is read. */
  literal(start: number, end: number): void {
    this.literalRegions.push(start, end);
  }

  /** The front matter block `[start, end)` (fences included): it and its closing line terminator are not plain text. */
  frontMatterBlock(start: number, end: number): void {
    if (!this.frontMatter) this.frontMatter = { value: '', line: lineOf(this.text, start) + 1, offset: nextLineStart(this.text, start) };
    this.removals.push(0, nextLineStart(this.text, Math.max(start, end - 1)));
  }

  /** A directive the tokenizer closed at `end`. */
  directive(directive: DirectiveRead, end: number): void {
    if (directive.name === CODE_DIRECTIVE) this.addDirective(directive, end);
  }

  /** The facts, once everything was read. */
  finish(): TranscriptFacts {
    this.settleLastLineFence();
    this.findMalformed();
    this.findUnclosedFrontMatter();
    const frontMatter = readFrontMatter(this.frontMatter, () => new LineIndex(this.text));
    this.problems.push(...frontMatter.problems);
    return {
      version: FACTS_VERSION,
      removals: this.removals,
      directives: this.directives,
      paragraphs: this.paragraphs,
      headings: this.headings,
      frontMatter: this.frontMatter,
      attributes: { id: frontMatter.id, coders: frontMatter.coders, values: frontMatter.attributes },
      problems: this.problems,
      refused: false,
    };
  }

  /**
   * A first line `---` followed by `key:` lines but no closing `---` is no
   * front matter to the parser (micromark-extension-frontmatter): it is read
   * as text, and the attributes are not read. Worth a warning.
   */
  private findUnclosedFrontMatter(): void {
    if (this.frontMatter) return;
    const opening = /^---[ \t]*\r?\n[A-Za-z_][A-Za-z0-9_-]*:(?:[ \t]|\r?\n|$)/.exec(this.text);
    if (!opening) return;
    this.problem(0, 3, 'warning', 'front matter is not closed: no line `---` ends it, so it is read as text and its attributes are not read (add a line `---` after the last attribute)', 'unclosed-front-matter');
  }

  private addDirective(directive: DirectiveRead, end: number): void {
    const attributes = collectAttributes(directive.attributes);
    if (directive.kind === 'text') this.addTextDirective(directive, end, attributes);
    else if (directive.kind === 'container') this.addContainerDirective(directive, end, attributes);
    else {
      this.directiveStarts.push(directive.start);
      this.problem(directive.start, end, 'warning', 'a leaf directive `::code` codes nothing: use `:code[…]{…}` inside a paragraph or `:::code{…}` around blocks', 'leaf-directive');
    }
  }

  private addTextDirective(directive: DirectiveRead, end: number, attributes: Record<string, string>): void {
    const start = directive.start;
    const nameEnd = start + 1 + CODE_DIRECTIVE.length;
    // A bare `:code` (no label, no attributes) is a typo, not a coding: it stays text.
    if (end === nameEnd) return;
    this.directiveStarts.push(start);
    // A `{` right after the directive is an attribute block the parser could not read: its codes are lost.
    if (directive.labelEnd === end && this.text.charCodeAt(end) === 0x7b) this.problems.push(attributeProblem(this.text, end, true));
    let contentStart = nameEnd;
    let contentEnd = nameEnd;
    if (directive.labelStart !== -1) {
      contentStart = directive.labelStart + 1;
      contentEnd = directive.labelEnd - 1;
      // Label escapes follow the label scanner, which runs before any inline parsing (most labels have no backslash).
      if (this.backslashes.from(contentStart) < contentEnd) {
        for (const escape of scanLabel(this.text, contentStart).escapes) if (escape < contentEnd) this.removals.push(escape, escape + 1);
      }
    }
    if (contentEnd > contentStart) this.removals.push(start, contentStart, contentEnd, end);
    else this.removals.push(start, end);
    this.directives.push({ kind: 'text', start, end, contentStart, contentEnd, attributes, closed: true });
  }

  private addContainerDirective(directive: DirectiveRead, end: number, attributes: Record<string, string>): void {
    const text = this.text;
    const start = directive.start;
    this.directiveStarts.push(start);
    const openLineStart = lineStartOf(text, start);
    const contentStart = nextLineStart(text, start);
    this.removals.push(openLineStart, contentStart);
    this.fenceLines.set(contentStart, openLineStart);
    const colons = directive.openColons || 3;
    const closing = directive.closeFence === -1 ? null : directive.closeFence;
    let contentEnd = end;
    if (closing !== null) {
      const closeLineStart = lineStartOf(text, closing);
      contentEnd = closeLineStart;
      const closeEnd = nextLineStart(text, closeLineStart);
      if (closeEnd === text.length && !text.endsWith('\n')) {
        // Settled after the walk, when the fence lines before it are known.
        this.lastLineFence = { start: closeLineStart, end: closeEnd, contentStart };
      } else {
        this.removals.push(closeLineStart, closeEnd);
        this.fenceLines.set(closeEnd, closeLineStart);
      }
    } else {
      const fence = ':'.repeat(Math.max(3, fenceColons(text, start, colons)));
      this.problem(start, lineEndOf(text, start), 'error', `container directive \`${fence}code\` is not closed: add a line \`${fence}\` after its last block`, 'unclosed-container');
    }
    this.directives.push({ kind: 'container', start, end, contentStart, contentEnd: Math.max(contentStart, contentEnd), attributes, closed: closing !== null });
  }

  /**
   * A closing fence on the last line has no terminator of its own to remove,
   * so it takes the terminator that ends the last line of content: the one
   * before it, or before the fence lines just above it.
   */
  private settleLastLineFence(): void {
    const fence = this.lastLineFence;
    if (!fence) return;
    let lineStart = fence.start;
    while (this.fenceLines.has(lineStart)) lineStart = this.fenceLines.get(lineStart) as number;
    const terminatorStart = lineStart >= 2 && this.text.charCodeAt(lineStart - 2) === 0x0d ? lineStart - 2 : lineStart - 1;
    this.removals.push(Math.max(terminatorStart, Math.min(fence.contentStart, lineStart)), fence.end);
  }

  /** Reports `:code` written where the parser did not see a directive. */
  private findMalformed(): void {
    const text = this.text;
    const literal = this.literalRegions;
    // The matches come in order: walk the directive starts along with them.
    const starts = this.directiveStarts.sort((a, b) => a - b);
    let next = 0;
    // Each `:+code` not followed by a name character (`/:+code(?![A-Za-z0-9_-])/g`), found by searching for `:code`.
    for (let found = text.indexOf(':code'); found !== -1; found = text.indexOf(':code', found + 1)) {
      if (isNameCharacter(text.charCodeAt(found + 5))) continue;
      let offset = found;
      while (offset > 0 && text.charCodeAt(offset - 1) === 0x3a) offset--;
      const matched = found + 5 - offset;
      while (next < starts.length && starts[next] < offset) next++;
      if (next < starts.length && starts[next] === offset) continue;
      // `a::code` or a colon run: only the run's first colon can start a directive.
      if (offset > 0 && this.text.charCodeAt(offset - 1) === 0x3a) continue;
      // `\:code` is an escaped colon, written to show `:code` as text (an odd run of backslashes escapes).
      let backslashes = 0;
      while (offset - backslashes > 0 && this.text.charCodeAt(offset - backslashes - 1) === 0x5c) backslashes++;
      if (backslashes % 2 === 1) continue;
      let inLiteral = false;
      for (let index = 0; index < literal.length; index += 2) {
        if (offset >= literal[index] && offset < literal[index + 1]) {
          inLiteral = true;
          break;
        }
      }
      if (inLiteral) continue;
      const after = offset + matched;
      if (this.text.charCodeAt(after) === 0x7b) {
        // `:::code{…` or `:code{…` whose attributes the parser could not read.
        this.problems.push(attributeProblem(this.text, after, matched < 3 + CODE_DIRECTIVE.length));
        continue;
      }
      const end = Math.min(lineEndOf(this.text, offset), offset + matched + 40);
      this.problem(offset, end, 'warning', 'malformed `code` directive: it is read as plain text (check the brackets, braces and quotes)', 'malformed-directive');
    }
  }

  private problem(offset: number, endOffset: number, severity: ProblemFact['severity'], message: string, ruleId: string): void {
    this.problems.push({ offset, endOffset, severity, message, ruleId });
  }
}

/** `[A-Za-z0-9_-]` (NaN, past the end, is none). */
function isNameCharacter(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x5f || unit === 0x2d;
}

/** Rules of attribute blocks the parser could not read (the directive then has no codes). */
export const ATTRIBUTE_RULES = new Set(['unterminated-attributes', 'unreadable-attributes']);

/**
 * The problem of an attribute block at `brace` that the directive parser did
 * not read: not closed (no `}` before the end of the paragraph, or of the
 * line for a container fence), or closed but malformed (most often a `\"`,
 * which is no escape in an attribute value).
 */
function attributeProblem(text: string, brace: number, inline: boolean): ProblemFact {
  const stop = inline ? paragraphEnd(text, brace) : lineEndOf(text, brace);
  const close = text.indexOf('}', brace);
  if (close === -1 || close >= stop) {
    return { offset: brace, endOffset: lineEndOf(text, brace), severity: 'error', message: 'the attributes of this `code` directive are not closed (no `}`), so its codes are not read', ruleId: 'unterminated-attributes' };
  }
  return {
    offset: brace,
    endOffset: close + 1,
    severity: 'error',
    message: 'the attributes of this `code` directive cannot be read, so its codes are not read (check the quotes: `\\"` is no escape in an attribute value, write `&quot;`)',
    ruleId: 'unreadable-attributes',
  };
}

/** Offset of the blank line that ends the paragraph holding `offset` (or the text end). */
function paragraphEnd(text: string, offset: number): number {
  const blank = /\n[ \t]*\r?\n/g;
  blank.lastIndex = offset;
  const match = blank.exec(text);
  return match ? match.index : text.length;
}

/** Attribute values as remark-directive decodes them (character references). */
export function decodeAttribute(value: string): string {
  return value.includes('&') ? parseEntities(value, { attribute: true }) : value;
}

/** Attributes as remark-directive gathers them: classes joined, later values win. */
function collectAttributes(list: [string, string][]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of list) {
    if (key === 'class' && result.class) result.class += ' ' + value;
    else result[key] = value;
  }
  return result;
}

function fenceColons(text: string, start: number, fallback: number): number {
  let colons = 0;
  while (text.charCodeAt(start + colons) === 0x3a) colons++;
  return colons || fallback;
}

/** Offset just past the line terminator of the line containing `offset` (or the text end). */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset where the terminator of the line containing `offset` starts (or the text end). */
function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > 0 && text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
}


/** 1-based line of `offset`. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
