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
  /** The text to tint per code id: `spans` without the stretches where more than `maxBlended` codes overlap. */
  tints: Map<string, OffsetRange[]>;
  /** Where more than `maxBlended` codes overlap: stacked underlines, one per code (codebook order), instead of blended tints. */
  stacks: CodeStack[];
  /** Markup to dim: `:code[`, `]{…}`, and the fence lines of containers. */
  markup: OffsetRange[];
  /** 0-based lines that carry coded text, with the codes on each (codebook order, at most `maxStripes`). */
  stripes: { line: number; codes: string[] }[];
}

/** A stretch of text coded with several codes at once. */
export interface CodeStack extends OffsetRange {
  codes: string[];
}

/** Options of {@link codingLayout}. */
export interface CodingLayoutOptions {
  /** Most codes shown as stripes on one line (default 4); the first ones in codebook order win. */
  maxStripes?: number;
  /** Most overlapping codes shown as blended tints (default 2); more become a stack of underlines. */
  maxBlended?: number;
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
  const { tints, stacks } = stackOverlaps(spans, options.maxBlended ?? 2, byRank);
  return { spans, tints, stacks, markup, stripes };
}

/**
 * Splits the coded text of `spans` where more than `maxBlended` codes overlap: there the codes
 * become one {@link CodeStack} (codes sorted by `order`) and leave their tint; elsewhere each
 * code keeps its tint. Adjacent stretches with the same codes are joined.
 */
function stackOverlaps(spans: Map<string, OffsetRange[]>, maxBlended: number, order: (a: string, b: string) => number): { tints: Map<string, OffsetRange[]>; stacks: CodeStack[] } {
  const events: { at: number; code: string; delta: number }[] = [];
  for (const [code, list] of spans) {
    for (const span of list) {
      if (span.end <= span.start) continue;
      events.push({ at: span.start, code, delta: 1 }, { at: span.end, code, delta: -1 });
    }
  }
  events.sort((a, b) => a.at - b.at);
  const tints = new Map<string, OffsetRange[]>();
  for (const code of spans.keys()) tints.set(code, []);
  const stacks: CodeStack[] = [];
  const open = new Map<string, number>();
  for (let index = 0; index < events.length;) {
    const at = events[index].at;
    for (; index < events.length && events[index].at === at; index++) {
      const { code, delta } = events[index];
      const count = (open.get(code) ?? 0) + delta;
      if (count > 0) open.set(code, count);
      else open.delete(code);
    }
    if (index >= events.length || open.size === 0) continue;
    const end = events[index].at;
    if (open.size > maxBlended) {
      const codes = [...open.keys()].sort(order);
      const last = stacks[stacks.length - 1];
      if (last && last.end === at && last.codes.join() === codes.join()) last.end = end;
      else stacks.push({ start: at, end, codes });
      continue;
    }
    for (const code of open.keys()) {
      const list = tints.get(code) as OffsetRange[];
      const last = list[list.length - 1];
      if (last && last.end === at) last.end = end;
      else list.push({ start: at, end });
    }
  }
  for (const [code, list] of tints) if (list.length === 0) tints.delete(code);
  return { tints, stacks };
}

/** A function from a UTF-16 offset to its 0-based line (lines end at `\n`). */
export function lineFinder(text: string): (offset: number) => number {
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
