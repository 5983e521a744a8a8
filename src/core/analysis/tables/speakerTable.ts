import type { Codebook } from '../../model/codebook';
import type { Source } from '../../model/source';
import { countCell, measureCell, ratio } from './cells';
import { indexCodeExcerpts } from './codeExcerpts';
import { applyFilters, hasErrors, spansBySource, type Scope, type ScopedExcerpt } from './filters';
import type { Column, Row, TableResult } from './table';
import type { TableOptions } from './tableOptions';
import { countWords, intersectSpans, type Span } from './textMeasures';
import { speakersOf, spansOfSpeakers } from './turnSpans';

/** Label of the row for excerpts that start outside any speaker turn. */
export const NO_SPEAKER = '(no speaker)';

function column(key: string, label: string, kind: Column['kind'], heat = false, color: string | null = null): Column {
  return { key, label, kind, heat, total: false, color };
}

/** Turns, words and coded words of one speaker (null: the text before the first turn) over the sources in scope. */
function measureSpeaker(scope: Scope, coded: Map<Source, Span[]>, speaker: string | null): { turns: number; words: number; codedWords: number } {
  let turns = 0;
  let words = 0;
  let codedWords = 0;
  for (const source of scope.sources) {
    const slice = scope.slicers.get(source);
    if (!slice) continue;
    const all = scope.turnsOf(source);
    const spans: Span[] =
      speaker === null ? (all.length === 0 || all[0].start > 0 ? [[0, all[0]?.start ?? source.length]] : []) : spansOfSpeakers(all, new Set([speaker]));
    if (speaker !== null) turns += all.filter((turn) => turn.speaker === speaker).length;
    for (const [start, end] of spans) words += countWords(slice(start, end));
    for (const [start, end] of intersectSpans(spans, coded.get(source) ?? [])) codedWords += countWords(slice(start, end));
  }
  return { turns, words, codedWords };
}

/**
 * Speakers (focus groups, SPEC §3 turns): one row per speaker with turns in
 * the sources in scope (natural order; under `--where speaker=` only those),
 * with their turns, the words said in them (after the label `**P1:**`), the excerpts that
 * start in them, the share of those words covered by an excerpt in scope, and
 * the excerpts per code in scope that has any (direct, or with sub-codes under `rollup`).
 * When some excerpt starts outside any turn a row `(no speaker)` counts the
 * text before the first turn; a last row gives the totals.
 */
export function speakerTable(sources: readonly Source[], codebook: Codebook, options: TableOptions = {}): TableResult {
  const groups = options.groups ?? (options.group ? [options.group] : undefined);
  const scope = applyFilters(sources, codebook, { ...options, groups });
  if (hasErrors(scope.problems)) return { table: null, problems: scope.problems };
  const rollup = options.rollup ?? false;
  const lookup = indexCodeExcerpts(scope);
  // A column per code in scope that has excerpts: the codebook's unused codes would only add zeros.
  const codes = [...scope.tree.ordered().map((entry) => entry.id).filter((id) => scope.inScope(id)), ...scope.unknownCodes].filter((id) => lookup.of(id, rollup).length > 0);

  const coded = spansBySource(scope.excerpts);

  const speakers = speakersOf(scope.sources).filter((name) => scope.speakers === null || scope.speakers.has(name));
  const ofSpeaker = new Map<string | null, ScopedExcerpt[]>();
  for (const item of scope.excerpts) {
    const list = ofSpeaker.get(item.excerpt.speaker);
    if (list) list.push(item);
    else ofSpeaker.set(item.excerpt.speaker, [item]);
  }
  const keys: (string | null)[] = [...speakers, ...(ofSpeaker.has(null) ? [null] : [])];
  const totals = { turns: 0, words: 0, codedWords: 0 };
  const rows: Row[] = keys.map((speaker) => {
    const measured = measureSpeaker(scope, coded, speaker);
    totals.turns += measured.turns;
    totals.words += measured.words;
    totals.codedWords += measured.codedWords;
    const excerpts = ofSpeaker.get(speaker) ?? [];
    const share = ratio(measured.codedWords * 100, measured.words);
    return {
      key: speaker ?? NO_SPEAKER,
      label: speaker ?? NO_SPEAKER,
      kind: 'speaker',
      depth: 0,
      code: null,
      flags: [...(speaker === null ? ['no-speaker'] : []), ...(excerpts.length === 0 ? ['no-excerpts'] : [])],
      cells: [
        measureCell(measured.turns, 0, []),
        measureCell(measured.words, 0, []),
        countCell(excerpts, false),
        measureCell(share, 1, excerpts, true),
        ...codes.map((id) => countCell(lookup.of(id, rollup).filter((item) => item.excerpt.speaker === speaker), false)),
      ],
    };
  });
  const all = keys.flatMap((speaker) => ofSpeaker.get(speaker) ?? []);
  rows.push({
    key: 'total',
    label: 'Total',
    kind: 'total',
    depth: 0,
    code: null,
    flags: [],
    cells: [
      measureCell(totals.turns, 0, []),
      measureCell(totals.words, 0, []),
      countCell(all, false),
      measureCell(ratio(totals.codedWords * 100, totals.words), 1, all, true),
      ...codes.map((id) => countCell(lookup.of(id, rollup).filter((item) => keys.includes(item.excerpt.speaker)), false)),
    ],
  });

  const codeColumns = codes.map((id) => {
    const code = scope.tree.get(id);
    return column(id, code ? id : `${id} (not in codebook)`, 'count', true, code?.color ?? null);
  });
  return {
    table: {
      name: 'speakers',
      title: 'Speakers',
      caption: 'Per speaker: turns, words said, excerpts that start in their turns, share of their words coded, and excerpts per code.',
      rowHeader: 'Speaker',
      columns: [
        column('turns', 'Turns', 'number'),
        column('words', 'Words', 'number'),
        column('excerpts', 'Excerpts', 'count'),
        column('share', 'Share coded', 'percent'),
        ...codeColumns,
      ],
      rows,
      notes: [
        'A turn is a paragraph that starts with a speaker label (**Name:** or Name:) and everything up to the next turn; an excerpt counts for the speaker of the turn it starts in.',
        'Words are runs of letters and digits in the speaker’s turns after their label; share coded = words of their turns covered by an excerpt in scope / words of their turns.',
        'One column per code in scope with excerpts.',
        rollup
          ? 'Code columns roll sub-codes up: a code counts every excerpt coded with it or any of its sub-codes, each once.'
          : 'Code columns are direct: an excerpt counts for the codes written on it, not for their parent codes.',
        ...(ofSpeaker.has(null) ? [`${NO_SPEAKER} counts the text before the first turn of each source and the excerpts that start there.`] : []),
        ...scope.notes,
      ],
    },
    problems: scope.problems,
  };
}
