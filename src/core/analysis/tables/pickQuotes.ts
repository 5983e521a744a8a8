import type { Source } from '../../model/source';
import type { ScopedExcerpt } from './filters';
import type { Quote } from './table';

/** Default longest quote shown, in code points before the ellipsis. */
export const DEFAULT_QUOTE_LENGTH = 160;

/** The rule {@link pickQuotes} follows, worded for table notes, for quotes of at most `maxLength` characters. */
export function describeQuoteRule(maxLength = DEFAULT_QUOTE_LENGTH): string {
  return (
    'Quotes are the excerpts marked exemplar (in source order); where a row has none, the most typical excerpt: ' +
  'the one whose text the most coders coded with the same code, then the one nearest the median length in words, then the first in source order. ' +
    `Quotes are shortened at a word boundary to at most ${maxLength} characters, marked with an ellipsis (…).`
  );
}

const SPEAKER_LABEL = /^\s*(?:\*\*|__)?[^\n*_:]{1,40}:(?:\*\*|__)?\s+/u;

/**
 * Shortens text for a table cell: a label naming `speaker` at its start
 * (`**P3:**`) is dropped (the speaker is shown beside the quote), whitespace and line
 * breaks collapse to one space, and text longer than `maxLength` code points
 * is cut at the last word boundary before it and ends with `…`. A single
 * word longer than `maxLength` is cut inside the word. `maxLength` below 1 counts as 1.
 */
export function shortenQuote(text: string, maxLength = DEFAULT_QUOTE_LENGTH, speaker: string | null = null): { text: string; truncated: boolean } {
  let clean = text.replace(/\s+/gu, ' ').trim();
  const label = SPEAKER_LABEL.exec(clean);
  if (label && speaker !== null && label[0].includes(speaker)) clean = clean.slice(label[0].length);
  const limit = Math.max(1, Math.floor(maxLength));
  const chars = Array.from(clean);
  if (chars.length <= limit) return { text: clean, truncated: false };
  let cut = limit;
  while (cut > 0 && chars[cut] !== ' ') cut -= 1;
  if (cut === 0) cut = limit;
  const head = chars.slice(0, cut).join('').replace(/[\s.,;:–—-]+$/u, '');
  return { text: `${head}…`, truncated: true };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function overlaps(a: ScopedExcerpt, b: ScopedExcerpt): boolean {
  if (a.source !== b.source) return false;
  return a.spans.some(([s1, e1]) => b.spans.some(([s2, e2]) => Math.max(s1, s2) < Math.min(e1, e2)));
}

/** Options of {@link pickQuotes}. */
export interface PickQuotesOptions {
  /** Most quotes returned. Default 2. */
  count?: number;
  /** Longest quote, in code points. Default {@link DEFAULT_QUOTE_LENGTH}. */
  maxLength?: number;
  /**
   * The codes the row stands for (a list, or a test of an id); coders who
   * coded overlapping text with one of these codes agree. Default: any code shared.
   */
  codes?: readonly string[] | ((id: string) => boolean);
  /**
   * Quotes already shown (as {@link quoteKey} gives them), e.g. in the rows of
   * sub-codes: they are passed over while another excerpt remains. Default: none.
   */
  avoid?: ReadonlySet<string>;
}

/** Identifies a quote by source and shown text, so the same passage coded twice is one quote. */
export function quoteKey(quote: Pick<Quote, 'source' | 'text'>): string {
  return `${quote.source}\u0000${quote.text}`;
}

/**
 * Picks the quotes of a row from its excerpts, by {@link describeQuoteRule}:
 * exemplars first (up to `count`; the same text in the same source once);
 * when there is none, one typical excerpt. Quotes in `avoid` are passed over
 * while other excerpts remain.
 * An empty list gives no quote.
 */
export function pickQuotes(excerpts: readonly ScopedExcerpt[], options: PickQuotesOptions = {}): Quote[] {
  const count = Math.max(0, options.count ?? 2);
  const maxLength = options.maxLength ?? DEFAULT_QUOTE_LENGTH;
  const all = [...new Set(excerpts)].sort((a, b) => a.order - b.order);
  const shown = (item: ScopedExcerpt): string => quoteKey({ source: item.source.id, text: shortenQuote(item.excerpt.text, maxLength, item.excerpt.speaker).text });
  const fresh = options.avoid && options.avoid.size > 0 ? all.filter((item) => !options.avoid?.has(shown(item))) : all;
  const sorted = fresh.length > 0 ? fresh : all;
  const exemplars = sorted.filter((item) => item.excerpt.exemplar);
  let chosen: ScopedExcerpt[];
  if (exemplars.length > 0) {
    // Two coders often mark the same passage exemplar: show it once.
    const seen = new Set<string>();
    chosen = exemplars.filter((item) => {
      const key = shown(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }).slice(0, count);
  } else if (sorted.length > 0 && count > 0) {
    const middle = median(sorted.map((item) => item.words));
    const listed = Array.isArray(options.codes) ? new Set(options.codes) : null;
    const wanted = (id: string): boolean => (typeof options.codes === 'function' ? options.codes(id) : listed ? listed.has(id) : true);
    const shares = (a: ScopedExcerpt, b: ScopedExcerpt): boolean =>
      a.codes.some((id) => wanted(id) && b.codes.includes(id));
    const bySource = new Map<Source, ScopedExcerpt[]>();
    for (const item of sorted) {
      const list = bySource.get(item.source);
      if (list) list.push(item);
      else bySource.set(item.source, [item]);
    }
    const agreement = (item: ScopedExcerpt): number =>
      new Set((bySource.get(item.source) ?? []).filter((other) => shares(item, other) && overlaps(item, other)).map((other) => other.excerpt.coder ?? '')).size;
    const scored = sorted.map((item) => ({ item, agree: agreement(item), distance: Math.abs(item.words - middle) }));
    scored.sort((a, b) => b.agree - a.agree || a.distance - b.distance || a.item.order - b.item.order);
    chosen = [scored[0].item];
  } else {
    chosen = [];
  }
  return chosen.map((item) => {
    const short = shortenQuote(item.excerpt.text, maxLength, item.excerpt.speaker);
    return {
      text: short.text,
      truncated: short.truncated,
      source: item.source.id,
      speaker: item.excerpt.speaker,
      exemplar: item.excerpt.exemplar,
      ref: item.ref,
    };
  });
}
