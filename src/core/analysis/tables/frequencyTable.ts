import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { countCell, measureCell, ratio } from './cells';
import { codeRow, indexCodeExcerpts } from './codeExcerpts';
import { applyFilters, hasErrors, type Scope, type ScopedExcerpt } from './filters';
import type { Cell, Column, Row, TableResult } from './table';
import type { TableOptions } from './tableOptions';
import { countWords, mergeSpans, type Span } from './textMeasures';

/**
 * Words of the text the excerpts cover, each word once however many excerpts
 * cover it: fragments are merged per source before counting.
 */
export function coveredWords(scope: Scope, excerpts: readonly ScopedExcerpt[]): number {
  const spansBySource = new Map<Source, Span[]>();
  for (const item of excerpts) {
    const spans = spansBySource.get(item.source);
    if (spans) spans.push(...item.spans);
    else spansBySource.set(item.source, [...item.spans]);
  }
  let words = 0;
  for (const [source, spans] of spansBySource) {
    const slice = scope.slicers.get(source);
    if (!slice) continue;
    for (const [start, end] of mergeSpans(spans)) words += countWords(slice(start, end));
  }
  return words;
}

function column(key: string, label: string, kind: Column['kind']): Column {
  return { key, label, kind, heat: false, total: false, color: null };
}

function measures(scope: Scope, excerpts: ScopedExcerpt[]): Cell[] {
  const coders = new Set(excerpts.map((item) => item.excerpt.coder).filter((coder): coder is string => coder !== null));
  const words = coveredWords(scope, excerpts);
  const share = ratio(words, scope.corpusWords);
  const sources = new Set(excerpts.map((item) => item.source)).size;
  return [
    countCell(excerpts, false),
    measureCell(sources, 0, excerpts),
    measureCell(coders.size, 0, excerpts),
    measureCell(words, 0, excerpts),
    measureCell(share === null ? null : share * 100, 1, excerpts, true),
  ];
}

/**
 * Code frequencies (SPEC §5.2): per code of the codebook in scope, in
 * codebook order with sub-codes indented, the excerpts coded with it, the
 * sources they come from, the coders (`by=`) who coded them, the words of
 * the text they cover (each word once) and that as a share of all words of
 * the sources in scope. Counts are direct unless `options.rollup`. Codes used
 * in transcripts but missing from the codebook follow, flagged
 * `not-in-codebook`; a last row counts excerpts with any code. A code
 * without excerpts is a row of zeros; an empty corpus gives `—` shares.
 */
export function frequencyTable(sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  const groups = options.groups ?? (options.group ? [options.group] : undefined);
  const scope = applyFilters(sources, codebook, { ...options, groups });
  if (hasErrors(scope.problems)) return { table: null, problems: scope.problems };
  const rollup = options.rollup ?? false;
  const lookup = indexCodeExcerpts(scope);
  const rows: Row[] = [];
  for (const { id, depth } of scope.tree.ordered()) {
    if (!scope.inScope(id)) continue;
    const excerpts = lookup.of(id, rollup);
    const hasSubCodes = rollup && scope.tree.someDescendant(id, scope.inScope);
    const flags = [...(hasSubCodes ? ['rolled-up'] : []), ...(excerpts.length === 0 ? ['no-excerpts'] : [])];
    rows.push(codeRow(scope, id, depth, measures(scope, excerpts), flags));
  }
  for (const id of scope.unknownCodes) rows.push(codeRow(scope, id, 0, measures(scope, lookup.direct(id))));
  rows.push({ key: 'total', label: 'Any code', kind: 'total', depth: 0, code: null, flags: [], cells: measures(scope, scope.excerpts) });

  const notes = [
    rollup
      ? 'Counts roll sub-codes up: a code counts every excerpt coded with it or any of its sub-codes, each once.'
      : 'Counts are direct: an excerpt counts for the codes written on it, not for their parent codes.',
    'Coders are the distinct by= values of the excerpts (excerpts without by= name no coder).',
    'Words are the words of the text the excerpts cover, each word once however many excerpts cover it; share of corpus coded = those words / all words of the sources in scope.',
    `The corpus in scope has ${scope.sources.length} source${scope.sources.length === 1 ? '' : 's'} and ${scope.corpusWords} words.`,
    ...(scope.unknownCodes.length > 0 ? [`Codes marked “not in codebook” are used in transcripts but missing from the codebook: ${scope.unknownCodes.join(', ')}.`] : []),
    ...scope.notes,
  ];
  return {
    table: {
      name: 'frequencies',
      title: 'Code frequencies',
      caption: 'Per code: excerpts, sources, coders, words coded and share of the corpus coded.',
      rowHeader: 'Code',
      columns: [
        column('excerpts', 'Excerpts', 'count'),
        column('sources', 'Sources', 'number'),
        column('coders', 'Coders', 'number'),
        column('words', 'Words', 'number'),
        column('share', 'Share of corpus coded', 'percent'),
      ],
      rows,
      notes,
    },
    problems: scope.problems,
  };
}
