import { hazardsOverlapping } from '../edit/hazardsAt';
import type { TranscriptLayout } from '../edit/transcriptLayout';
import type { ParsedTranscript } from '../syntax/parseTranscript';
import { turnMarkerAt } from '../syntax/speakerTurns';

/** What a hit is widened to before it is coded. */
export type AutocodeUnit = 'match' | 'sentence' | 'paragraph' | 'turn';

/** The units `autocode` knows, in the order they widen. */
export const AUTOCODE_UNITS: readonly AutocodeUnit[] = ['match', 'sentence', 'paragraph', 'turn'];

/** A stretch of plain text in code points, end exclusive. */
export interface PlainSpan {
  start: number;
  end: number;
}

/** Sentence boundaries; one for all transcripts (a segmenter holds no state between texts). */
const SENTENCES = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** A paragraph or heading, in UTF-16 offsets of the plain text. */
interface UnitBlock {
  plainStart: number;
  plainEnd: number;
  heading: boolean;
  /** Speaker whose turn this block starts, or null. */
  speaker: string | null;
  /** Length of the turn marker (`**P1:** `) at the block's start, 0 when none. */
  marker: number;
}

/**
 * The units of one transcript that autocoding widens hits to: sentences
 * (from `Intl.Segmenter`, within one paragraph; a turn marker such as
 * `**P1:**` is never part of one), paragraphs and headings (their inline
 * text), and speaker turns (from a paragraph that starts with a turn marker
 * through the paragraphs after it, up to the next turn or heading; the marker
 * included). Offsets in and out are code points of the plain text.
 */
export class TranscriptUnits {
  private readonly blocks: UnitBlock[];
  /** Sentences of each block, segmented when first asked for. */
  private readonly sentences = new Map<number, { start: number; end: number }[]>();
  /** Each block's text segmented into sentences (read lazily: only the sentences asked about are found). */
  private readonly segmented = new Map<number, Intl.Segments>();

  constructor(
    private readonly parsed: ParsedTranscript,
    private readonly layout: TranscriptLayout,
  ) {
    const plain = parsed.map.text;
    const headingLines = new Set(parsed.source.headings.map((heading) => parsed.map.fromCodePoint(heading.start)));
    const turnStarts = new Set(parsed.source.turns.map((turn) => parsed.map.fromCodePoint(turn.start)));
    this.blocks = layout.textBlocks.map((block) => {
      const lineStart = plain.lastIndexOf('\n', block.plainStart - 1) + 1;
      const marker = turnStarts.has(block.plainStart) ? turnMarkerAt(plain.slice(block.plainStart, block.plainStart + 160)) : undefined;
      return { plainStart: block.plainStart, plainEnd: block.plainEnd, heading: headingLines.has(lineStart), speaker: marker?.speaker ?? null, marker: marker?.length ?? 0 };
    });
  }

  /** The spans of every turn of a speaker (exact name), in text order. */
  turnsOf(speaker: string): PlainSpan[] {
    const spans: PlainSpan[] = [];
    this.blocks.forEach((block, index) => {
      if (block.speaker === speaker) spans.push(this.toPoints(block.plainStart, this.blocks[this.turnEnd(index)].plainEnd));
    });
    return spans;
  }

  /**
   * The units of `unit` that make up a span of whole blocks (a turn): the
   * span itself for `turn` and `match`, else its paragraphs, or the sentences
   * of its paragraphs.
   */
  unitsWithin(span: PlainSpan, unit: AutocodeUnit): PlainSpan[] {
    if (unit === 'turn' || unit === 'match') return [span];
    const { map } = this.parsed;
    const start = map.fromCodePoint(span.start);
    const end = map.fromCodePoint(span.end);
    const units: PlainSpan[] = [];
    for (const [index, block] of this.blocks.entries()) {
      if (block.plainStart < start || block.plainEnd > end || block.plainEnd <= block.plainStart) continue;
      if (unit === 'paragraph') {
        units.push(this.toPoints(block.plainStart, block.plainEnd));
        continue;
      }
      for (const sentence of this.sentencesOf(index)) units.push(this.toPoints(sentence.start, sentence.end));
    }
    return units;
  }

  /**
   * A hit widened to a unit, or why it cannot be: a hit outside paragraph
   * text, or (for `turn`) outside every speaker's turn.
   */
  expand(hit: PlainSpan, unit: AutocodeUnit): PlainSpan | string {
    if (unit === 'match') return hit;
    const { map } = this.parsed;
    const start = map.fromCodePoint(hit.start);
    const end = map.fromCodePoint(hit.end);
    const first = this.blocks.findIndex((block) => block.plainStart <= start && start < block.plainEnd);
    const last = this.blocks.findIndex((block) => block.plainStart < end && end <= block.plainEnd);
    if (first === -1 || last === -1) return 'it is not in paragraph text';
    if (unit === 'paragraph') return this.toPoints(this.blocks[first].plainStart, this.blocks[last].plainEnd);
    if (unit === 'turn') {
      const turn = this.turnStart(first);
      if (turn === -1) return 'it is not in a speaker turn';
      return this.toPoints(this.blocks[turn].plainStart, this.blocks[Math.max(last, this.turnEnd(turn))].plainEnd);
    }
    const opening = this.sentenceAround(first, start, 'start');
    // Most hits end in the sentence they start in: no second look-up then (sentences are disjoint).
    const closing = first === last && opening && end <= opening.end ? opening : this.sentenceAround(last, end, 'end');
    return this.toPoints(Math.min(opening?.start ?? start, start), Math.max(closing?.end ?? end, end));
  }

