import type { ParsedTranscript } from '../syntax/parseTranscript';
import { sortTextEdits, type TextEdit } from './textEdit';
import { readCodeSpans, type TranscriptLayout } from './transcriptLayout';

/** Where a boundary goes when text is inserted exactly at it: stays before the insertion, or moves after it. */
type Bias = 'before' | 'after';

/**
 * The layout of a text after edits that only wrote or changed text
 * directives (markup inside paragraphs and headings, no new container), read
 * without parsing the Markdown again: the blocks, inline hazards and fences of
 * `layout` moved by the edits (a block's content keeps markup written at its
 * edges; a hazard such as a link or inline code leaves markup at its edges
 * outside), the `code` directives and escapes read from `parsed` (the edited
 * text's parse). Undefined when an edit straddles a boundary or a container
 * is not found again (read the layout again then). The caller checks what it writes with this layout by
 * parsing, as with any layout.
 */
export function shiftLayout(layout: TranscriptLayout, edits: readonly TextEdit[], text: string, parsed: ParsedTranscript): TranscriptLayout | undefined {
  const sorted = sortTextEdits(edits);
  let straddled = false;
  const move = (offset: number, bias: Bias): number => {
    let moved = offset;
    for (const edit of sorted) {
      if (edit.start > offset) break;
      const delta = edit.newText.length - (edit.end - edit.start);
      if (edit.end < offset || (edit.end === offset && (edit.start < offset || bias === 'after'))) moved += delta;
      else if (edit.start < offset && offset < edit.end) straddled = true;
    }
    return moved;
  };
  const content = <T extends { start: number; end: number }>(range: T): T => ({ ...range, start: move(range.start, 'before'), end: move(range.end, 'after') });
  const { map } = parsed;
  const spans = readCodeSpans(text, parsed.facts, map);
  // A flow block names the `code` container it sits in by index: new directives before it change the index.
  const containerAt = new Map(spans.codes.filter((span) => span.fact.kind === 'container').map((span) => [span.fact.start, span.index]));
  const container = (index: number): number => {
    if (index === -1) return -1;
    const moved = containerAt.get(move(layout.codes[index].fact.start, 'before'));
    if (moved === undefined) straddled = true;
    return moved ?? -1;
  };
  const shifted: TranscriptLayout = {
    text,
    map,
    ...spans,
    textBlocks: layout.textBlocks.map((block) => {
      const moved = content(block);
      return { ...moved, plainStart: map.fileToPlain(moved.start), plainEnd: map.fileToPlain(moved.end) };
    }),
    flowBlocks: layout.flowBlocks.map((block) => ({ ...content(block), parent: container(block.parent) })),
    hazards: layout.hazards.map((hazard) => ({
      ...hazard,
      start: move(hazard.start, 'after'),
      end: move(hazard.end, 'before'),
      inner: hazard.inner && content(hazard.inner),
    })),
    literalBlocks: layout.literalBlocks.map(content),
    fences: layout.fences.map(content),
  };
  return straddled ? undefined : shifted;
}
