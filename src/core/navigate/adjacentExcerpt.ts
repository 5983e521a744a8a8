import type { Excerpt } from '../model/excerpt';
import type { Source } from '../model/source';

/** Where an excerpt's coded text is in the file: UTF-16 offsets (end exclusive) of its first fragment's content to its last one's. */
export interface ExcerptContentRange {
  excerpt: Excerpt;
  start: number;
  end: number;
}

/** The file offsets of the text an excerpt codes (label or container lines), from its first fragment to its last. */
export function excerptContentRange(excerpt: Excerpt): ExcerptContentRange {
  const first = excerpt.fragments[0];
  const last = excerpt.fragments[excerpt.fragments.length - 1];
  return { excerpt, start: first?.contentStartOffset ?? 0, end: last?.contentEndOffset ?? 0 };
}

/**
 * The excerpt after (`next`) or before (`previous`) a cursor at UTF-16 file
 * offset `offset`, in the order of their content starts (ties: the outer one
 * first). `next` is the first excerpt whose content starts after `offset`;
 * `previous` the last one whose content starts before it. With `wrap`
 * (default true) it goes round the end of the file; undefined when the source
 * has no excerpt (or none in that direction without `wrap`).
 */
export function adjacentExcerpt(source: Source, offset: number, direction: 'next' | 'previous', wrap = true): ExcerptContentRange | undefined {
  const ranges = source.excerpts.map(excerptContentRange).sort((a, b) => a.start - b.start || b.end - a.end);
  if (ranges.length === 0) return undefined;
  if (direction === 'next') {
    const found = ranges.find((range) => range.start > offset);
    return found ?? (wrap ? ranges[0] : undefined);
  }
  const before = ranges.filter((range) => range.start < offset);
  return before[before.length - 1] ?? (wrap ? ranges[ranges.length - 1] : undefined);
}
