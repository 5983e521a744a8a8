import type { Codebook } from '../model/codebook';
import type { Source } from '../model/source';

/** A stretch of the file text, UTF-16 offsets `[start, end)`. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** What the editor draws for one transcript: tints per code, dimmed markup, stripes per line. */
export interface CodingLayout {
  /** Coded text per code id: labels of text directives, lines between container fences. */
  spans: Map<string, OffsetRange[]>;
  /** Markup to dim: `:code[`, `]{…}`, and the fence lines of containers. */
  markup: OffsetRange[];
  /** 0-based lines that carry coded text, with the codes on each (codebook order, at most `maxStripes`). */
  stripes: { line: number; codes: string[] }[];
}

/** Options of {@link codingLayout}. */
export interface CodingLayoutOptions {
  /** Most codes shown as stripes on one line (default 4); the first ones in codebook order win. */
  maxStripes?: number;
}

/**
 * Lays out the decorations of a transcript from its parsed `source` and the `text` it was parsed
 * from (without byte order mark): which text each code covers, which characters are markup, and
 * which codes stripe each line. Codes the codebook lacks come after its codes, by id. A source
 * that does not match `text` gives ranges clipped to the text, never an exception.
 */
export function codingLayout(source: Source, text: string, codebook: Codebook, options: CodingLayoutOptions = {}): CodingLayout {
  const maxStripes = options.maxStripes ?? 4;
  const order = new Map<string, number>();
  for (const id of codebook.codes.keys()) order.set(id, order.size);
  const rank = (id: string): number => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const byRank = (a: string, b: string): number => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);

  const clip = (offset: number): number => Math.max(0, Math.min(text.length, offset));
  const spans = new Map<string, OffsetRange[]>();
  const markup: OffsetRange[] = [];
  const lineCodes = new Map<number, Set<string>>();
  const lineOf = lineFinder(text);
  for (const excerpt of source.excerpts) {
    for (const fragment of excerpt.fragments) {
      const start = clip(fragment.range.startOffset);
      const end = clip(fragment.range.endOffset);
      const contentStart = clip(Math.max(start, fragment.contentStartOffset));
      const contentEnd = clip(Math.max(contentStart, Math.min(end, fragment.contentEndOffset)));
      if (contentStart > start) markup.push({ start, end: contentStart });
      if (end > contentEnd) markup.push({ start: contentEnd, end });
      if (contentEnd <= contentStart) continue;
      for (const code of excerpt.codes) {
        let list = spans.get(code);
        if (!list) spans.set(code, (list = []));
        list.push({ start: contentStart, end: contentEnd });
      }
      const first = lineOf(contentStart);
      const last = lineOf(contentEnd);
      for (let line = first; line <= last; line++) {
        let codes = lineCodes.get(line);
        if (!codes) lineCodes.set(line, (codes = new Set()));
        for (const code of excerpt.codes) codes.add(code);
      }
    }
  }
  markup.sort((a, b) => a.start - b.start || a.end - b.end);
  const stripes = [...lineCodes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, codes]) => ({ line, codes: [...codes].sort(byRank).slice(0, maxStripes) }));
  return { spans, markup, stripes };
}

/** A function from a UTF-16 offset to its 0-based line (lines end at `\n`). */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
}
