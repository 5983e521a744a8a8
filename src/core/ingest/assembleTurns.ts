import type { Inline, TranscriptBlock, TranscriptTurn, TurnParagraph } from './transcriptModel';

/** A cue or paragraph as a reader found it, before turns are formed. */
export interface TranscriptUnit {
  kind: 'unit';
  inlines: Inline[];
  /** A speaker the format names for sure (a voice tag, a bold label, a header line). */
  speaker?: string | null;
  /** A bare `Name:` label at the start of `inlines`, taken only if `assembleTurns` accepts the name. */
  weakLabel?: { speaker: string; length: number };
  time?: number | null;
  /** `inline`: a cue, joined to the paragraph before it in the same turn; `paragraph`: a paragraph of its own. */
  join: 'inline' | 'paragraph';
  list?: TurnParagraph['list'];
}

/** A heading found between units. */
export interface HeadingUnit {
  kind: 'heading';
  depth: number;
  inlines: Inline[];
}

/** Removes the first `count` UTF-16 units of text from a run list, keeping the emphasis of the rest. */
export function dropLeadingText(inlines: Inline[], count: number): Inline[] {
  const result: Inline[] = [];
  let left = count;
  for (const inline of inlines) {
    if (left >= inline.text.length) {
      left -= inline.text.length;
      continue;
    }
    result.push(left > 0 ? { ...inline, text: inline.text.slice(left) } : inline);
    left = 0;
  }
  return result;
}

/** The text of a run list. */
export function inlineText(inlines: Inline[]): string {
  return inlines.map((inline) => inline.text).join('');
}

function hasText(inlines: Inline[]): boolean {
  return inlines.some((inline) => /\S/u.test(inline.text));
}

/** Whether a name is a full name: two to five words, each capitalised (`Ana-María Núñez`, `Speaker 2`). */
function isFullName(name: string): boolean {
  const words = name.split(/[ \t]+/);
  return words.length >= 2 && words.every((word) => /^[\p{Lu}\p{Lt}\p{N}]/u.test(word));
}

/** Labels transcription tools and researchers give speakers (`S01`, `Speaker 2`, `SPEAKER_00`, `P3`, `I`, `Interviewer`…). */
const SPEAKER_LABEL = /^(?:s|p|r|i|q|a|b|spk|speaker|participant|respondent|interviewer|interviewee|int|resp|moderator|facilitator|host|guest|befragte[rn]?|interviewer(?:in)?)[ _]?\d{0,3}$/iu;

/**
 * Which bare `Name:` labels are speakers: a name that labels at least two
 * units, that a sure label (voice tag, bold label, header) also gives, a
 * full name (`Ana-María Núñez:`) or a speaker label (`S01:`, `Speaker 2:`,
 * `Interviewer:`), once is enough. A single `Remember: …` at the start of a
 * paragraph stays text.
 */
function acceptedWeakNames(units: (TranscriptUnit | HeadingUnit)[]): Set<string> {
  const counts = new Map<string, number>();
  const sure = new Set<string>();
  for (const unit of units) {
    if (unit.kind !== 'unit') continue;
    if (unit.speaker) sure.add(unit.speaker);
    if (unit.weakLabel) counts.set(unit.weakLabel.speaker, (counts.get(unit.weakLabel.speaker) ?? 0) + 1);
  }
  return new Set([...counts].filter(([name, count]) => count >= 2 || sure.has(name) || isFullName(name) || SPEAKER_LABEL.test(name)).map(([name]) => name));
}

/**
 * Forms turns from units (SPEC §7): consecutive units of one speaker are one
 * turn, a unit without a speaker continues the current turn, a heading ends
 * it. The first timestamp of a turn is its time. Units without text are
 * dropped, except a label alone, which starts its turn for the units after it.
 */
export function assembleTurns(units: (TranscriptUnit | HeadingUnit)[]): TranscriptBlock[] {
  const accepted = acceptedWeakNames(units);
  const blocks: TranscriptBlock[] = [];
  let current: TranscriptTurn | null = null;
  for (const unit of units) {
    if (unit.kind === 'heading') {
      if (hasText(unit.inlines)) blocks.push({ kind: 'heading', depth: unit.depth, inlines: unit.inlines });
      current = null;
      continue;
    }
    let speaker = unit.speaker ?? null;
    let inlines = unit.inlines;
    if (!speaker && unit.weakLabel && accepted.has(unit.weakLabel.speaker)) {
      speaker = unit.weakLabel.speaker;
      inlines = dropLeadingText(inlines, unit.weakLabel.length);
    }
    const time = unit.time ?? null;
    const text = hasText(inlines);
    if (current === null || (speaker !== null && speaker !== current.speaker)) {
      if (!text && speaker === null) continue;
      current = { kind: 'turn', speaker, time, paragraphs: [] };
      blocks.push(current);
    } else if (current.time === null) {
      current.time = time;
    }
    if (!text) continue;
    const last = current.paragraphs[current.paragraphs.length - 1];
    if (last && !last.list && !unit.list && (unit.join === 'inline' || !hasText(last.inlines))) {
      if (hasText(last.inlines)) last.inlines.push({ text: ' ' });
      last.inlines.push(...inlines);
    } else {
      current.paragraphs.push({ inlines: [...inlines], ...(unit.list ? { list: unit.list } : {}) });
    }
  }
  // A label with nothing after it before the next label said nothing.
  return blocks.filter((block) => block.kind === 'heading' || block.paragraphs.length > 0);
}
