import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { cooccurrenceTable } from './cooccurrenceTable';
import type { Table } from './table';
import type { TableOptions } from './tableOptions';

/** What {@link fitCooccurrence} chose to show. */
export interface FittedCooccurrence {
  table: Table;
  /** The rendered text of `table`. */
  text: string;
  /** Set when the matrix asked for was too wide and the code groups are shown instead: its size. */
  narrowedFrom: { rows: number; cols: number } | null;
}

/** The width of the widest table row (`| … |` line) of rendered text, in code points; 0 without a table. */
export function widestTableRow(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) if (line.startsWith('|')) widest = Math.max(widest, [...line].length);
  return widest;
}

/**
 * The co-occurrence table to print in a terminal `columns` wide: the table
 * built from `options` when its widest rendered row fits, or when the request
 * names its axes (`group`, `rows`, `cols` or `byGroup`); else the matrix of
 * code groups (`byGroup`), even if that is still too wide, with the size of
 * the matrix it replaces. `render` turns a table into the text to print.
 */
export function fitCooccurrence(
  sources: readonly Source[],
  codebook: Codebook,
  options: TableOptions,
  built: Table,
  columns: number,
  render: (table: Table) => string,
): FittedCooccurrence {
  const text = render(built);
  const asked = options.group !== undefined || options.rows !== undefined || options.cols !== undefined || options.byGroup === true;
  if (asked || widestTableRow(text) <= columns) return { table: built, text, narrowedFrom: null };
  const groups = cooccurrenceTable(sources, codebook, { ...options, byGroup: true }).table;
  if (!groups) return { table: built, text, narrowedFrom: null };
  return { table: groups, text: render(groups), narrowedFrom: { rows: built.rows.length, cols: built.columns.length } };
}
