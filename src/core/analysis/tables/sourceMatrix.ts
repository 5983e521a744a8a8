import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { countCell, measureCell, ratio } from './cells';
import { codeRow, indexCodeExcerpts } from './codeExcerpts';
import { applyFilters, hasErrors, type ScopedExcerpt } from './filters';
import { BY_SOURCE, columnHolds, columnWords, sourceColumns, type SourceColumn } from './sourceColumns';
import type { Cell, Column, Row, TableResult } from './table';
import type { TableOptions } from './tableOptions';

/**
 * The code × source matrix (SPEC §5.3): one row per code in scope (codebook
 * order, sub-codes indented, then codes missing from the codebook, flagged),
 * one column per source or per value of `options.by`, then a total. A cell
 * counts the excerpts coded with the row's code in the column's sources
 * (direct, or with sub-codes when `options.rollup`); with more than one
 * source per column it reads `excerpts (sources)`. With `options.normalise`
 * it gives excerpts per 1,000 words of the column's sources (one decimal;
 * `—` for a column without words). An unknown `--by` attribute gives no
 * table and an error.
 */
export function sourceMatrix(sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  const groups = options.groups ?? (options.group ? [options.group] : undefined);
  const scope = applyFilters(sources, codebook, { ...options, groups });
  const problems = [...scope.problems];
  const by = options.by ?? BY_SOURCE;
  const split = sourceColumns(scope.sources, by, scope.excerpts);
  if (split.problem) problems.push(split.problem);
  if (hasErrors(problems)) return { table: null, problems };

  const rollup = options.rollup ?? false;
  const normalise = options.normalise ?? false;
  const withSources = by !== BY_SOURCE && !normalise;
  const lookup = indexCodeExcerpts(scope);
  const total: SourceColumn = { key: 'total', label: 'Total', sources: scope.sources };
  const cell = (excerpts: ScopedExcerpt[], column: SourceColumn): Cell => {
    const inColumn = excerpts.filter((item) => columnHolds(column, item));
    if (!normalise) return countCell(inColumn, withSources || column === total);
    const perThousand = ratio(inColumn.length * 1000, columnWords(scope, column));
    return { ...measureCell(perThousand, 1, inColumn), excerpts: inColumn.length };
  };
  const columns: Column[] = [
    ...split.columns.map((column) => ({
      key: column.key,
      label: column.label,
      kind: normalise ? ('number' as const) : withSources ? ('countWithSources' as const) : ('count' as const),
      heat: true,
      total: false,
      color: null,
    })),
    { key: 'total', label: 'Total', kind: normalise ? 'number' : 'countWithSources', heat: false, total: true, color: null },
  ];
  const cellsOf = (excerpts: ScopedExcerpt[]): Cell[] => [...split.columns, total].map((column) => cell(excerpts, column));

  const rows: Row[] = [];
  for (const { id, depth } of scope.tree.ordered()) {
    if (!scope.inScope(id)) continue;
    const excerpts = lookup.of(id, rollup);
    const flags = [...(rollup && scope.tree.someDescendant(id, scope.inScope) ? ['rolled-up'] : []), ...(excerpts.length === 0 ? ['no-excerpts'] : [])];
    rows.push(codeRow(scope, id, depth, cellsOf(excerpts), flags));
  }
  for (const id of scope.unknownCodes) rows.push(codeRow(scope, id, 0, cellsOf(lookup.direct(id))));

  const byLabel = by === BY_SOURCE ? 'source' : by;
  const notes = [
    normalise
      ? 'Cells give coded excerpts per 1,000 words of the column’s sources (words as runs of letters and digits), to one decimal.'
      : withSources
        ? 'Cells give excerpts (sources): coded excerpts, then the distinct sources they come from.'
        : 'Cells give the number of coded excerpts.',
    normalise ? 'The Total column gives the same rate over every source in scope.' : 'The Total column gives excerpts (sources) over every source in scope.',
    rollup
      ? 'Counts roll sub-codes up: a code counts every excerpt coded with it or any of its sub-codes, each once.'
      : 'Counts are direct: an excerpt counts for the codes written on it, not for their parent codes.',
    ...split.notes,
    ...scope.notes,
  ];
  if (normalise) {
    const words = split.columns.map((column) => `${column.label} ${columnWords(scope, column)}`);
    if (words.length > 0) notes.push(`Words per column: ${words.join('; ')}.`);
  }
  return {
    table: {
      name: 'sources',
      title: `Codes by ${byLabel}${normalise ? ' (per 1,000 words)' : ''}`,
      caption: normalise ? `Coded excerpts per 1,000 words, per code and ${byLabel}.` : `Coded excerpts per code and ${byLabel}.`,
      rowHeader: 'Code',
      columns,
      rows,
      notes,
    },
    problems,
  };
}
