import type { Excerpt } from '../../model/excerpt';
import type { Source } from '../../model/source';
import type { ExcerptRef, Row, Table, TableName } from './table';
import { excerptLabel } from '../../render/excerptQuote';
import { codePointSlicer } from './textMeasures';

/** Longest `CellExcerpt.shown`, in code points before the ellipsis. */
export const SHOWN_LENGTH = 600;

/** `**P2:**` or `__P2:__` inside a text: a speaker label in Markdown bold. */
const BOLD_LABEL = /(\*\*|__)([^*_\n]{1,40}:)\1/gu;

/** The text of an excerpt as a list shows it (see `CellExcerpt.shown`). */
export function shownText(text: string, speaker: string | null): string {
  return excerptLabel({ text, speaker }, SHOWN_LENGTH).replace(BOLD_LABEL, '$2');
}

/** Which cell of a table, and optionally which quote in it. */
export interface CellAddress {
  /** `Row.key`. */
  row: string;
  /** `Column.key`. */
  column: string;
  /** Index into the cell's quotes: the excerpt of that one quote only. */
  quote?: number;
}

/**
 * One unit behind a count: an excerpt, or for the overlap co-occurrence a pair of overlapping
 * excerpts shown as the stretch of text from the first's start to the last's end.
 */
export interface CellExcerpt {
  source: string;
  /** Path of the source, relative to the workspace root. */
  path: string;
  /** The plain text from `start` to `end` (no coding markup). */
  text: string;
  /**
   * The text as a list shows it: the label of its speaker dropped (the speaker is shown beside
   * it), the bold of later speaker labels removed, whitespace collapsed, at most
   * {@link SHOWN_LENGTH} characters.
   */
  shown: string;
  /** Speaker of the turn the (first) excerpt starts in. */
  speaker: string | null;
  /** Distinct `by=` coders of the excerpts, in order; empty when none is named. */
  coders: string[];
  /** Code ids written on the excerpts, distinct, in written order. */
  codes: string[];
  /** Memos of the excerpts (`memo=`), in order. */
  memos: string[];
  /** Code-point offsets into the source's plain text, end exclusive. */
  start: number;
  end: number;
  /** 1-based line of the (first) excerpt's first directive. */
  line: number;
  /**
   * UTF-16 offsets into the file text (without BOM) from the first directive's start to the last
   * directive's end, markup included: what an editor selects to show the unit.
   */
  fileStart: number;
  fileEnd: number;
  /** Excerpts in the unit: 1, or 2 for a pair of overlapping excerpts. */
  excerpts: number;
}

/** The excerpts behind one cell, in the order the table's query listed them. */
export interface CellExcerpts {
  table: TableName;
  /** Row and column labels, and the cell's text, as the table shows them. */
  rowLabel: string;
  columnLabel: string;
  cellText: string;
  /** What the cell counts (`Cell.excerpts`), or null for a measure (sources, words, a rate…) or a quote. */
  count: number | null;
  items: CellExcerpt[];
  /** References that match no excerpt of `sources` (the corpus changed since the table was built). */
  missing: number;
}

/** Whether `excerpt` is the one `ref` points at (position only: nested directives may share it). */
function matches(excerpt: Excerpt, ref: ExcerptRef): boolean {
  return excerpt.line === ref.line && excerpt.start === ref.start && excerpt.end === ref.end;
}

/**
 * Finds the excerpt a reference points at. Two directives of one line can code the same text (two
 * coders' identical excerpts, nested): then one not taken yet for this cell is chosen, one written
 * with the row's or column's key (code or coder) first.
 */
function resolve(ref: ExcerptRef, byPath: Map<string, Source>, taken: Set<Excerpt>, keys: readonly string[]): { source: Source; excerpt: Excerpt } | null {
  const source = byPath.get(ref.path);
  if (!source) return null;
  const candidates = source.excerpts.filter((excerpt) => matches(excerpt, ref) && !taken.has(excerpt));
  const fits = (excerpt: Excerpt): boolean => keys.some((key) => excerpt.codes.includes(key) || excerpt.coder === key);
  const excerpt = candidates.find(fits) ?? candidates[0];
  if (!excerpt) return null;
  taken.add(excerpt);
  return { source, excerpt };
}

