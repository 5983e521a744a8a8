import type { ScopedExcerpt } from './filters';
import type { Cell, Quote } from './table';

/** Text shown for a number that has no value (division by zero, no data). */
export const NO_VALUE = '—';

function base(): Cell {
  return { text: '', value: null, excerpts: null, sources: null, refs: [], quotes: [] };
}

/** Distinct excerpts of a list, in corpus order. */
export function distinctExcerpts(excerpts: Iterable<ScopedExcerpt>): ScopedExcerpt[] {
  return [...new Set(excerpts)].sort((a, b) => a.order - b.order);
}

/**
 * A count cell over excerpts (duplicates counted once). `withSources` shows
 * `7 (3)`: excerpts, then distinct sources in brackets; otherwise `7`.
 */
export function countCell(excerpts: Iterable<ScopedExcerpt>, withSources: boolean): Cell {
  const list = distinctExcerpts(excerpts);
  const sources = new Set(list.map((item) => item.source)).size;
  return {
    ...base(),
    text: withSources ? `${list.length} (${sources})` : String(list.length),
    value: list.length,
    excerpts: list.length,
    sources,
    refs: list.map((item) => item.ref),
  };
}

/**
 * A number cell shown with `digits` decimals (a `%` appended when `percent`).
 * A value that is not finite (NaN, Infinity) or null becomes an empty value shown as `—`.
 */
export function numberCell(value: number | null, digits: number, percent = false): Cell {
  if (value === null || !Number.isFinite(value)) return { ...base(), text: NO_VALUE };
  const rounded = Number(value.toFixed(digits));
  return { ...base(), text: `${rounded.toFixed(digits)}${percent ? '%' : ''}`, value: rounded };
}

/** A number cell that also keeps the excerpts behind it. */
export function measureCell(value: number | null, digits: number, excerpts: Iterable<ScopedExcerpt>, percent = false): Cell {
  const list = distinctExcerpts(excerpts);
  return { ...numberCell(value, digits, percent), refs: list.map((item) => item.ref) };
}

/** A cell with text only. */
export function textCell(text: string): Cell {
  return { ...base(), text };
}

/** A blank cell (the diagonal of a co-occurrence matrix). */
export function blankCell(): Cell {
  return base();
}

/** Formats one quote as plain text: `“text” (speaker, source)`, or `(source)` without a speaker. */
export function formatQuote(quote: Quote): string {
  const who = quote.speaker ? `${quote.speaker}, ${quote.source}` : quote.source;
  return `“${quote.text}” (${who})`;
}

/** A cell of quotes; its text puts one quote per line (renderers show the line breaks). */
export function quotesCell(quotes: Quote[]): Cell {
  return { ...base(), text: quotes.map(formatQuote).join('\n'), quotes, refs: quotes.map((quote) => quote.ref) };
}

/** `a / b`, or null when `b` is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
