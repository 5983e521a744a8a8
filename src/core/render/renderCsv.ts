import { formatQuote } from '../analysis/tables/cells';
import type { Cell, Column, Table } from '../analysis/tables/table';

/** Options of {@link renderCsv}. */
export interface RenderCsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads the text as UTF-8. Default false. */
  bom?: boolean;
}

/**
 * Quotes one CSV field as RFC 4180 asks: a field holding a comma, a double
 * quote, CR or LF is wrapped in double quotes, with inner quotes doubled;
 * other fields are written as they are.
 */
export function escapeCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function number(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

/** A CSV column: its header and how to read a cell. */
interface CsvColumn {
  header: string;
  read: (cell: Cell | undefined) => string;
}

function csvColumns(column: Column, hasQuotes: boolean): CsvColumn[] {
  const quotes: CsvColumn = { header: `${column.label} quotes`, read: (cell) => (cell?.quotes ?? []).map(formatQuote).join('\n') };
  switch (column.kind) {
    case 'countWithSources':
      return [
        { header: `${column.label} excerpts`, read: (cell) => number(cell?.excerpts ?? null) },
        { header: `${column.label} sources`, read: (cell) => number(cell?.sources ?? null) },
        ...(hasQuotes ? [quotes] : []),
      ];
    case 'count':
    case 'number':
    case 'percent':
      return [{ header: column.label, read: (cell) => number(cell?.value ?? null) }, ...(hasQuotes ? [quotes] : [])];
    case 'text':
    case 'quotes':
      return [{ header: column.label, read: (cell) => cell?.text ?? '' }];
  }
}

/**
 * Renders a table as CSV (RFC 4180: CRLF line ends, one header row) tidy
 * enough for R's `read.csv` and for Excel: the first columns are the row key
 * (code id, coder…), its label and its depth; a cell of `excerpts (sources)`
 * becomes two numeric columns; percentages and rates are plain numbers (no
 * `%`); a value that is undefined is an empty field (NA in R); a column of
 * counts that also carries quotes gets a quotes column beside it.
 */
export function renderCsv(table: Table, options: RenderCsvOptions = {}): string {
  const columns = table.columns.map((column, index) =>
    csvColumns(column, table.rows.some((row) => (row.cells[index]?.quotes.length ?? 0) > 0)),
  );
  const header = ['key', table.rowHeader, 'depth', ...columns.flat().map((column) => column.header)];
  const lines = [header.map(escapeCsvField).join(',')];
  for (const row of table.rows) {
    const fields = [row.key, row.label, String(row.depth)];
    columns.forEach((group, index) => {
      for (const column of group) fields.push(column.read(row.cells[index]));
    });
    lines.push(fields.map(escapeCsvField).join(','));
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
