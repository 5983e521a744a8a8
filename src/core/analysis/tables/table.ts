/**
 * The data model of a summary table (SPEC §5). The core computes a `Table`
 * once; the renderers in `core/render/` turn the same value into Markdown,
 * CSV, JSON or HTML. Everything here is plain data: no functions, no Maps, so
 * a table can cross a webview boundary or be written as JSON unchanged.
 */

/** Names of the tables `mdqda summary --table NAME` knows. */
export const TABLE_NAMES = [
  'tensions',
  'frequencies',
  'sources',
  'cooccurrence',
  'facilitators',
  'impact',
  'coders',
  'speakers',
  'words',
] as const;

/** One of {@link TABLE_NAMES}. */
export type TableName = (typeof TABLE_NAMES)[number];

/** Points at one excerpt, in the terms of `mdqda excerpts --format json`. */
export interface ExcerptRef {
  /** Source id. */
  source: string;
  /** Path of the source, relative to the workspace root. */
  path: string;
  /** Code-point offsets into the source's plain text, end exclusive. */
  start: number;
  end: number;
  /** 1-based line of the excerpt's first directive in the file. */
  line: number;
  /** The excerpt's `id=` attribute, when written. */
  id: string | null;
}

/** A quotation shown in a table: an exemplar passage or a memo. */
export interface Quote {
  /** The text as shown: whitespace collapsed, shortened at a word boundary with `…`. */
  text: string;
  /** Whether `text` was shortened. */
  truncated: boolean;
  /** Source id. */
  source: string;
  /** Speaker of the turn the excerpt starts in, when known. */
  speaker: string | null;
  /** True when the excerpt is marked `exemplar`; false when chosen by the stated rule, or a memo. */
  exemplar: boolean;
  /** The excerpt the quote comes from. */
  ref: ExcerptRef;
}

/**
 * What a column holds, which tells renderers how to show and export it:
 * `count` cells carry a number of excerpts, `countWithSources` cells also the
 * sources they come from (shown `7 (3)`, exported as two columns), `number`
 * and `percent` cells a value, `text` cells only text, `quotes` cells a list
 * of quotes.
 */
export type ColumnKind = 'count' | 'countWithSources' | 'number' | 'percent' | 'text' | 'quotes';

/** A data column (the row label column is described by `Table.rowHeader`). */
export interface Column {
  /** Stable key for scripts: an attribute value, a source id, a code id, or a measure name. */
  key: string;
  /** Header shown to people. */
  label: string;
  kind: ColumnKind;
  /** True for the cells of a matrix that HTML colours as a heatmap. */
  heat: boolean;
  /** True for a total column (not part of the heatmap scale). */
  total: boolean;
  /** Colour of the code the column stands for, when it stands for one. */
  color: string | null;
}

/** One cell. `text` is what people see; the other fields are the data behind it. */
export interface Cell {
  /** Display text, already formatted (`7 (3)`, `12.5%`, `—`); never `NaN` or `undefined`. */
  text: string;
  /** The number the cell stands for (sorting, heatmaps, CSV); null when it has none or it is undefined. */
  value: number | null;
  /** Excerpts counted, for count cells. */
  excerpts: number | null;
  /** Distinct sources of those excerpts, for count cells. */
  sources: number | null;
  /** The excerpts behind the number. */
  refs: ExcerptRef[];
  /**
   * What the count counts, one entry per unit, when a unit is not one excerpt: for the overlap
   * co-occurrence, each pair of overlapping excerpts (one excerpt when it carries both codes).
   * Absent: each entry of `refs` is one unit.
   */
  units?: ExcerptRef[][];
  /** Quotes shown in the cell (quotes columns). */
  quotes: Quote[];
}

/** What a row stands for. */
export type RowKind = 'code' | 'heading' | 'coder' | 'speaker' | 'word' | 'total';

/** A code a row stands for. */
export interface RowCode {
  id: string;
  name: string;
  color: string | null;
  /** False for a code used in transcripts but missing from the codebook. */
  known: boolean;
}

/** One row: a label, an indentation level and one cell per column. */
export interface Row {
  /** Stable key: code id, coder, speaker, word, level or `total`. */
  key: string;
  /** Label shown in the first column. */
  label: string;
  kind: RowKind;
  /** Indentation depth: 0 for a root, 1 for a sub-code, and so on. */
  depth: number;
  /** The code the row stands for, if any. */
  code: RowCode | null;
  /** Markers such as `not-in-codebook`, `no-excerpts`, `rolled-up`. */
  flags: string[];
  /** One cell per entry of `Table.columns`, in the same order. */
  cells: Cell[];
}

/** A summary table as data. */
export interface Table {
  name: TableName;
  title: string;
  /** One sentence saying what a cell counts. */
  caption: string;
  /** Header of the row label column. */
  rowHeader: string;
  columns: Column[];
  rows: Row[];
  /** The rules the numbers follow (roll-up, quote choice, normalisation, filters applied). */
  notes: string[];
}

/** How bad a problem with the table request is: errors mean no table. */
export type TableProblemSeverity = 'error' | 'warning';

/** A problem with a table request (unknown attribute, group, code…), as data. */
export interface TableProblem {
  severity: TableProblemSeverity;
  /** Stable id such as `unknown-attribute`, `unknown-group`, `empty-corpus`. */
  ruleId: string;
  /** One line, naming what was asked and what exists. */
  message: string;
}

/** A table, or null when an error made it impossible, with the problems found. */
export interface TableResult {
  table: Table | null;
  problems: TableProblem[];
}
