import type { Nodes, Parents, Root } from 'mdast';
import { parseMarkdown } from './markdownProcessor';
import { scanLabel } from './labelEscapes';
import { readFrontMatter } from './frontMatter';
import { LineIndex } from './lineIndex';
import type { DirectiveFact, HeadingFact, ProblemFact, TranscriptFacts } from './transcriptFacts';
import { FACTS_VERSION } from './transcriptFacts';

/** The directive name that marks codings. */
export const CODE_DIRECTIVE = 'code';

/**
 * Parses a transcript's text (without byte order mark) with unified,
 * remark-parse, remark-directive and remark-frontmatter, and reduces the tree
 * to `TranscriptFacts`. Never throws for any input; malformed markup stays
 * text and becomes a problem.
 */
export function analyseTranscript(text: string): TranscriptFacts {
  const tree = parseMarkdown(text);
  const walker = new FactWalker(text);
  walker.walk(tree);
  walker.settleLastLineFence();
  walker.findMalformed();
  const frontMatter = readFrontMatter(walker.frontMatter, new LineIndex(text));
  walker.problems.push(...frontMatter.problems);
  return {
    version: FACTS_VERSION,
    removals: walker.removals,
    directives: walker.directives,
    paragraphs: walker.paragraphs,
    headings: walker.headings,
    frontMatter: walker.frontMatter,
    attributes: { id: frontMatter.id, coders: frontMatter.coders, values: frontMatter.attributes },
    problems: walker.problems,
  };
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

class FactWalker {
  removals: number[] = [];
  directives: DirectiveFact[] = [];
  paragraphs: number[] = [];
  headings: HeadingFact[] = [];
  frontMatter: TranscriptFacts['frontMatter'] = null;
  problems: ProblemFact[] = [];
  /** Regions where `:code` is literal by construction (code, html), and recognised directive starts. */
  private literalRegions: number[] = [];
  private directiveStarts = new Set<number>();
  /** Whole fence lines removed, by end offset (after the terminator) → start offset. */
  private fenceLines = new Map<number, number>();
  /** A closing fence on the last line of the file, without a line terminator. */
  private lastLineFence: { start: number; end: number; contentStart: number } | null = null;

  constructor(private readonly text: string) {}

  walk(node: Nodes): void {
    const position = node.position;
    const start = position?.start.offset;
    const end = position?.end.offset;
    switch (node.type) {
      case 'yaml':
        if (start !== undefined && end !== undefined) this.addFrontMatter(node.value, start, end);
        return;
      case 'code':
      case 'inlineCode':
      case 'html':
        if (start !== undefined && end !== undefined) this.literalRegions.push(start, end);
        return;
      case 'paragraph':
        if (start !== undefined) this.paragraphs.push(start);
        break;
      case 'heading':
        if (start !== undefined) this.headings.push({ depth: node.depth, text: textOf(node).trim(), offset: start });
        break;
      case 'textDirective':
        if (node.name === CODE_DIRECTIVE && start !== undefined && end !== undefined) {
          this.addTextDirective(start, end, node.attributes ?? {});
        }
        break;
      case 'containerDirective':
        if (node.name === CODE_DIRECTIVE && start !== undefined && end !== undefined) {
          this.addContainerDirective(start, end, node.attributes ?? {});
        }
        break;
      case 'leafDirective':
        if (node.name === CODE_DIRECTIVE && start !== undefined && end !== undefined) {
          this.directiveStarts.add(start);
          this.problem(start, end, 'warning', 'a leaf directive `::code` codes nothing: use `:code[…]{…}` inside a paragraph or `:::code{…}` around blocks', 'leaf-directive');
        }
        break;
      default:
        break;
    }
    if ('children' in node) {
      for (const child of (node as Parents).children) this.walk(child as Nodes);
    }
  }

  private addFrontMatter(value: string, start: number, end: number): void {
    const firstLine = this.text.slice(0, start).split('\n').length + 1;
    const valueOffset = nextLineStart(this.text, start);
    this.frontMatter = { value, line: firstLine, offset: valueOffset };
    // The front matter and its closing fence's line terminator are not plain text.
    this.removals.push(0, nextLineStart(this.text, end - 1 < start ? start : end - 1));
  }

  private addTextDirective(start: number, end: number, attributes: Record<string, string | null | undefined>): void {
    const nameEnd = start + 1 + CODE_DIRECTIVE.length;
    // A bare `:code` (no label, no attributes) is a typo, not a coding: it stays text.
    if (end === nameEnd) return;
    this.directiveStarts.add(start);
    let contentStart = nameEnd;
    let contentEnd = nameEnd;
    if (this.text.charCodeAt(nameEnd) === 0x5b) {
      const scan = scanLabel(this.text, nameEnd + 1);
      if (scan.end !== -1 && scan.end < end) {
        contentStart = nameEnd + 1;
        contentEnd = scan.end;
        for (const escape of scan.escapes) if (escape < scan.end) this.removals.push(escape, escape + 1);
      }
    }
    if (contentEnd > contentStart) {
      this.removals.push(start, contentStart, contentEnd, end);
    } else {
      this.removals.push(start, end);
    }
    this.directives.push({ kind: 'text', start, end, contentStart, contentEnd, attributes: cleanAttributes(attributes), closed: true });
  }

  private addContainerDirective(start: number, end: number, attributes: Record<string, string | null | undefined>): void {
    this.directiveStarts.add(start);
    const text = this.text;
    const openLineStart = lineStartOf(text, start);
    const contentStart = nextLineStart(text, start);
    let colons = 0;
    while (text.charCodeAt(start + colons) === 0x3a) colons++;
    this.removals.push(openLineStart, contentStart);
    this.fenceLines.set(contentStart, openLineStart);
    // The directive ends at the end of its closing fence when it has one.
    const lastLineStart = lineStartOf(text, end);
    const lastLine = text.slice(lastLineStart, lineEndOf(text, lastLineStart));
    const fence = /^[ \t>]*(:+)[ \t]*$/.exec(lastLine);
    const closed = lastLineStart >= contentStart && fence !== null && fence[1].length >= colons;
    let contentEnd = end;
    if (closed) {
      contentEnd = lastLineStart;
      const closeEnd = nextLineStart(text, lastLineStart);
      if (closeEnd === text.length && !text.endsWith('\n')) {
        // Settled after the walk, when the fence lines before it are known.
        this.lastLineFence = { start: lastLineStart, end: closeEnd, contentStart };
      } else {
        this.removals.push(lastLineStart, closeEnd);
        this.fenceLines.set(closeEnd, lastLineStart);
      }
    } else {
      this.problem(start, lineEndOf(text, start), 'error', `container directive \`${':'.repeat(colons)}code\` is not closed: add a line \`${':'.repeat(colons)}\` after its last block`, 'unclosed-container');
    }
    this.directives.push({ kind: 'container', start, end, contentStart, contentEnd: Math.max(contentStart, contentEnd), attributes: cleanAttributes(attributes), closed });
  }

  /**
   * A closing fence on the last line has no terminator of its own to remove,
   * so it takes the terminator that ends the last line of content: the one
   * before it, or before the fence lines just above it.
   */
  settleLastLineFence(): void {
    const fence = this.lastLineFence;
    if (!fence) return;
    let lineStart = fence.start;
    while (this.fenceLines.has(lineStart)) lineStart = this.fenceLines.get(lineStart) as number;
    const terminatorStart = lineStart >= 2 && this.text.charCodeAt(lineStart - 2) === 0x0d ? lineStart - 2 : lineStart - 1;
    this.removals.push(Math.max(terminatorStart, Math.min(fence.contentStart, lineStart)), fence.end);
  }

  /** Reports `:code` written where the parser did not see a directive. */
  findMalformed(): void {
    const pattern = /:+code(?![A-Za-z0-9_-])/g;
    const literal = this.literalRegions;
    for (let match = pattern.exec(this.text); match; match = pattern.exec(this.text)) {
      const offset = match.index;
      if (this.directiveStarts.has(offset)) continue;
      // `a::code` or a colon run: only the run's first colon can start a directive.
      if (offset > 0 && this.text.charCodeAt(offset - 1) === 0x3a) continue;
      let inLiteral = false;
      for (let index = 0; index < literal.length; index += 2) {
        if (offset >= literal[index] && offset < literal[index + 1]) {
          inLiteral = true;
          break;
        }
      }
      if (inLiteral) continue;
      const end = Math.min(lineEndOf(this.text, offset), offset + match[0].length + 40);
      this.problem(offset, end, 'warning', 'malformed `code` directive: it is read as plain text (check the brackets, braces and quotes)', 'malformed-directive');
    }
  }

  problem(offset: number, endOffset: number, severity: ProblemFact['severity'], message: string, ruleId: string): void {
    this.problems.push({ offset, endOffset, severity, message, ruleId });
  }
}

function cleanAttributes(attributes: Record<string, string | null | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) result[key] = String(value);
  }
  return result;
}

/** The text content of a node, as mdast-util-to-string gives it. */
function textOf(node: Nodes | Root): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map((child) => textOf(child)).join('');
  return '';
}
