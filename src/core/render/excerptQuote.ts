import { shortenQuote } from '../analysis/tables/pickQuotes';
import type { Excerpt } from '../model/excerpt';

/**
 * An excerpt's text as a reader wants it in a list: the speaker label at its start (`**P1:**`)
 * dropped when it names the excerpt's speaker (the speaker is shown beside it), whitespace and
 * line breaks collapsed, shortened at a word boundary to `maxLength` code points with `…`.
 */
export function excerptLabel(excerpt: Pick<Excerpt, 'text' | 'speaker'>, maxLength: number): string {
  return shortenQuote(excerpt.text, maxLength, excerpt.speaker).text;
}

/**
 * An excerpt as a quotation for a paper: the whole text in curly quotes (speaker label dropped,
 * whitespace collapsed, never shortened), then the speaker, the source and the line:
 * `“We called it co-production…” (P1, lead-01, line 16)`.
 */
export function excerptQuote(excerpt: Pick<Excerpt, 'text' | 'speaker' | 'sourceId' | 'line'>): string {
  const text = shortenQuote(excerpt.text, Number.MAX_SAFE_INTEGER, excerpt.speaker).text;
  const where = [excerpt.speaker, excerpt.sourceId, `line ${excerpt.line}`].filter(Boolean).join(', ');
  return `“${text}” (${where})`;
}