  /**
   * Why a hit cannot be coded because it lies in markup, or null: outside
   * paragraph and heading text (code blocks, HTML, list and heading markers),
   * in a turn marker, or in inline markup (inline code, HTML, an image, a
   * link's address, another directive's markup).
   */
  markupAt(hit: PlainSpan): string | null {
    const { map } = this.parsed;
    const start = map.fromCodePoint(hit.start);
    const end = map.fromCodePoint(hit.end);
    const first = this.blocks.find((block) => block.plainStart <= start && start < block.plainEnd);
    const last = this.blocks.find((block) => block.plainStart < end && end <= block.plainEnd);
    if (!first || !last) {
      const fileStart = map.plainToFile(start, 'after');
      const literal = this.layout.literalBlocks.find((block) => block.start <= fileStart && fileStart < block.end);
      return literal ? `it is in ${literal.what}` : 'it is in markup outside paragraph text';
    }
    if (start < first.plainStart + first.marker) return 'it is in the speaker label of a turn';
    const fileStart = map.plainToFile(start, 'after');
    const fileEnd = map.plainToFile(end, 'before');
    for (const hazard of hazardsOverlapping(this.layout.hazards, fileStart, fileEnd)) {
      if (!hazard.inner) return `it is in ${hazard.what}`;
      if (fileStart < hazard.inner.start || fileEnd > hazard.inner.end) return `it is in the markup of ${hazard.what}`;
    }
    return null;
  }

  /** Index of the block starting the turn that holds block `index`, or -1 (a heading comes first). */
  private turnStart(index: number): number {
    for (let at = index; at >= 0; at--) {
      if (this.blocks[at].speaker !== null) return at;
      if (this.blocks[at].heading) return -1;
    }
    return -1;
  }

  /** Index of the last block of the turn that block `index` starts. */
  private turnEnd(index: number): number {
    let at = index;
    while (at + 1 < this.blocks.length && this.blocks[at + 1].speaker === null && !this.blocks[at + 1].heading) at++;
    return at;
  }

  /** The sentences of block `index` (UTF-16 plain offsets), trimmed of spaces and the turn marker; empty ones left out. */
  private sentencesOf(index: number): { start: number; end: number }[] {
    const known = this.sentences.get(index);
    if (known) return known;
    const sentences: { start: number; end: number }[] = [];
    for (const segment of this.segmentsOf(index)) {
      const sentence = this.trimmed(index, segment);
      if (sentence) sentences.push(sentence);
    }
    this.sentences.set(index, sentences);
    return sentences;
  }

  /** The sentence segments of block `index`. */
  private segmentsOf(index: number): Intl.Segments {
    let segments = this.segmented.get(index);
    if (!segments) {
      const block = this.blocks[index];
      // Line breaks inside a paragraph are soft: a sentence goes on across them.
      segments = SENTENCES.segment(this.parsed.map.text.slice(block.plainStart, block.plainEnd).replace(/[\r\n]/g, ' '));
      this.segmented.set(index, segments);
    }
    return segments;
  }

  /** A sentence segment of block `index` in UTF-16 plain offsets, trimmed of spaces and the turn marker; undefined when nothing is left. */
  private trimmed(index: number, segment: Intl.SegmentData): { start: number; end: number } | undefined {
    const block = this.blocks[index];
    const text = segment.input;
    let start = Math.max(segment.index, block.marker);
    const end = segment.index + segment.segment.trimEnd().length;
    while (start < end && /\s/.test(text[start])) start++;
    return start < end ? { start: block.plainStart + start, end: block.plainStart + end } : undefined;
  }

  /**
   * The sentence of block `index` (UTF-16 plain offsets) that holds `offset`
   * as its start side (`start <= offset < end`) or end side (`start < offset
   * <= end`); undefined when none does. Only the segment around the offset is
   * found (sentences are disjoint: no other can hold it).
   */
  private sentenceAround(index: number, offset: number, side: 'start' | 'end'): { start: number; end: number } | undefined {
    const relative = offset - this.blocks[index].plainStart - (side === 'start' ? 0 : 1);
    const segment = relative >= 0 ? this.segmentsOf(index).containing(relative) : undefined;
    const sentence = segment && this.trimmed(index, segment);
    if (!sentence) return undefined;
    const holds = side === 'start' ? sentence.start <= offset && offset < sentence.end : sentence.start < offset && offset <= sentence.end;
    return holds ? sentence : undefined;
  }

  private toPoints(start: number, end: number): PlainSpan {
    return { start: this.parsed.map.toCodePoint(start), end: this.parsed.map.toCodePoint(end) };
  }
}
