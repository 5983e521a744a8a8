import type { Source } from '../../model/source';
import { attributeValues, knownAttributes, SPEAKER, type Scope, type ScopedExcerpt } from './filters';
import type { TableProblem } from './table';
import { countWords } from './textMeasures';
import { speakersOf, spansOfSpeakers } from './turnSpans';

/**
 * A column of sources: one source, or the sources sharing an attribute value;
 * with `--by speaker`, the turns of one speaker in the sources.
 */
export interface SourceColumn {
  key: string;
  label: string;
  sources: Source[];
  /**
   * With `--by speaker`: the speaker whose turns the column holds, or null for
   * the excerpts outside any turn. Absent: every excerpt of the sources.
   */
  speaker?: string | null;
}

/** Whether an excerpt in scope counts in a column: it is in one of its sources (and starts in a turn of its speaker). */
export function columnHolds(column: SourceColumn, item: ScopedExcerpt): boolean {
  if (column.speaker !== undefined && item.excerpt.speaker !== column.speaker) return false;
  return column.sources.includes(item.source);
}

/** Words of a column: of its sources in scope, or said in its speaker's turns in them (before the first turn for null). */
export function columnWords(scope: Scope, column: SourceColumn): number {
  let words = 0;
  for (const source of column.sources) {
    if (column.speaker === undefined) {
      words += scope.sourceWords.get(source) ?? 0;
      continue;
    }
    const slice = scope.slicers.get(source);
    if (!slice) continue;
    const turns = scope.turnsOf(source);
    if (column.speaker === null) words += countWords(slice(0, turns[0]?.start ?? source.length));
    else for (const [start, end] of spansOfSpeakers(turns, new Set([column.speaker]))) words += countWords(slice(start, end));
  }
  return words;
}

/** Columns for `--by`, or an error naming the attributes that exist. */
export interface SourceColumns {
  columns: SourceColumn[];
  /** Sentences for the table notes (missing values, sources in several columns). */
  notes: string[];
  problem: TableProblem | null;
}

/** The `--by` value meaning one column per source (the default). */
export const BY_SOURCE = 'source';

/**
 * Splits sources into columns. `by` = `speaker` gives one column per speaker
 * with turns in the sources (natural order), holding the excerpts that start
 * in that speaker's turns, and `(no speaker)` when some excerpt in `coded`
 * starts outside any turn. `by` = `source` (default) gives one column per
 * source in the order given, named by id (by path where files share an id); any other name groups sources by that front
 * matter attribute, values in natural order (`P2` before `P10`), sources
 * without it in a last column `(no ATTR)`, left out (and said so in the notes)
 * when none of them holds an excerpt in `coded` — such files, like a README
 * that mentions the markup, are not part of the study. A source whose attribute is a
 * list appears in each of its values' columns. An attribute no source has
 * is an `unknown-attribute` error (no columns); an empty corpus gives no
 * columns and no error.
 */
export function sourceColumns(sources: readonly Source[], by: string = BY_SOURCE, codedExcerpts?: readonly ScopedExcerpt[]): SourceColumns {
  const coded = codedExcerpts ? new Set(codedExcerpts.map((item) => item.source)) : undefined;
  if (by === SPEAKER) {
    const columns: SourceColumn[] = speakersOf(sources).map((speaker) => ({
      key: speaker,
      label: speaker,
      sources: sources.filter((source) => source.turns.some((turn) => turn.speaker === speaker)),
      speaker,
    }));
    const outside = (codedExcerpts ?? []).filter((item) => item.excerpt.speaker === null);
    const notes = ['Columns are speakers: an excerpt counts for the speaker of the turn it starts in.'];
    if (outside.length > 0) {
      columns.push({ key: '(no speaker)', label: '(no speaker)', sources: [...new Set(outside.map((item) => item.source))], speaker: null });
      notes.push('Excerpts that start outside any speaker turn are in the column “(no speaker)”.');
    }
    return { columns, notes, problem: null };
  }
  if (by === BY_SOURCE) {
    // Two files with the same id (a lint error) still get a column each, named by path.
    const shared = new Set(sources.filter((source, index) => sources.findIndex((other) => other.id === source.id) !== index).map((source) => source.id));
    const columns = sources.map((source) => {
      const name = shared.has(source.id) ? source.path : source.id;
      return { key: name, label: name, sources: [source] };
    });
    const notes = shared.size > 0 ? [`Several files share the id ${[...shared].join(', ')}; their columns are named by path.`] : [];
    return { columns, notes, problem: null };
  }
  const attributes = knownAttributes(sources);
  if (sources.length > 0 && !attributes.includes(by)) {
    return {
      columns: [],
      notes: [],
      problem: {
        severity: 'error',
        ruleId: 'unknown-attribute',
        message: `no source has the attribute '${by}' for --by (attributes: ${attributes.join(', ')}; or 'source', 'speaker')`,
      },
    };
  }
  const byValue = new Map<string, Source[]>();
  const missing: Source[] = [];
  let multiple = false;
  for (const source of sources) {
    const values = attributeValues(source, by);
    if (values.length === 0) missing.push(source);
    if (values.length > 1) multiple = true;
    for (const value of values) {
      const list = byValue.get(value);
      if (list) list.push(source);
      else byValue.set(value, [source]);
    }
  }
  const columns: SourceColumn[] = [...byValue.keys()]
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((value) => ({ key: value, label: value, sources: byValue.get(value) ?? [] }));
  const notes: string[] = [];
  const ids = missing.map((s) => s.id).join(', ');
  if (missing.length > 0 && coded !== undefined && !missing.some((source) => coded.has(source))) {
    notes.push(`Sources without a ${by} and without coded excerpts (${ids}) are left out.`);
  } else if (missing.length > 0) {
    columns.push({ key: `(no ${by})`, label: `(no ${by})`, sources: missing });
    notes.push(`Sources without a ${by} (${ids}) are in the column “(no ${by})”.`);
  }
  if (multiple) notes.push(`A source with several values of ${by} is counted in each of their columns, so columns may add up to more than the total.`);
  return { columns, notes, problem: null };
}
