import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { blankCell, countCell, distinctExcerpts, measureCell, ratio } from './cells';
import type { CodeAtDepth } from './codeTree';
import { codeRow, indexCodeExcerpts } from './codeExcerpts';
import { applyFilters, hasErrors, spansBySource, type Scope, type ScopedExcerpt } from './filters';
import type { Cell, Column, Row, Table, TableProblem, TableResult } from './table';
import type { TableOptions } from './tableOptions';
import { intersectionLength, spansLength, type Span } from './textMeasures';

function overlaps(a: ScopedExcerpt, b: ScopedExcerpt): boolean {
  if (a.source !== b.source) return false;
  return a.spans.some(([s1, e1]) => b.spans.some(([s2, e2]) => Math.max(s1, s2) < Math.min(e1, e2)));
}

/**
 * Pairs of excerpts, one from each list, in the same source and sharing a
 * character; an excerpt in both lists pairs with itself. Each unordered pair
 * once, in the order found: by the first list's excerpts in corpus order (a pair of one excerpt
 * lists it once).
 */
function overlappingPairs(first: readonly ScopedExcerpt[], second: readonly ScopedExcerpt[]): { pairs: ScopedExcerpt[][]; involved: Set<ScopedExcerpt> } {
  const seen = new Set<string>();
  const pairs: ScopedExcerpt[][] = [];
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
      const key = x.order <= y.order ? `${x.order}:${y.order}` : `${y.order}:${x.order}`;
      if (!seen.has(key)) {
        seen.add(key);
        pairs.push(x === y ? [x] : x.order <= y.order ? [x, y] : [y, x]);
      }
      involved.add(x);
      involved.add(y);
    }
  }
  return { pairs, involved };
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

/** Label of the axis entry for codes without a group, in the group matrix. */
export const NO_GROUP = '(no group)';

/** One row or column of the matrix: a code or a code group, with the excerpts it stands for. */
interface AxisEntry {
  key: string;
  depth: number;
  excerpts: readonly ScopedExcerpt[];
  color: string | null;
  row(cells: Cell[]): Row;
}

/** The code groups in codebook order, then `(no group)` when excerpts in scope carry a code without one. */
function groupEntries(scope: Scope): AxisEntry[] {
  const members = new Map<string, Set<ScopedExcerpt>>();
  for (const group of scope.tree.groups()) members.set(group, new Set());
  for (const item of scope.excerpts) {
    for (const id of item.codes) {
      const group = scope.tree.groupOf(id) ?? NO_GROUP;
      let set = members.get(group);
      if (!set) members.set(group, (set = new Set()));
      set.add(item);
    }
  }
  return [...members]
    .filter(([group, set]) => group !== NO_GROUP || set.size > 0)
    .map(([group, set]) => ({
      key: group,
      depth: 0,
      excerpts: distinctExcerpts(set),
      color: null,
      row: (cells: Cell[]): Row => ({ key: group, label: group, kind: 'heading', depth: 0, code: null, flags: [], cells }),
    }));
}

/**
 * The co-occurrence matrix (SPEC §5.3): codes of `options.rows` (default
 * `options.group`, else every code in scope) against codes of `options.cols`
 * (default: the row codes); with `options.byGroup`, code groups against code
 * groups instead (a group stands for the excerpts coded with any of its codes,
 * and codes without a group form `(no group)`). In `overlap` mode (default) a
 * cell counts the pairs of excerpts, one with each code, in the same source
 * that share at least one character; an excerpt carrying both codes is one
 * pair. In `excerpt` mode it counts the excerpts carrying both codes. With
 * `options.jaccard` a cell is instead the Jaccard index of the characters
 * coded with each code (shared / coded with either), two decimals, `—` when
 * neither code has coded text. The diagonal (a code or group with itself) is
 * blank. Counts are direct unless `options.rollup`. An unknown group gives no table.
 */
