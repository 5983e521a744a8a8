import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { countCell, formatQuote } from './cells';
import { codeLabel, codeRow, indexCodeExcerpts } from './codeExcerpts';
import { applyFilters, hasErrors, type ScopedExcerpt } from './filters';
import { DEFAULT_QUOTE_LENGTH, describeQuoteRule, pickQuotes } from './pickQuotes';
import type { Cell, Column, Row, TableResult } from './table';
import type { TableOptions } from './tableOptions';

/** Default group of the impact grid. */
export const DEFAULT_IMPACT_GROUP = 'impact';

/**
 * The impact grid (SPEC §5.5, the grid of Beckett et al. 2018): rows are the
 * level codes of the group (its codes with a `level`, e.g. individual, group,
 * organisational, societal, paradigmatic); columns are its other codes
 * (contributors and processes, outputs, uses, outcomes, contributory
 * mechanisms…), a top code with sub-codes giving one column per sub-code;
 * `options.cols` (code ids, comma-separated) picks and orders the columns instead.
 * A cell counts the excerpts coded with both its level and its column code
 * (sub-codes rolled up) as `excerpts (sources)`, followed by up to
 * `options.quotes` quotes (default 1). Excerpts with a column code but no
 * level code form a last row `(no level)`. A group without level codes, or
 * an unknown group, gives no table and an error.
 */
export function impactTable(sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  const group = options.group ?? DEFAULT_IMPACT_GROUP;
  const scope = applyFilters(sources, codebook, options);
  const problems = [...scope.problems];
  const groups = scope.tree.groups();
  const members = scope.tree.inGroup(group).filter((entry) => scope.inScope(entry.id));
  const hasLevel = (id: string): boolean => (scope.tree.get(id)?.level ?? null) !== null;
  // The most specific codes with a level: a coded level is a leaf of the level hierarchy.
  const levelIds = members.map((m) => m.id).filter((id) => hasLevel(id) && !scope.tree.someDescendant(id, hasLevel));
  if (!groups.includes(group)) {
    problems.push({ severity: 'error', ruleId: 'unknown-group', message: `unknown group '${group}' (groups: ${groups.length > 0 ? groups.join(', ') : '(none)'})` });
  } else if (levelIds.length === 0) {
    problems.push({ severity: 'error', ruleId: 'no-levels', message: `no code of the group '${group}' in scope has a level, so there are no rows for the impact grid` });
  }
  if (hasErrors(problems)) return { table: null, problems };

  const levelFamily = new Set<string>();
  for (const id of levelIds) {
    levelFamily.add(id);
    for (let parent = scope.tree.get(id)?.parent ?? null; parent !== null && !levelFamily.has(parent); parent = scope.tree.get(parent)?.parent ?? null) {
      levelFamily.add(parent);
    }
  }
  let categoryIds: string[] = [];
  if (options.cols !== undefined) {
    for (const written of options.cols.split(',').map((id) => id.trim()).filter((id) => id !== '')) {
      const id = scope.tree.resolve(written);
      if (scope.tree.has(id)) categoryIds.push(id);
      else problems.push({ severity: 'error', ruleId: 'unknown-code', message: `unknown code '${written}' in --cols` });
    }
    if (hasErrors(problems)) return { table: null, problems };
  } else {
    for (const { id, depth } of members) {
      if (depth !== 0 || levelFamily.has(id)) continue;
      const children = (scope.tree.get(id)?.children ?? []).filter((child) => scope.inScope(child) && !levelFamily.has(child));
      if (children.length > 0) categoryIds.push(...children);
      else categoryIds.push(id);
    }
  }
  categoryIds = categoryIds.filter((id, index) => categoryIds.indexOf(id) === index);

  const maxLength = options.quoteLength ?? DEFAULT_QUOTE_LENGTH;
  const quoteCount = options.quotes ?? 1;
  const lookup = indexCodeExcerpts(scope);
  const cell = (levelExcerpts: Set<ScopedExcerpt>, category: string): Cell => {
    const excerpts = lookup.rolled(category).filter((item) => levelExcerpts.has(item));
    const counted = countCell(excerpts, true);
    const quotes = pickQuotes(excerpts, { count: quoteCount, maxLength, codes: (code) => scope.tree.isWithin(code, category) });
    return { ...counted, text: [counted.text, ...quotes.map(formatQuote)].join('\n'), quotes };
  };
  const columns: Column[] = categoryIds.map((id) => {
    const code = scope.tree.get(id);
    return { key: id, label: code ? codeLabel(id, code.name) : id, kind: 'countWithSources', heat: true, total: false, color: code?.color ?? null };
  });
  const rows: Row[] = levelIds.map((id) => {
    const levelExcerpts = new Set(lookup.rolled(id));
    const row = codeRow(scope, id, 0, categoryIds.map((category) => cell(levelExcerpts, category)));
    const level = scope.tree.get(id)?.level;
    return level && !row.label.toLowerCase().includes(level.toLowerCase()) ? { ...row, label: `${row.label} (${level})` } : row;
  });
  const withLevel = new Set(levelIds.flatMap((id) => lookup.rolled(id)));
  const withoutLevel = new Set(scope.excerpts.filter((item) => !withLevel.has(item)));
  if (categoryIds.some((category) => lookup.rolled(category).some((item) => withoutLevel.has(item)))) {
    rows.push({
      key: '(no level)',
      label: '(no level)',
      kind: 'code',
      depth: 0,
      code: null,
      flags: ['no-level'],
      cells: categoryIds.map((category) => cell(withoutLevel, category)),
    });
  }
  const notes = [
    'Each cell gives excerpts (sources) coded with both the row’s level and the column’s code (sub-codes counted with their code), then its quote.',
    ...(rows.some((row) => row.key === '(no level)') ? ['The row “(no level)” counts excerpts given a column code but no level code.'] : []),
    describeQuoteRule(maxLength),
    ...scope.notes,
  ];
  return {
    table: {
      name: 'impact',
      title: 'Impact grid: levels × contributors, impacts and mechanisms',
      caption: 'Coded excerpts (and sources) per level of impact and per category of the social impact model, with quotes.',
      rowHeader: 'Level',
      columns,
      rows,
      notes,
    },
    problems,
  };
}
