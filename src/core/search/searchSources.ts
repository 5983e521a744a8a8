import type { Codebook } from '../model/codebook';
import type { Excerpt } from '../model/excerpt';
import type { Source } from '../model/source';
import { resolveCodeId } from '../codebook/queryCodes';
import { attributeMatches, expandCodes } from '../index/queryExcerpts';
import { speakerOf } from '../syntax/parseTranscript';
import { lineOfHit, type HitLocator } from './lineOfHit';
import { checkSpeakers } from './checkSpeakers';
import { compileSearchPattern, type SearchPatternOptions } from './compileSearchPattern';

/** What to search for and where; every filter narrows the hits, an absent one does not. */
export interface SearchQuery extends SearchPatternOptions {
  /** Literal text, or a regular expression with `regex`. */
  pattern: string;
  /** Hits in turns of these speakers (exact names). */
  speakers?: string[];
  /** Sources whose front matter attribute has the value (a list attribute matches when any item does). */
  where?: Record<string, string>;
  /** Hits wholly inside an excerpt of one of these codes (ids or aliases, descendants included). */
  within?: string[];
  /** Only excerpts by these coders count, for `within` and for the codes shown on a hit. */
  coders?: string[];
  /** Code points of context shown each side of a hit. Default 40. */
  context?: number;
  /** Hits kept per source; the rest are dropped and the source is reported as capped. Default 1000. */
  maxHitsPerSource?: number;
  /**
   * Runs the compiled pattern over one plain text (see `PatternRunner`); a
   * host that can stop a runaway regular expression passes one with a time
   * limit. Default: `allMatches`, which cannot be stopped.
   */
  run?: PatternRunner;
}

/**
 * Every match of a global RegExp in a text, as flat pairs `[index, length, …]`
 * (UTF-16), stopping after the first empty match; null when the run was
 * stopped (took too long), and the source is then reported as timed out.
 */
export type PatternRunner = (regex: RegExp, text: string) => number[] | null;

/** The default `PatternRunner`: runs the RegExp to the end, synchronously. */
export function allMatches(regex: RegExp, text: string): number[] {
  const found: number[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    found.push(match.index, match[0].length);
    if (match[0].length === 0) break;
  }
  return found;
}

/** One occurrence of the pattern in a source's plain text. */
export interface SearchHit {
  sourceId: string;
  path: string;
  /** Speaker of the turn the hit starts in. */
  speaker: string | null;
  /** 1-based line of the hit's start in the file; null when no locator was given for its source. */
  line: number | null;
  /** Code-point offsets into the plain text, end exclusive. */
  start: number;
  end: number;
  /** Context before the hit, the hit, context after it: whitespace runs shown as one space, so each is one line. */
  left: string;
  text: string;
  right: string;
  /** Codes of the excerpts that overlap the hit, in excerpt order, without duplicates. */
  codes: string[];
}

/** The hits, or why the search could not run (a one-line message for the user). */
export type SearchResult = { ok: true; hits: SearchHit[]; capped: string[]; timedOut: string[] } | { ok: false; message: string };

/**
 * Finds a pattern in the plain text of sources (never in markup or front
 * matter, which the plain text does not hold), in source order then text
 * order. Never throws for user input: an invalid pattern, a pattern that
 * matches the empty string, or a speaker no searched source has come back as
 * `ok: false`. The pattern runs through `query.run`: with a runner that has a
 * time limit, a source where a regular expression backtracks
 * catastrophically is left out and listed in `timedOut`; `maxHitsPerSource`
 * caps the hits of each source. `locate` gives the map from plain text to
 * file of a source (asked once, for sources with hits only); without it a
 * hit's line is null.
 */
