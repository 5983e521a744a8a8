import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { blankCell, countCell, measureCell, ratio } from './cells';
import type { CodeAtDepth } from './codeTree';
import { codeRow, indexCodeExcerpts } from './codeExcerpts';
import { applyFilters, hasErrors, type Scope, type ScopedExcerpt } from './filters';
import type { Cell, Column, Row, TableProblem, TableResult } from './table';
import type { TableOptions } from './tableOptions';
import { intersectionLength, mergeSpans, spansLength, type Span } from './textMeasures';

function overlaps(a: ScopedExcerpt, b: ScopedExcerpt): boolean {
  if (a.source !== b.source) return false;
  return a.spans.some(([s1, e1]) => b.spans.some(([s2, e2]) => Math.max(s1, s2) < Math.min(e1, e2)));
}

/**
 * Pairs of excerpts, one from each list, in the same source and sharing a
 * character; an excerpt in both lists pairs with itself. Each unordered pair once.
 */
function overlappingPairs(first: readonly ScopedExcerpt[], second: readonly ScopedExcerpt[]): { pairs: number; involved: Set<ScopedExcerpt> } {
  const pairs = new Set<string>();
  const involved = new Set<ScopedExcerpt>();
  const secondBySource = new Map<Source, ScopedExcerpt[]>();
  for (const y of second) {
    const list = secondBySource.get(y.source);
    if (list) list.push(y);
    else secondBySource.set(y.source, [y]);
  }
  for (const x of first) {
    for (const y of secondBySource.get(x.source) ?? []) {
      if (x !== y && !overlaps(x, y)) continue;
      pairs.add(x.order <= y.order ? `${x.order}:${y.order}` : `${y.order}:${x.order}`);
      involved.add(x);
      involved.add(y);
    }
  }
  return { pairs: pairs.size, involved };
}

/** Codes along one axis: a group's codes, or every code in scope (codes missing from the codebook last). */
function axisCodes(scope: Scope, group: string | undefined, problems: TableProblem[]): CodeAtDepth[] {
  if (group === undefined) {
    return [...scope.tree.ordered().filter((entry) => scope.inScope(entry.id)), ...scope.unknownCodes.map((id) => ({ id, depth: 0 }))];
  }
  const groups = scope.tree.groups();
  if (!groups.includes(group)) {
    problems.push({ severity: 'error', ruleId: 'unknown-group', message: `unknown group '${group}' (groups: ${groups.length > 0 ? groups.join(', ') : '(none)'})` });
    return [];
  }
  return scope.tree.inGroup(group).filter((entry) => scope.inScope(entry.id));
}

/** Coded spans per source, merged. */
function coverage(excerpts: readonly ScopedExcerpt[]): Map<Source, Span[]> {
  const bySource = new Map<Source, Span[]>();
  for (const item of excerpts) {
    const spans = bySource.get(item.source);
    if (spans) spans.push(...item.spans);
    else bySource.set(item.source, [...item.spans]);
  }
  for (const [source, spans] of bySource) bySource.set(source, mergeSpans(spans));
  return bySource;
}

/**
 * The co-occurrence matrix (SPEC §5.3): codes of `options.rows` (default
 * `options.group`, else every code in scope) against codes of `options.cols`
 * (default: the row codes). In `overlap` mode (default) a cell counts the
 * pairs of excerpts, one with each code, in the same source that share at
 * least one character; an excerpt carrying both codes is one pair. In
 * `excerpt` mode it counts the excerpts carrying both codes. With
 * `options.jaccard` a cell is instead the Jaccard index of the characters
 * coded with each code (shared / coded with either), two decimals, `—` when
 * neither code has coded text. The diagonal (a code with itself) is blank.
 * Counts are direct unless `options.rollup`. An unknown group gives no table.
 */
export function cooccurrenceTable(sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  const scope = applyFilters(sources, codebook, options);
  const problems = [...scope.problems];
  const rowGroup = options.rows ?? options.group;
  const colGroup = options.cols ?? rowGroup;
  const rowCodes = axisCodes(scope, rowGroup, problems);
  const colCodes = colGroup === rowGroup ? rowCodes : axisCodes(scope, colGroup, problems);
  if (hasErrors(problems)) return { table: null, problems };

  const mode = options.mode ?? 'overlap';
  const jaccard = options.jaccard ?? false;
  const rollup = options.rollup ?? false;
  const lookup = indexCodeExcerpts(scope);
  const coverages = new Map<string, Map<Source, Span[]>>();
  const coverageOf = (id: string): Map<Source, Span[]> => {
    let found = coverages.get(id);
    if (!found) {
      found = coverage(lookup.of(id, rollup));
      coverages.set(id, found);
    }
    return found;
  };

  const pairCell = (a: string, b: string): Cell => {
    if (a === b) return blankCell();
    const excerptsA = lookup.of(a, rollup);
    const excerptsB = lookup.of(b, rollup);
    if (mode === 'excerpt' && !jaccard) {
      const inB = new Set(excerptsB);
      return countCell(excerptsA.filter((item) => inB.has(item)), false);
    }
    const { pairs, involved } = overlappingPairs(excerptsA, excerptsB);
    if (!jaccard) return { ...countCell(involved, false), text: String(pairs), value: pairs, excerpts: pairs };
    const spansA = coverageOf(a);
    const spansB = coverageOf(b);
    let shared = 0;
    let either = 0;
    for (const spans of spansA.values()) either += spansLength(spans);
    for (const [source, spans] of spansB) {
      either += spansLength(spans);
      shared += intersectionLength(spansA.get(source) ?? [], spans);
    }
    return measureCell(ratio(shared, either - shared), 2, involved);
  };

  const columns: Column[] = colCodes.map(({ id }) => ({
    key: id,
    label: id,
    kind: jaccard ? 'number' : 'count',
    heat: true,
    total: false,
    color: scope.tree.get(id)?.color ?? null,
  }));
  const rows: Row[] = rowCodes.map(({ id, depth }) => codeRow(scope, id, depth, colCodes.map((col) => pairCell(id, col.id))));

  const axes = rowGroup === undefined ? 'all codes' : colGroup === rowGroup ? `${rowGroup} codes` : `${rowGroup} × ${colGroup}`;
  const notes = [
    jaccard
      ? 'Cells give the Jaccard index of coded text: characters coded with both codes divided by characters coded with either (0 = never together, 1 = always together).'
      : mode === 'excerpt'
        ? 'Cells count the excerpts that carry both codes.'
        : 'Cells count co-occurrences: pairs of excerpts in the same source, one with each code, that share at least one character; an excerpt carrying both codes counts as one pair.',
    'The diagonal (a code with itself) is left blank.',
    rollup
      ? 'Codes roll sub-codes up: a code stands for text coded with it or any of its sub-codes.'
      : 'Codes are direct: a code stands for text coded with it, not with its sub-codes.',
    `Column headers are code ids: ${colCodes.map(({ id }) => `${id} = ${scope.tree.get(id)?.name ?? id}`).join('; ') || '(none)'}.`,
    ...scope.notes,
  ];
  return {
    table: {
      name: 'cooccurrence',
      title: `Co-occurrence of ${axes}${jaccard ? ' (Jaccard index)' : ''}`,
      caption: jaccard ? 'Jaccard index of the text coded with each pair of codes.' : mode === 'excerpt' ? 'Excerpts carrying both codes.' : 'Overlapping codings of each pair of codes.',
      rowHeader: 'Code',
      columns,
      rows,
      notes,
    },
    problems,
  };
}
