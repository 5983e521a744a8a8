import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { numberCell } from './cells';
import { indexCodeExcerpts } from './codeExcerpts';
import { applyFilters, hasErrors, SPEAKER, spansBySource, type Scope } from './filters';
import { sourceColumns } from './sourceColumns';
import { STOP_WORD_LANGUAGES, stopWordsFor } from './stopWords';
import type { Column, Row, TableProblem, TableResult } from './table';
import type { TableOptions } from './tableOptions';
import { intersectSpans, type Span } from './textMeasures';
import { spansOfSpeakers } from './turnSpans';
import { countWordsInto, emptyWordCounts, topWords, type WordCounts } from './wordCounts';

/** Words per column (per group, or overall) by default. */
export const DEFAULT_TOP_WORDS = 30;

/** The `--by` value of the words table that gives one column per code. */
export const BY_CODE = 'code';

/** Text of a source, as spans, counted by the words table. */
type SpansOf = (source: Source) => Span[];

/** The text of each source in scope: what was said (speaker labels left out), or only the coded text under code filters. */
function scopeText(scope: Scope, options: TableOptions): SpansOf {
  const coded = (options.codes?.length ?? 0) > 0 || (options.groups?.length ?? 0) > 0 || (options.coders?.length ?? 0) > 0 || options.group !== undefined;
  const byCoded = coded ? spansBySource(scope.excerpts) : new Map<Source, Span[]>();
  return (source) => {
    const turns = scope.turnsOf(source);
    const said = spansOfSpeakers(turns, scope.speakers);
    const spoken = scope.speakers === null && (turns[0]?.start ?? source.length) > 0 ? [[0, turns[0]?.start ?? source.length] as const, ...said] : said;
    return coded ? intersectSpans(spoken, byCoded.get(source) ?? []) : spoken;
  };
}

function countSpans(scope: Scope, source: Source, spans: readonly Span[], into: WordCounts, segmenter: Intl.Segmenter, stopWords: ReadonlySet<string>): void {
  const slice = scope.slicers.get(source);
  if (!slice) return;
  for (const [start, end] of spans) countWordsInto(into, slice(start, end), segmenter, stopWords);
}

/** A group of text counted in one column. */
interface WordGroup {
  key: string;
  label: string;
  color: string | null;
  counts: WordCounts;
}

/**
 * Word frequencies, the table behind word clouds: words are the word-like
 * segments of `Intl.Segmenter` (locale: the first of `options.languages`)
 * that hold a letter, lower-cased, without the stop words of
 * `options.languages` (default `en`; `de`; `none`) and `options.stopWords`.
 * Text counted: what was said in the sources in scope (speaker labels left
 * out); under `--where speaker=` only those speakers' turns; under
 * `--code`/`--group`/`--coder` only the text coded in scope. Without
 * `options.by`, one row per word of the `top` (default 30) most frequent with
 * its occurrences, sources and share of the words counted; with `by` =
 * `code` (text of each code's excerpts, each character once; sub-codes with
 * `rollup`), `source`, `speaker` or a front matter attribute, one column per
 * group and a total, rows the union of each group's `top` words. An unknown
 * language or attribute is an error.
 */