export function cooccurrenceTable(sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  const scope = applyFilters(sources, codebook, options);
  const problems = [...scope.problems];
  const byGroup = options.byGroup ?? false;
  const rowGroup = byGroup ? undefined : (options.rows ?? options.group);
  const colGroup = byGroup ? undefined : (options.cols ?? rowGroup);
  const rollup = !byGroup && (options.rollup ?? false);
  const lookup = indexCodeExcerpts(scope);
  const codeEntries = (codes: CodeAtDepth[]): AxisEntry[] =>
    codes.map(({ id, depth }) => ({
      key: id,
      depth,
      excerpts: lookup.of(id, rollup),
      color: scope.tree.get(id)?.color ?? null,
      row: (cells: Cell[]) => codeRow(scope, id, depth, cells),
    }));
  let rowEntries: AxisEntry[];
  let colEntries: AxisEntry[];
  if (byGroup) {
    rowEntries = colEntries = groupEntries(scope);
  } else {
    const rowCodes = axisCodes(scope, rowGroup, problems);
    const colCodes = colGroup === rowGroup ? rowCodes : axisCodes(scope, colGroup, problems);
    rowEntries = codeEntries(rowCodes);
    colEntries = colGroup === rowGroup ? rowEntries : codeEntries(colCodes);
  }
  if (hasErrors(problems)) return { table: null, problems };

  const mode = options.mode ?? 'overlap';
  const jaccard = options.jaccard ?? false;
  const coverages = new Map<AxisEntry, Map<Source, Span[]>>();
  const coverageOf = (entry: AxisEntry): Map<Source, Span[]> => {
    let found = coverages.get(entry);
    if (!found) {
      found = spansBySource(entry.excerpts);
      coverages.set(entry, found);
    }
    return found;
  };

  const pairCell = (a: AxisEntry, b: AxisEntry): Cell => {
    if (a.key === b.key) return blankCell();
    if (mode === 'excerpt' && !jaccard) {
      const inB = new Set(b.excerpts);
      return countCell(a.excerpts.filter((item) => inB.has(item)), false);
    }
    const { pairs, involved } = overlappingPairs(a.excerpts, b.excerpts);
    if (!jaccard) {
      const units = pairs.map((pair) => pair.map((item) => item.ref));
      return { ...countCell(involved, false), text: String(pairs.length), value: pairs.length, excerpts: pairs.length, units };
    }
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

  const columns: Column[] = colEntries.map((entry) => ({
    key: entry.key,
    label: entry.key,
    kind: jaccard ? 'number' : 'count',
    heat: true,
    total: false,
    color: entry.color,
  }));
  const rows: Row[] = rowEntries.map((entry) => entry.row(colEntries.map((col) => pairCell(entry, col))));

  const axes = byGroup ? 'code groups' : rowGroup === undefined ? 'all codes' : colGroup === rowGroup ? `${rowGroup} codes` : `${rowGroup} × ${colGroup}`;
  const what = byGroup ? 'group' : 'code';
  const both = byGroup ? 'codes of both groups' : 'both codes';
  const notes = [
    jaccard
      ? `Cells give the Jaccard index of coded text: characters coded with both ${what}s divided by characters coded with either (0 = never together, 1 = always together).`
      : mode === 'excerpt'
        ? `Cells count the excerpts that carry ${both}.`
        : `Cells count co-occurrences: pairs of excerpts in the same source, one with each ${what}, that share at least one character; an excerpt carrying ${both} counts as one pair.`,
    `The diagonal (a ${what} with itself) is left blank.`,
    byGroup
      ? `Rows and columns are code groups: a group stands for text coded with any of its codes${rowEntries.some((entry) => entry.key === NO_GROUP) ? `; ${NO_GROUP} for codes without a group` : ''}. For the codes of groups, use --rows GROUP --cols GROUP.`
      : rollup
        ? 'Codes roll sub-codes up: a code stands for text coded with it or any of its sub-codes.'
        : 'Codes are direct: a code stands for text coded with it, not with its sub-codes.',
    ...(byGroup ? [] : [`Column headers are code ids: ${colEntries.map(({ key }) => `${key} = ${scope.tree.get(key)?.name ?? key}`).join('; ') || '(none)'}.`]),
    ...scope.notes,
  ];
  const table: Table = {
    name: 'cooccurrence',
    title: `Co-occurrence of ${axes}${jaccard ? ' (Jaccard index)' : ''}`,
    caption: jaccard
      ? `Jaccard index of the text coded with each pair of ${what}s.`
      : mode === 'excerpt'
        ? `Excerpts carrying ${both}.`
        : `Overlapping codings of each pair of ${what}s.`,
    rowHeader: byGroup ? 'Group' : 'Code',
    columns,
    rows,
    notes,
  };
  return { table, problems };
}
