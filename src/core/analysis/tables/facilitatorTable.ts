import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { countCell, distinctExcerpts, measureCell, quotesCell } from './cells';
import { codeRow, indexCodeExcerpts } from './codeExcerpts';
import { applyFilters, hasErrors, type ScopedExcerpt } from './filters';
import { DEFAULT_QUOTE_LENGTH, describeQuoteRule, pickQuotes, quoteKey } from './pickQuotes';
import type { Cell, Column, Quote, Row, TableResult } from './table';
import type { TableOptions } from './tableOptions';

/** Default group of the facilitators table. */
export const DEFAULT_FACILITATOR_GROUP = 'facilitators';

function column(key: string, label: string, kind: Column['kind']): Column {
  return { key, label, kind, heat: false, total: false, color: null };
}

/**
 * Facilitators by level (SPEC §5.4, the shape of Beckett et al. 2018,
 * Table 4): level → element → evidence (excerpts), sources and one quote.
 * When the group's top codes have sub-codes, the top codes are the levels
 * and their sub-codes the elements; when the group is flat, its codes are
 * grouped under their `level` value (codes without one under `(no level)`).
 * Every row rolls its sub-codes up; a level row counts each excerpt of its
 * elements once. An unknown group gives no table and an error.
 */
export function facilitatorTable(sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  const group = options.group ?? DEFAULT_FACILITATOR_GROUP;
  const scope = applyFilters(sources, codebook, options);
  const problems = [...scope.problems];
  const groups = scope.tree.groups();
  if (!groups.includes(group)) {
    problems.push({ severity: 'error', ruleId: 'unknown-group', message: `unknown group '${group}' (groups: ${groups.length > 0 ? groups.join(', ') : '(none)'})` });
  }
  if (hasErrors(problems)) return { table: null, problems };

  const maxLength = options.quoteLength ?? DEFAULT_QUOTE_LENGTH;
  const quoteCount = options.quotes ?? 1;
  const lookup = indexCodeExcerpts(scope);
  const cells = (excerpts: ScopedExcerpt[], quotes: Quote[]): Cell[] => [
    countCell(excerpts, false),
    measureCell(new Set(excerpts.map((item) => item.source)).size, 0, excerpts),
    quotesCell(quotes),
  ];
  // A level row quotes a passage its element rows do not show, when there is one.
  const pick = (excerpts: ScopedExcerpt[], codes: readonly string[] | ((id: string) => boolean), avoid: ReadonlySet<string> = new Set()): Quote[] =>
    pickQuotes(excerpts, { count: quoteCount, maxLength, codes, avoid });
  const members = scope.tree.inGroup(group).filter((entry) => scope.inScope(entry.id));
  const hierarchical = members.some((entry) => entry.depth > 0);
  const rows: Row[] = [];
  if (hierarchical) {
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
      quotesOf.set(id, pick(lookup.rolled(id), (code) => scope.tree.isWithin(code, id), avoid));
    }
    for (const { id, depth } of members) {
      const excerpts = lookup.rolled(id);
      const flags = excerpts.length === 0 ? ['no-excerpts'] : [];
      rows.push(codeRow(scope, id, depth, cells(excerpts, quotesOf.get(id) ?? []), flags, depth === 0 ? 'heading' : 'code'));
    }
  } else {
    const levels = new Map<string, string[]>();
    for (const { id } of members) {
      const level = scope.tree.get(id)?.level ?? '(no level)';
      levels.set(level, [...(levels.get(level) ?? []), id]);
    }
    for (const [level, ids] of levels) {
      const excerpts = distinctExcerpts(ids.flatMap((id) => lookup.rolled(id)));
      const elementQuotes = ids.map((id) => pick(lookup.rolled(id), [id]));
      const levelQuotes = pick(excerpts, ids, new Set(elementQuotes.flat().map(quoteKey)));
      rows.push({ key: `level:${level}`, label: level, kind: 'heading', depth: 0, code: null, flags: excerpts.length === 0 ? ['no-excerpts'] : [], cells: cells(excerpts, levelQuotes) });
      ids.forEach((id, index) => {
        const own = lookup.rolled(id);
        rows.push(codeRow(scope, id, 1, cells(own, elementQuotes[index]), own.length === 0 ? ['no-excerpts'] : []));
      });
    }
  }
  const notes = [
    hierarchical
      ? 'Levels are the top codes of the group, elements their sub-codes; each row counts excerpts coded with its code or any sub-code, each once.'
      : 'Elements are grouped by their level; a level row counts each excerpt of its elements once.',
    'Evidence is the number of coded excerpts; sources the distinct sources they come from.',
    describeQuoteRule(maxLength),
    ...scope.notes,
  ];
  return {
    table: {
      name: 'facilitators',
      title: `${group === DEFAULT_FACILITATOR_GROUP ? 'Facilitators' : `Codes of ${group}`} by level`,
      caption: 'Per level and element: coded excerpts (evidence), sources and one quote.',
      rowHeader: 'Level and element',
      columns: [column('evidence', 'Evidence (excerpts)', 'count'), column('sources', 'Sources', 'number'), column('quote', 'Quote', 'quotes')],
      rows,
      notes,
    },
    problems,
  };
}
