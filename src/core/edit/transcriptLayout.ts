import type { Nodes, Parents, Root } from 'mdast';
import { parseMarkdown } from '../syntax/markdownProcessor';
import { transcriptReader } from '../syntax/readTranscriptFacts';
import { scanBlocks } from '../syntax/scan/scanTranscript';
import type { BlockRecorder } from '../syntax/scan/blockRecorder';
import { CODE_DIRECTIVE } from '../syntax/analyseTranscript';
import { scanLabel } from '../syntax/labelEscapes';
import type { PlainTextMap } from '../syntax/plainTextMap';
import type { DirectiveFact, TranscriptFacts } from '../syntax/transcriptFacts';
import type { ParsedTranscript } from '../syntax/parseTranscript';

/** A `code` directive with its plain-text span (UTF-16 plain offsets) and its nesting. */
export interface CodeSpan {
  fact: DirectiveFact;
  index: number;
  plainStart: number;
  plainEnd: number;
  /** Index of the innermost `code` directive around it, or -1. */
  parent: number;
  /** Container fences: number of colons. */
  colons: number;
}

/** A block whose inline content a text directive can code (paragraph or heading). */
export interface TextBlock {
  /** File range of the inline content. */
  start: number;
  end: number;
  plainStart: number;
  plainEnd: number;
}

/** A block that is a child of the root or of a `code` container, where a container coding can go. */
export interface FlowBlock {
  start: number;
  end: number;
  /** Index of the `code` container it sits in, or -1 for the root. */
  parent: number;
}

/** An inline construct a coding boundary must respect. */
export interface InlineHazard {
  start: number;
  end: number;
  /** Where its text content lies, for constructs a coding may sit inside (links, other directives). */
  inner: { start: number; end: number } | null;
  what: string;
}

/** What the edit engine needs to know about a transcript's structure, read from the parser's positions. */
export interface TranscriptLayout {
  text: string;
  map: PlainTextMap;
  codes: CodeSpan[];
  textBlocks: TextBlock[];
  flowBlocks: FlowBlock[];
  hazards: InlineHazard[];
  /** Blocks whose content is literal (fenced or indented code, HTML), file ranges. */
  literalBlocks: { start: number; end: number; what: string }[];
  /** File offsets of backslashes that are label escapes. */
  escapes: Set<number>;
  /** Every container directive (`code` or not) with the colons of its fence: a container around it needs more. */
  fences: { start: number; end: number; colons: number }[];
}

const ATOMIC: Record<string, string> = {
  inlineCode: 'inline code',
  html: 'inline HTML',
  image: 'an image',
  imageReference: 'an image',
  footnoteReference: 'a footnote reference',
  break: 'a line break',
};

/**
 * Reads the layout of a transcript (text without byte order mark, its facts
 * and plain-text map): `code` directives with plain spans, the blocks text
 * and container codings can go in, and the inline constructs a coding
 * boundary must not cut. Reads block and inline positions with the
 * transcript scanner, or, where it leaves the file to micromark (and with
 * `MDQDA_PARSER=micromark`), from an mdast parse: the same positions either
 * way (a differential test compares them). `recorded` is what the scanner
 * recorded of this text while it read the facts, when the caller parsed it
 * with `parseTranscriptForEdit`. Never throws.
 */
export function readTranscriptLayout(text: string, facts: TranscriptFacts, map: PlainTextMap, reader = transcriptReader(), recorded?: BlockRecorder | null): TranscriptLayout {
  const { codes, escapes } = readCodeSpans(text, facts, map);
  const layout: TranscriptLayout = { text, map, codes, textBlocks: [], flowBlocks: [], hazards: [], literalBlocks: [], escapes, fences: [] };
  const containerAt = new Map<number, number>();
  for (const span of codes) if (span.fact.kind === 'container') containerAt.set(span.fact.start, span.index);
  // What the scanner recorded while it read the facts (`parseTranscriptForEdit`) serves as it is: null there means micromark read the file.
  const scanned = reader !== 'scanner' ? null : recorded !== undefined ? recorded : scanBlocks(text, !facts.refused);
  if (scanned) fillFromScan(scanned, layout, containerAt);
  else {
    walk(parseMarkdown(text), layout, containerAt, -1, true);
    layout.hazards.sort((a, b) => a.start - b.start);
  }
  layout.textBlocks.sort((a, b) => a.start - b.start);
  return layout;
}

/**
 * The layout's blocks from what the scanner recorded, in the order the mdast
 * walk gives them (document order): flow blocks are those of the file and of
 * `code` containers, whose parent is that container.
 */
function fillFromScan(scanned: BlockRecorder, layout: TranscriptLayout, containerAt: Map<number, number>): void {
  const byStart = <T extends { start: number }>(list: T[]) => list.sort((a, b) => a.start - b.start);
  for (const block of byStart(scanned.blocks)) {
    const parent = block.container === -1 ? -1 : containerAt.get(block.container);
    if (parent !== undefined) layout.flowBlocks.push({ start: block.start, end: block.end, parent });
  }
  for (const block of scanned.textBlocks) {
    layout.textBlocks.push({ ...block, plainStart: layout.map.fileToPlain(block.start), plainEnd: layout.map.fileToPlain(block.end) });
  }
  layout.hazards = byStart(scanned.hazards);
  layout.literalBlocks = byStart(scanned.codeBlocks).map((block) => ({ ...block, what: 'a code block' }));
  layout.fences = byStart(scanned.fences);
}

