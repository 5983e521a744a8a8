import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { countCell, distinctExcerpts, quotesCell } from './cells';
import { codeRow, indexCodeExcerpts } from './codeExcerpts';
import { applyFilters, hasErrors, type ScopedExcerpt } from './filters';
import { describeQuoteRule, DEFAULT_QUOTE_LENGTH, pickQuotes, quoteKey } from './pickQuotes';
import { BY_SOURCE, columnHolds, sourceColumns } from './sourceColumns';
import type { Column, Quote, Row, TableResult } from './table';
import type { TableOptions } from './tableOptions';

/** Default group of the tension summary table. */
export const DEFAULT_TENSION_GROUP = 'tensions';

/**
 * The tension summary table (SPEC §5.1). Rows: the codes of `options.group`
 * (default `tensions`) in codebook order, sub-codes indented; a code with
 * sub-codes rolls them up (an excerpt coded with it or any sub-code counts
 * once). Columns: one per value of `options.by` (default: one per source),
 * then `Total`, then exemplar quotes. Cells read `excerpts (sources)`. A last
 * row totals every code of the group. Filters apply first. An unknown group
 * or `--by` attribute gives no table and an error; a code without excerpts is
 * an honest row of zeros.
 */
export function tensionTable(sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  const group = options.group ?? DEFAULT_TENSION_GROUP;
  const scope = applyFilters(sources, codebook, options);
  const problems = [...scope.problems];
  const groups = scope.tree.groups();
  if (!groups.includes(group)) {
    problems.push({ severity: 'error', ruleId: 'unknown-group', message: `unknown group '${group}' (groups: ${groups.length > 0 ? groups.join(', ') : '(none)'})` });
  }
  const by = options.by ?? BY_SOURCE;
  const split = sourceColumns(scope.sources, by, scope.excerpts);
  if (split.problem) problems.push(split.problem);
  if (hasErrors(problems)) return { table: null, problems };

  const maxLength = options.quoteLength ?? DEFAULT_QUOTE_LENGTH;
  const quoteCount = options.quotes ?? 2;
  const lookup = indexCodeExcerpts(scope);
  const columns: Column[] = [
    ...split.columns.map((column) => ({ key: column.key, label: column.label, kind: 'countWithSources' as const, heat: true, total: false, color: null })),
    { key: 'total', label: 'Total', kind: 'countWithSources', heat: false, total: true, color: null },
    { key: 'quotes', label: 'Exemplar quotes', kind: 'quotes', heat: false, total: false, color: null },
  ];
  const cellsFor = (excerpts: ScopedExcerpt[], quotes: Quote[]) => [
    ...split.columns.map((column) => countCell(excerpts.filter((item) => columnHolds(column, item)), true)),
    countCell(excerpts, true),
    quotesCell(quotes),
  ];

  const members = scope.tree.inGroup(group).filter((entry) => scope.inScope(entry.id));
  // Quotes are chosen bottom-up so that a parent row shows a passage its sub-code rows do not.
  const quotesOf = new Map<string, Quote[]>();
  // Quote keys shown in the rows below each code, gathered bottom-up (members come parents first).
  const shownBelow = new Map<string, Set<string>>();
  for (const { id } of [...members].reverse()) {
    const avoid = new Set<string>();
    for (const child of scope.tree.get(id)?.children ?? []) {
      for (const quote of quotesOf.get(child) ?? []) avoid.add(quoteKey(quote));
      for (const key of shownBelow.get(child) ?? []) avoid.add(key);
    }
    shownBelow.set(id, avoid);
    const own = lookup.direct(id);
    const hasSubCodes = scope.tree.someDescendant(id, scope.inScope);
    // A parent quotes text coded with the parent itself when there is any.
    const candidates = hasSubCodes && own.length > 0 ? own : lookup.rolled(id);
    const codes = (code: string): boolean => code === id || (scope.inScope(code) && scope.tree.isWithin(code, id));
    quotesOf.set(id, pickQuotes(candidates, { count: quoteCount, maxLength, codes, avoid }));
  }
  const rows: Row[] = [];
  let anyRolled = false;
  for (const { id, depth } of members) {
    const rolled = scope.tree.someDescendant(id, scope.inScope);
    anyRolled ||= rolled;
    const excerpts = lookup.rolled(id);
    const flags = [...(rolled ? ['rolled-up'] : []), ...(excerpts.length === 0 ? ['no-excerpts'] : [])];
    rows.push(codeRow(scope, id, depth, cellsFor(excerpts, quotesOf.get(id) ?? []), flags));
  }
  const all = distinctExcerpts(members.flatMap((entry) => lookup.direct(entry.id)));
  const totalCells = cellsFor(all, []);
  rows.push({ key: 'total', label: `All ${group} codes`, kind: 'total', depth: 0, code: null, flags: [], cells: totalCells });

  const notes = [
    'Each cell gives excerpts (sources): the number of coded excerpts, then in brackets the number of distinct sources they come from.',
    ...(anyRolled ? ['A code with sub-codes rolls them up: its row counts every excerpt coded with it or any of its sub-codes, each once, so sub-code rows do not add to it.'] : []),
    `The last row counts each excerpt coded with any ${group} code once.`,
    describeQuoteRule(maxLength),
    ...split.notes,
    ...scope.notes,
  ];
  const byLabel = by === BY_SOURCE ? 'source' : by;
  return {
    table: {
      name: 'tensions',
      title: `Summary of ${group} by ${byLabel}`,
      caption: `Coded excerpts (and sources) per ${group === DEFAULT_TENSION_GROUP ? 'tension' : 'code'} and ${byLabel}, with exemplar quotes.`,
      rowHeader: group === DEFAULT_TENSION_GROUP ? 'Tension' : 'Code',
      columns,
      rows,
      notes,
    },
    problems,
  };
}
