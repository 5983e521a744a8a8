import type { Row, Table, TableResult } from '../../../src/core/analysis/tables/table';

/** The table of a result, failing the test when there is none. */
export function tableOf(result: TableResult): Table {
  if (!result.table) throw new Error(`expected a table, got problems: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.table;
}

/** The row with this key. */
export function row(table: Table, key: string): Row {
  const found = table.rows.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no row '${key}' in ${table.rows.map((r) => r.key).join(', ')}`);
  return found;
}

/** The display text of a cell, by row key and column key. */
export function cellText(table: Table, rowKey: string, columnKey: string): string {
  const index = table.columns.findIndex((column) => column.key === columnKey);
  if (index < 0) throw new Error(`no column '${columnKey}' in ${table.columns.map((c) => c.key).join(', ')}`);
  return row(table, rowKey).cells[index].text;
}

/** The display texts of a row, column by column. */
export function rowTexts(table: Table, rowKey: string): string[] {
  return row(table, rowKey).cells.map((cell) => cell.text);
}
