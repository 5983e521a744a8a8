import type { Table } from '../analysis/tables/table';

/**
 * The largest finite value in the heat columns of a table, total rows left
 * out: the value a heatmap gives its darkest colour (0 when there is none).
 */
export function heatMaximum(table: Table): number {
  let max = 0;
  for (const row of table.rows) {
    if (row.kind === 'total') continue;
    table.columns.forEach((column, index) => {
      const value = row.cells[index]?.value;
      if (column.heat && value !== null && value !== undefined && Number.isFinite(value)) max = Math.max(max, value);
    });
  }
  return max;
}
