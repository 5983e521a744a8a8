/**
 * What the Markdown parser tells about a transcript, reduced to plain numbers
 * and strings: small, serialisable (cached by content hash, passed between
 * worker threads) and enough to build a `Source` without parsing again.
 * Offsets are UTF-16 units into the file text without its byte order mark.
 */
export interface TranscriptFacts {
  /** Version of this shape and of the rules that made it; caches compare it. */
  version: number;
  /** Markup to cut out for the plain text, flat `[start, end, start, end, …]`. */
  removals: number[];
  directives: DirectiveFact[];
  /** File offsets where paragraphs start, ascending. */
  paragraphs: number[];
  headings: HeadingFact[];
  frontMatter: FrontMatterFact | null;
  /** What the front matter says (read once at parse time, so a cached parse need not read YAML again). */
  attributes: { id: string | null; coders: string[]; values: Record<string, unknown> };
  /** Problems found while parsing (path is added later). */
  problems: ProblemFact[];
  /**
   * True when the file was refused before parsing (nesting beyond the limit,
   * see `findDeepNesting`): no excerpts, the plain text is the file text, and
   * the tool must not edit the file.
   */
  refused: boolean;
}

/** One `code` directive. */
export interface DirectiveFact {
  kind: 'text' | 'container';
  /** The whole directive, markup included. */
  start: number;
  end: number;
  /** What it codes: the label (text) or the lines between the fences (container). */
  contentStart: number;
  contentEnd: number;
  /** Attributes as the directive parser read them (`class`, `id`, `by`, …). */
  attributes: Record<string, string>;
  /** False for a container without its closing fence. */
  closed: boolean;
}

export interface HeadingFact {
  depth: number;
  text: string;
  offset: number;
}

export interface FrontMatterFact {
  /** The YAML between the fences. */
  value: string;
  /** 1-based line of the first YAML line. */
  line: number;
  /** File offset of the first YAML character. */
  offset: number;
}

export interface ProblemFact {
  offset: number;
  endOffset: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  ruleId: string;
}

/** Bump when the facts or the rules that derive them change: it invalidates caches. */
export const FACTS_VERSION = 3;