function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** One unit from its excerpts (all of one source). */
function unitOf(source: Source, excerpts: readonly Excerpt[]): CellExcerpt {
  const first = excerpts[0]!;
  const start = Math.min(...excerpts.map((excerpt) => excerpt.start));
  const end = Math.max(...excerpts.map((excerpt) => excerpt.end));
  const text = excerpts.length === 1 ? first.text : codePointSlicer(source.plainText)(start, end);
  const speaker = excerpts.find((excerpt) => excerpt.start === start)?.speaker ?? first.speaker;
  return {
    source: source.id,
    path: source.path,
    text,
    shown: shownText(text, speaker),
    speaker,
    coders: distinct(excerpts.map((excerpt) => excerpt.coder).filter((coder): coder is string => coder !== null)),
    codes: distinct(excerpts.flatMap((excerpt) => excerpt.codes)),
    memos: excerpts.map((excerpt) => excerpt.memo).filter((memo): memo is string => memo !== null && memo.trim() !== ''),
    start,
    end,
    line: Math.min(...excerpts.map((excerpt) => excerpt.line)),
    fileStart: Math.min(...excerpts.map((excerpt) => excerpt.fragments[0]?.range.startOffset ?? 0)),
    fileEnd: Math.max(...excerpts.map((excerpt) => excerpt.fragments[excerpt.fragments.length - 1]?.range.endOffset ?? 0)),
    excerpts: excerpts.length,
  };
}

function findRow(table: Table, key: string): Row | undefined {
  return table.rows.find((row) => row.key === key);
}

/**
 * The excerpts behind one cell of a table (the drill-down of a count): exactly the references the
 * table's own query put in the cell (`Cell.units` when a unit is a pair, else `Cell.refs`; for a
 * quote, its one excerpt), resolved against the corpus the table was built from to their plain
 * text, source, speaker, coders and place in the file. For a count cell `items.length` equals
 * `count`. Returns null when the row, column or quote does not exist or the cell has no excerpts
 * behind it; references that match no excerpt any more are counted in `missing`, not guessed.
 */
export function cellExcerpts(table: Table, sources: readonly Source[], at: CellAddress): CellExcerpts | null {
  const row = findRow(table, at.row);
  const columnIndex = table.columns.findIndex((column) => column.key === at.column);
  const column = table.columns[columnIndex];
  const cell = row?.cells[columnIndex];
  if (!row || !column || !cell) return null;
  let units: ExcerptRef[][];
  if (at.quote !== undefined) {
    const quote = cell.quotes[at.quote];
    if (!quote) return null;
    units = [[quote.ref]];
  } else {
    units = cell.units ?? cell.refs.map((ref) => [ref]);
  }
  if (units.length === 0) return null;
  const byPath = new Map(sources.map((source) => [source.path, source]));
  const keys = [row.key, column.key];
  // Single excerpts are distinct within the cell (two identical references are two excerpts); a
  // pair's two excerpts are distinct within the pair, and one excerpt may be in several pairs.
  const shared = new Set<Excerpt>();
  const items: CellExcerpt[] = [];
  let missing = 0;
  for (const unit of units) {
    const taken = unit.length > 1 ? new Set<Excerpt>() : shared;
    const found = unit.map((ref) => resolve(ref, byPath, taken, keys));
    const excerpts = found.filter((entry): entry is NonNullable<typeof entry> => entry !== null);
    if (excerpts.length < unit.length || excerpts.length === 0) missing += 1;
    else items.push(unitOf(excerpts[0]!.source, excerpts.map((entry) => entry.excerpt)));
  }
  return {
    table: table.name,
    rowLabel: row.label,
    columnLabel: column.label,
    cellText: at.quote === undefined ? cell.text : (cell.text.split('\n')[at.quote] ?? cell.text),
    count: at.quote === undefined ? cell.excerpts : null,
    items,
    missing,
  };
}