export function wordTable(sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  const groups = options.groups ?? (options.group ? [options.group] : undefined);
  const scope = applyFilters(sources, codebook, { ...options, groups });
  const problems: TableProblem[] = [...scope.problems];
  const languages = options.languages && options.languages.length > 0 ? options.languages : ['en'];
  const stop = stopWordsFor(languages, options.stopWords ?? []);
  if (stop.unknown.length > 0) {
    problems.push({ severity: 'error', ruleId: 'unknown-language', message: `no stop-word list for ${stop.unknown.map((l) => `'${l}'`).join(', ')} (languages: ${STOP_WORD_LANGUAGES.join(', ')})` });
  }
  const by = options.by;
  const split = by !== undefined && by !== BY_CODE ? sourceColumns(scope.sources, by, scope.excerpts) : null;
  if (split?.problem) problems.push(split.problem);
  if (hasErrors(problems)) return { table: null, problems };

  const top = options.top ?? DEFAULT_TOP_WORDS;
  const locale = languages.find((language) => language !== 'none') ?? 'en';
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const textOf = scopeText(scope, { ...options, groups });

  // Overall counts, with the sources each word occurs in.
  const overall = emptyWordCounts();
  const sourcesOf = new Map<string, number>();
  for (const source of scope.sources) {
    const own = emptyWordCounts();
    countSpans(scope, source, textOf(source), own, segmenter, stop.words);
    for (const [word, count] of own.counts) {
      overall.counts.set(word, (overall.counts.get(word) ?? 0) + count);
      sourcesOf.set(word, (sourcesOf.get(word) ?? 0) + 1);
    }
    overall.total += own.total;
    overall.stopped += own.stopped;
  }

  const wordGroups: WordGroup[] = [];
  if (by === BY_CODE) {
    const lookup = indexCodeExcerpts(scope);
    const codes = [...scope.tree.ordered().map((entry) => entry.id).filter((id) => scope.inScope(id)), ...scope.unknownCodes];
    for (const id of codes) {
      const counts = emptyWordCounts();
      for (const [source, spans] of spansBySource(lookup.of(id, options.rollup ?? false))) {
        countSpans(scope, source, intersectSpans(textOf(source), spans), counts, segmenter, stop.words);
      }
      const code = scope.tree.get(id);
      wordGroups.push({ key: id, label: code ? id : `${id} (not in codebook)`, color: code?.color ?? null, counts });
    }
  } else if (split) {
    for (const column of split.columns) {
      const counts = emptyWordCounts();
      for (const source of column.sources) {
        let spans = textOf(source);
        if (column.speaker === null) spans = intersectSpans(spans, [[0, scope.turnsOf(source)[0]?.start ?? source.length]]);
        else if (column.speaker !== undefined) spans = intersectSpans(spans, spansOfSpeakers(scope.turnsOf(source), new Set([column.speaker])));
        countSpans(scope, source, spans, counts, segmenter, stop.words);
      }
      wordGroups.push({ key: column.key, label: column.label, color: null, counts });
    }
  }

  const column = (key: string, label: string, kind: Column['kind'], heat: boolean, total: boolean, color: string | null = null): Column => ({ key, label, kind, heat, total, color });
  let columns: Column[];
  let words: string[];
  let cellsOf: (word: string) => Row['cells'];
  if (by === undefined) {
    words = topWords(overall, top);
    columns = [column('count', 'Occurrences', 'number', false, false), column('sources', 'Sources', 'number', false, false), column('share', 'Share of words', 'percent', false, false)];
    cellsOf = (word) => {
      const count = overall.counts.get(word) ?? 0;
      return [numberCell(count, 0), numberCell(sourcesOf.get(word) ?? 0, 0), numberCell(overall.total === 0 ? null : (count * 100) / overall.total, 1, true)];
    };
  } else {
    const chosen = new Set(wordGroups.flatMap((group) => topWords(group.counts, top)));
    words = [...chosen].sort((a, b) => (overall.counts.get(b) ?? 0) - (overall.counts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    columns = [...wordGroups.map((group) => column(group.key, group.label, 'number', true, false, group.color)), column('total', 'Total', 'number', false, true)];
    cellsOf = (word) => [...wordGroups.map((group) => numberCell(group.counts.counts.get(word) ?? 0, 0)), numberCell(overall.counts.get(word) ?? 0, 0)];
  }
  const rows: Row[] = words.map((word) => ({ key: word, label: word, kind: 'word', depth: 0, code: null, flags: [], cells: cellsOf(word) }));
  if (by !== undefined) {
    rows.push({
      key: 'total',
      label: 'Words counted',
      kind: 'total',
      depth: 0,
      code: null,
      flags: [],
      cells: [...wordGroups.map((group) => numberCell(group.counts.total, 0)), numberCell(overall.total, 0)],
    });
  }

  const byLabel = by === undefined ? null : by === BY_CODE ? 'code' : by === SPEAKER ? 'speaker' : by;
  const lists = languages.filter((language) => language.trim().toLowerCase() !== 'none');
  return {
    table: {
      name: 'words',
      title: byLabel ? `Words by ${byLabel}` : 'Word frequencies',
      caption: byLabel ? `Occurrences of the most frequent words per ${byLabel}.` : 'Occurrences of the most frequent words.',
      rowHeader: 'Word',
      columns,
      rows,
      notes: [
        'Words are the word-like segments of the text (Unicode word boundaries) that hold a letter, in lower case; speaker labels are left out.',
        `Stop words left out: ${lists.length > 0 ? `the ${lists.join(' and ')} stop-word list${lists.length > 1 ? 's' : ''} of @orama/stopwords` : 'no built-in list'}${(options.stopWords?.length ?? 0) > 0 ? ` and ${options.stopWords?.length} word${options.stopWords?.length === 1 ? '' : 's'} given` : ''} (${overall.stopped} occurrences).`,
        byLabel
          ? `Rows: the ${top} most frequent words of each column, ordered by their total; the total counts every word once.`
          : `Rows: the ${top} most frequent words of ${overall.total} counted; share of words = occurrences / words counted.`,
        ...(by === BY_CODE ? ['A code’s column counts the text of its excerpts, each character once however many of its excerpts cover it.'] : []),
        ...(split?.notes ?? []),
        ...scope.notes,
      ],
    },
    problems,
  };
}