/** The layout of `text` as `parsed` read it: from the positions its parse recorded, when it recorded them. */
export function layoutOf(text: string, parsed: ParsedTranscript): TranscriptLayout {
  return readTranscriptLayout(text, parsed.facts, parsed.map, transcriptReader(), parsed.blocks);
}

/**
 * The part of the layout read from the parse's facts alone (no Markdown
 * parse): the `code` directives with their plain spans, nesting and fences,
 * and the label escapes.
 */
export function readCodeSpans(text: string, facts: TranscriptFacts, map: PlainTextMap): Pick<TranscriptLayout, 'codes' | 'escapes'> {
  const codes = facts.directives.map((fact, index): CodeSpan => {
    let plainStart = map.fileToPlain(fact.contentStart);
    let plainEnd = map.fileToPlain(fact.contentEnd);
    if (fact.kind === 'container' && plainEnd > plainStart) {
      if (map.text.charCodeAt(plainEnd - 1) === 0x0a) plainEnd--;
      if (plainEnd > plainStart && map.text.charCodeAt(plainEnd - 1) === 0x0d) plainEnd--;
    }
    let colons = 0;
    if (fact.kind === 'container') while (text.charCodeAt(fact.start + colons) === 0x3a) colons++;
    return { fact, index, plainStart: Math.min(plainStart, plainEnd), plainEnd, parent: -1, colons };
  });
  // Directives come in document order; a stack of open ones gives the parents.
  const order = [...codes].sort((a, b) => a.fact.start - b.fact.start || b.fact.end - a.fact.end);
  const stack: CodeSpan[] = [];
  for (const span of order) {
    while (stack.length > 0 && stack[stack.length - 1].fact.end <= span.fact.start) stack.pop();
    const top = stack[stack.length - 1];
    if (top && span.fact.end <= top.fact.end) span.parent = top.index;
    stack.push(span);
  }
  const escapes = new Set<number>();
  for (const span of codes) {
    if (span.fact.kind !== 'text' || span.fact.contentEnd <= span.fact.contentStart) continue;
    for (const offset of scanLabel(text, span.fact.contentStart).escapes) if (offset < span.fact.contentEnd) escapes.add(offset);
  }
  return { codes, escapes };
}

function positionOf(node: Nodes): { start: number; end: number } | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

function walk(node: Nodes | Root, layout: TranscriptLayout, containerAt: Map<number, number>, container: number, flow: boolean): void {
  const children = 'children' in node ? ((node as Parents).children as Nodes[]) : [];
  for (const child of children) {
    const place = positionOf(child);
    if (!place) continue;
    if (flow && child.type !== 'yaml') layout.flowBlocks.push({ start: place.start, end: place.end, parent: container });
    switch (child.type) {
      case 'paragraph':
      case 'heading': {
        const inline = (child as Parents).children as Nodes[];
        const first = inline.length > 0 ? positionOf(inline[0]) : null;
        const last = inline.length > 0 ? positionOf(inline[inline.length - 1]) : null;
        if (first && last) {
          layout.textBlocks.push({
            start: first.start,
            end: last.end,
            plainStart: layout.map.fileToPlain(first.start),
            plainEnd: layout.map.fileToPlain(last.end),
          });
        }
        walkInline(child as Parents, layout);
        break;
      }
      case 'code':
        layout.literalBlocks.push({ ...place, what: 'a code block' });
        break;
      case 'html':
        layout.literalBlocks.push({ ...place, what: 'an HTML block' });
        break;
      case 'containerDirective': {
        let colons = 0;
        while (layout.text.charCodeAt(place.start + colons) === 0x3a) colons++;
        layout.fences.push({ ...place, colons });
        const index = child.name === CODE_DIRECTIVE ? containerAt.get(place.start) : undefined;
        walk(child, layout, containerAt, index ?? container, index !== undefined);
        break;
      }
      default:
        walk(child, layout, containerAt, container, false);
    }
  }
}

function walkInline(node: Parents, layout: TranscriptLayout): void {
  for (const child of node.children as Nodes[]) {
    const place = positionOf(child);
    if (!place) continue;
    const atomic = ATOMIC[child.type];
    if (atomic) {
      layout.hazards.push({ ...place, inner: null, what: atomic });
      continue;
    }
    const isLink = child.type === 'link' || child.type === 'linkReference';
    const isOtherDirective = (child.type === 'textDirective' && child.name !== CODE_DIRECTIVE) || child.type === 'leafDirective';
    if (isLink || isOtherDirective) {
      const inline = 'children' in child ? (child.children as Nodes[]) : [];
      const first = inline.length > 0 ? positionOf(inline[0]) : null;
      const last = inline.length > 0 ? positionOf(inline[inline.length - 1]) : null;
      layout.hazards.push({ ...place, inner: first && last ? { start: first.start, end: last.end } : null, what: isLink ? 'a link' : 'another directive' });
    }
    if ('children' in child) walkInline(child as Parents, layout);
  }
}