export function searchSources(sources: readonly Source[], codebook: Codebook, query: SearchQuery, locate: (source: Source) => HitLocator | undefined = () => undefined): SearchResult {
  const compiled = compileSearchPattern(query.pattern, query);
  if (!compiled.ok) return compiled;
  const chosen = query.where ? sources.filter((source) => Object.entries(query.where ?? {}).every(([key, value]) => attributeMatches(source.attributes[key], value))) : [...sources];
  const unknownSpeakers = query.speakers ? checkSpeakers(chosen, query.speakers) : null;
  if (unknownSpeakers) return { ok: false, message: unknownSpeakers };
  const within = query.within ? expandCodes(codebook, query.within, true) : null;
  const coders = query.coders ? new Set(query.coders) : null;
  const speakers = query.speakers ? new Set(query.speakers) : null;
  const context = query.context ?? 40;
  const limit = query.maxHitsPerSource ?? 1000;
  const hits: SearchHit[] = [];
  const capped: string[] = [];
  const timedOut: string[] = [];
  const regex = compiled.regex;
  const run = query.run ?? allMatches;
  for (const source of chosen) {
    const excerpts = coders ? source.excerpts.filter((excerpt) => excerpt.coder !== null && coders.has(excerpt.coder)) : source.excerpts;
    const text = source.plainText;
    const codePoints = new CodePointCounter(text);
    let kept = 0;
    let locator: HitLocator | undefined | null = null;
    const matches = run(regex, text);
    if (matches === null) {
      timedOut.push(source.path);
      continue;
    }
    for (let pair = 0; pair < matches.length; pair += 2) {
      const index = matches[pair];
      const length = matches[pair + 1];
      if (length === 0) return { ok: false, message: `the pattern /${query.pattern}/ matches the empty string (in ${source.path}); give one that matches at least one character` };
      const start = codePoints.at(index);
      const end = codePoints.at(index + length);
      const speaker = speakerOf(source.turns, start);
      if (speakers && (speaker === null || !speakers.has(speaker))) continue;
      if (within && !excerpts.some((excerpt) => containsSpan(excerpt, start, end) && excerpt.codes.some((code) => within.has(resolveCodeId(codebook, code) ?? code)))) continue;
      if (kept === limit) {
        capped.push(source.path);
        break;
      }
      kept++;
      if (locator === null) locator = locate(source);
      hits.push({
        sourceId: source.id,
        path: source.path,
        speaker,
        line: locator ? lineOfHit(locator, start) : null,
        start,
        end,
        left: context > 0 ? oneLine(lastCodePoints(text.slice(0, index), context)) : '',
        text: oneLine(text.slice(index, index + length)),
        right: context > 0 ? oneLine(firstCodePoints(text.slice(index + length), context)) : '',
        codes: codesOverlapping(excerpts, start, end),
      });
    }
  }
  return { ok: true, hits, capped, timedOut };
}

/** Counts code points up to increasing UTF-16 offsets in one pass over the text. */
class CodePointCounter {
  private offset = 0;
  private count = 0;
  /** Without surrogates, code points and UTF-16 offsets are the same: nothing to count. */
  private readonly astral: boolean;
  constructor(private readonly text: string) {
    this.astral = /[\ud800-\udfff]/.test(text);
  }

  /** Code points before a UTF-16 offset; offsets must not decrease between calls. */
  at(offset: number): number {
    if (!this.astral) return offset;
    if (offset < this.offset) {
      this.offset = 0;
      this.count = 0;
    }
    while (this.offset < offset) {
      const unit = this.text.charCodeAt(this.offset);
      this.offset += unit >= 0xd800 && unit <= 0xdbff && this.offset + 1 < this.text.length ? 2 : 1;
      this.count++;
    }
    return this.count;
  }
}

function containsSpan(excerpt: Excerpt, start: number, end: number): boolean {
  return excerpt.fragments.some((fragment) => fragment.start <= start && end <= fragment.end);
}

function codesOverlapping(excerpts: readonly Excerpt[], start: number, end: number): string[] {
  const codes = new Set<string>();
  for (const excerpt of excerpts) {
    if (excerpt.fragments.some((fragment) => fragment.start < end && start < fragment.end)) for (const code of excerpt.codes) codes.add(code);
  }
  return [...codes];
}

function lastCodePoints(text: string, count: number): string {
  const points = Array.from(text.slice(-2 * count));
  return points.slice(Math.max(0, points.length - count)).join('');
}

function firstCodePoints(text: string, count: number): string {
  return Array.from(text.slice(0, 2 * count)).slice(0, count).join('');
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
