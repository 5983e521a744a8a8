import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { countCell, measureCell, quotesCell, textCell } from './cells';
import { applyFilters, hasErrors, type ScopedExcerpt } from './filters';
import { coveredWords } from './frequencyTable';
import { shortenQuote } from './pickQuotes';
import type { Column, Quote, Row, TableResult } from './table';
import type { TableOptions } from './tableOptions';

/** Label of the row for excerpts that name no coder. */
export const NO_CODER = '(no coder)';

/** Longest memo shown in the table, in characters. */
const MEMO_LENGTH = 400;

function column(key: string, label: string, kind: Column['kind']): Column {
  return { key, label, kind, heat: false, total: false, color: null };
}

/**
 * Step 1, individual recall and reflection (SPEC §5.6): one row per coder,
 * with the sources they read (listed in a source's `coders:` or holding one
 * of their excerpts), the sources they coded, their excerpts, the codes they
 * used (count and ids), the words they coded (each word once) and their
 * reflection memos (the `memo=` of their excerpts) with their source.
 * Excerpts without `by=` form a last row `(no coder)`, flagged. Coders come
 * in alphabetical order; an empty corpus gives no rows.
 */
export function coderTable(sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  const groups = options.groups ?? (options.group ? [options.group] : undefined);
  const scope = applyFilters(sources, codebook, { ...options, groups });
  if (hasErrors(scope.problems)) return { table: null, problems: scope.problems };

  const names = new Set<string>();
  for (const source of scope.sources) for (const coder of source.coders) names.add(coder);
  for (const item of scope.excerpts) if (item.excerpt.coder !== null) names.add(item.excerpt.coder);
  const wanted = options.coders && options.coders.length > 0 ? new Set(options.coders) : null;
  const coders = [...names].filter((name) => wanted === null || wanted.has(name)).sort((a, b) => a.localeCompare(b));

  const rowFor = (key: string, label: string, excerpts: ScopedExcerpt[], read: number, flags: string[]): Row => {
    const codes: string[] = [];
    for (const item of excerpts) for (const id of item.codes) if (!codes.includes(id)) codes.push(id);
    const order = scope.tree.ordered().map((entry) => entry.id);
    codes.sort((a, b) => (order.indexOf(a) < 0 ? order.length : order.indexOf(a)) - (order.indexOf(b) < 0 ? order.length : order.indexOf(b)));
    const withMemo = excerpts.filter((item) => item.excerpt.memo !== null && item.excerpt.memo.trim() !== '');
    const memos: Quote[] = withMemo
      .map((item) => {
        const short = shortenQuote(item.excerpt.memo ?? '', MEMO_LENGTH);
        return { text: short.text, truncated: short.truncated, source: item.source.id, speaker: null, exemplar: false, ref: item.ref };
      });
    return {
      key,
      label,
      kind: 'coder',
      depth: 0,
      code: null,
      flags,
      cells: [
        measureCell(read, 0, []),
        measureCell(new Set(excerpts.map((item) => item.source)).size, 0, excerpts),
        countCell(excerpts, false),
        measureCell(codes.length, 0, excerpts),
        textCell(codes.join(', ')),
        measureCell(coveredWords(scope, excerpts), 0, excerpts),
        measureCell(memos.length, 0, withMemo),
        quotesCell(memos),
      ],
    };
  };

  const rows: Row[] = coders.map((coder) => {
    const excerpts = scope.excerpts.filter((item) => item.excerpt.coder === coder);
    const read = scope.sources.filter((source) => source.coders.includes(coder) || excerpts.some((item) => item.source === source)).length;
    return rowFor(coder, coder, excerpts, read, []);
  });
  const anonymous = scope.excerpts.filter((item) => item.excerpt.coder === null);
  if (anonymous.length > 0 && wanted === null) {
    rows.push(rowFor(NO_CODER, NO_CODER, anonymous, new Set(anonymous.map((item) => item.source)).size, ['no-coder']));
  }
  const notes = [
    'Sources read: sources that list the coder in their front matter coders: or hold one of their excerpts; sources coded: sources holding one of their excerpts.',
    'Words coded counts each word of the text a coder coded once, however many of their excerpts cover it.',
    'Reflection memos are the memo= attributes of the coder’s excerpts, with the source they were written on.',
    ...(rows.some((row) => row.key === NO_CODER) ? [`${NO_CODER} gathers excerpts written without by=.`] : []),
    ...scope.notes,
  ];
  return {
    table: {
      name: 'coders',
      title: 'Step 1: individual coding and reflection, per coder',
      caption: 'Per coder: sources read and coded, excerpts, codes used, words coded and reflection memos.',
      rowHeader: 'Coder',
      columns: [
        column('read', 'Sources read', 'number'),
        column('coded', 'Sources coded', 'number'),
        column('excerpts', 'Excerpts', 'count'),
        column('codesUsed', 'Codes used', 'number'),
        column('codes', 'Code ids', 'text'),
        column('words', 'Words coded', 'number'),
        column('memoCount', 'Memos', 'number'),
        column('memos', 'Reflection memos', 'quotes'),
      ],
      rows,
      notes,
    },
    problems: scope.problems,
  };
}
