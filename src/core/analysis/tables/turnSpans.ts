import type { Source } from '../../model/source';
import { turnMarkerAt } from '../../syntax/speakerTurns';
import type { Span } from './textMeasures';

/** A speaker turn as a span of the plain text. */
export interface TurnSpan {
  speaker: string;
  /** Code-point offset where the turn (its label) starts. */
  start: number;
  /** Code-point offset where the next turn starts, or the end of the plain text. */
  end: number;
  /** Code-point offset just after the speaker label (`**P1:**`), where what was said begins. */
  labelEnd: number;
}

/**
 * The turns of a source as spans: a turn runs from its label to the start of
 * the next turn (the last one to the end of the text), as `Excerpt.speaker`
 * reads them. Text before the first turn belongs to no turn. `slice` cuts the
 * plain text by code points (see `codePointSlicer`).
 */
export function turnSpans(source: Source, slice: (start: number, end: number) => string): TurnSpan[] {
  return source.turns.map((turn, index) => {
    const end = index + 1 < source.turns.length ? source.turns[index + 1].start : source.length;
    const head = slice(turn.start, Math.min(end, turn.start + 200));
    const label = turnMarkerAt(head);
    const labelEnd = label ? turn.start + [...head.slice(0, label.length)].length : turn.start;
    return { speaker: turn.speaker, start: turn.start, end, labelEnd: Math.min(labelEnd, end) };
  });
}

/** Every speaker with a turn in the sources, in natural order (`P2` before `P10`). */
export function speakersOf(sources: readonly Source[]): string[] {
  const names = new Set<string>();
  for (const source of sources) for (const turn of source.turns) names.add(turn.speaker);
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** What the `speakers` said (all speakers when null): their turns after the label, sorted and disjoint. */
export function spansOfSpeakers(turns: readonly TurnSpan[], speakers: ReadonlySet<string> | null): Span[] {
  return turns.filter((turn) => speakers === null || speakers.has(turn.speaker)).map((turn) => [turn.labelEnd, turn.end] as const);
}

/**
 * The message for speakers asked for that have no turn in the sources, naming
 * the speakers that do; null when every name is known.
 */
export function unknownSpeakerMessage(sources: readonly Source[], names: Iterable<string>): string | null {
  const known = speakersOf(sources);
  const unknown = [...names].filter((name) => !known.includes(name));
  if (unknown.length === 0) return null;
  const quoted = unknown.map((name) => `'${name}'`).join(', ');
  return `no turn of the speaker${unknown.length > 1 ? 's' : ''} ${quoted} in the transcripts (speakers: ${known.length > 0 ? known.join(', ') : '(none)'})`;
}
