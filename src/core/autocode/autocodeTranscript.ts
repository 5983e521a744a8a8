import { codeRange, type CodeRangeRequest } from '../edit/codeRange';
import { composeEdits } from '../edit/composeEdits';
import { applyTextEdits, type TextEdit } from '../edit/textEdit';
import { layoutOf } from '../edit/transcriptLayout';
import { writeCodingsInRounds, type CodingAddition } from '../merge/writeCodingsInRounds';
import { lineOfHit } from '../search/lineOfHit';
import { parseTranscriptWithMap, type ParsedTranscript } from '../syntax/parseTranscript';
import { TranscriptUnits, type AutocodeUnit, type PlainSpan } from './transcriptUnits';

/** What to code a transcript's hits with. */
export interface AutocodeOptions {
  codes: string[];
  coder: string | null;
  unit: AutocodeUnit;
}

/** A hit to code: code points of the plain text; `inText` when it must not lie in markup (search hits). */
export interface AutocodeTarget extends PlainSpan {
  inText?: boolean;
}

/** What to code: hits, or every turn of these speakers (exact names). */
export type AutocodeTargets = readonly AutocodeTarget[] | { speakers: readonly string[] };

/** A hit or unit left uncoded, with the 1-based file line of its start and why. */
export interface NotCoded extends PlainSpan {
  line: number;
  reason: string;
}

/** What autocoding one transcript comes to. */
export interface AutocodeOutcome {
  /** Exact edits of the file text (without byte order mark); empty when there is nothing to write. */
  edits: TextEdit[];
  /** The codings written: spans as they read back, and the codes added there. */
  written: (PlainSpan & { codes: string[] })[];
  /** Units the coder already has every one of the codes on, exactly there: nothing written. */
  skipped: number;
  /** Hits in markup, outside the unit asked for, or refused by the edit engine. */
  notCoded: NotCoded[];
}

/**
 * Codes hits of one transcript (`text` is the file text without byte order
 * mark, `parsed` its parse), or the turns of speakers (each turn, or its
 * paragraphs or sentences, by the unit): each hit widened to the unit, the units
 * deduplicated, each coded with the codes the coder does not yet have exactly
 * there, all through the edit engine (`codeRange`) so the plain text never
 * changes. The codings are written together in rounds from one parse (see
 * `writeCodingsInRounds`), else one by one; the result is one list of exact
 * edits of `text`. A hit marked `inText` that lies in markup, and a unit the
 * engine refuses, are left out and listed in `notCoded`. Never throws for
 * user text.
 */
export function autocodeTranscript(text: string, parsed: ParsedTranscript, targets: AutocodeTargets, options: AutocodeOptions): AutocodeOutcome {
  const outcome: AutocodeOutcome = { edits: [], written: [], skipped: 0, notCoded: [] };
  if ('length' in targets && targets.length === 0) return outcome;
  const layout = layoutOf(text, parsed);
  const units = new TranscriptUnits(parsed, layout);
  const notCoded = (span: PlainSpan, reason: string) => outcome.notCoded.push({ start: span.start, end: span.end, line: lineOfHit(parsed, span.start), reason });

  const wanted = new Map<string, PlainSpan>();
  if (!('length' in targets)) {
    for (const speaker of targets.speakers) {
      for (const turn of units.turnsOf(speaker)) for (const unit of units.unitsWithin(turn, options.unit)) wanted.set(`${unit.start}:${unit.end}`, unit);
    }
  }
  for (const target of 'length' in targets ? targets : []) {
    const inMarkup = target.inText ? units.markupAt(target) : null;
    if (inMarkup) {
      notCoded(target, inMarkup);
      continue;
    }
    const unit = units.expand(target, options.unit);
    if (typeof unit === 'string') notCoded(target, unit);
    else wanted.set(`${unit.start}:${unit.end}`, unit);
  }

  const coder = options.coder;
  const additions: CodingAddition[] = [];
  const planned = new Set<string>();
  const ordered = [...wanted.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const unit of ordered) {
    // A whole paragraph or turn is coded as a container (its speaker label inside), as Code Selection codes one.
    const request: CodeRangeRequest = { start: unit.start, end: unit.end, codes: options.codes, coder, wholeParagraphs: options.unit === 'paragraph' || options.unit === 'turn' };
    const plan = codeRange(text, parsed, request, { layout, verify: false });
    if (!plan.ok) {
      notCoded(unit, plan.error);
      continue;
    }
    const key = `${plan.start}:${plan.end}`;
    if (planned.has(key)) continue;
    planned.add(key);
    const had = new Set(parsed.source.excerpts.filter((excerpt) => excerpt.coder === coder && excerpt.start === plan.start && excerpt.end === plan.end).flatMap((excerpt) => excerpt.codes));
    const missing = options.codes.filter((code) => !had.has(code));
    if (missing.length === 0) {
      outcome.skipped++;
      continue;
    }
    // Planned with every code: its edits stand when none of them was there yet.
    const sameEdits = missing.length === options.codes.length ? plan : undefined;
    additions.push({ slot: { coder, start: plan.start, end: plan.end, values: [] }, request: { ...request, codes: missing }, planned: sameEdits });
  }
  if (additions.length === 0) return outcome;

  const together = writeCodingsInRounds(text, parsed, additions, layout);
  if (together) {
    outcome.edits = together.edits;
    outcome.written = additions.map(({ slot, request }) => ({ start: slot.start, end: slot.end, codes: request.codes }));
    return outcome;
  }
  // One by one, each on the text the one before gave: slower, and a refusal spoils only its own unit.
  let current = text;
  let currentParsed = parsed;
  for (const { slot, request } of additions) {
    const result = codeRange(current, currentParsed, request);
    if (!result.ok) {
      notCoded(slot, result.error);
      continue;
    }
    outcome.edits = composeEdits(text, outcome.edits, result.edits);
    outcome.written.push({ start: result.start, end: result.end, codes: request.codes });
    current = applyTextEdits(current, result.edits);
    currentParsed = parseTranscriptWithMap(current, { path: parsed.source.path, bom: parsed.source.bom, writable: parsed.source.writable });
  }
  return outcome;
}
