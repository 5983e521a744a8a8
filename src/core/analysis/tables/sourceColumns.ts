import type { Source } from '../../model/source';
import { attributeValues, knownAttributes } from './filters';
import type { TableProblem } from './table';

/** A column of sources: one source, or the sources sharing an attribute value. */
export interface SourceColumn {
  key: string;
  label: string;
  sources: Source[];
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
 * Splits sources into columns. `by` = `source` (default) gives one column per
 * source in the order given, named by id (by path where files share an id); any other name groups sources by that front
 * matter attribute, values in natural order (`P2` before `P10`), sources
 * without it in a last column `(no ATTR)`, left out (and said so in the notes)
 * when none of them holds an excerpt in `coded` — such files, like a README
 * that mentions the markup, are not part of the study. A source whose attribute is a
 * list appears in each of its values' columns. An attribute no source has
 * is an `unknown-attribute` error (no columns); an empty corpus gives no
 * columns and no error.
 */
export function sourceColumns(sources: readonly Source[], by: string = BY_SOURCE, coded?: ReadonlySet<Source>): SourceColumns {
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
        message: `no source has the attribute '${by}' for --by (attributes: ${attributes.join(', ')}; or 'source')`,
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
