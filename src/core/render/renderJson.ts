import type { Cell, Column, ExcerptRef, Quote, Row, Table } from '../analysis/tables/table';

/** Version of the JSON shape {@link renderJson} writes; bumped on any incompatible change. */
export const TABLE_JSON_VERSION = 1;

function ref(value: ExcerptRef) {
  return { source: value.source, path: value.path, start: value.start, end: value.end, line: value.line, id: value.id };
}

function quote(value: Quote) {
  return {
    text: value.text,
    truncated: value.truncated,
    source: value.source,
    speaker: value.speaker,
    exemplar: value.exemplar,
    ref: ref(value.ref),
  };
}

function column(value: Column) {
  return { key: value.key, label: value.label, kind: value.kind, heat: value.heat, total: value.total, color: value.color };
}

function cell(value: Cell, key: string) {
  return {
    column: key,
    text: value.text,
    value: value.value,
    excerpts: value.excerpts,
    sources: value.sources,
    refs: value.refs.map(ref),
    quotes: value.quotes.map(quote),
  };
}

function row(value: Row, columns: readonly Column[]) {
  return {
    key: value.key,
    label: value.label,
    kind: value.kind,
    depth: value.depth,
    code: value.code ? { id: value.code.id, name: value.code.name, color: value.code.color, known: value.code.known } : null,
    flags: [...value.flags],
    cells: columns.map((c, index) => cell(value.cells[index] ?? { text: '', value: null, excerpts: null, sources: null, refs: [], quotes: [] }, c.key)),
  };
}

/**
 * Renders a table as JSON for scripts: the table as data, keys always in the
 * same order, each cell with its column key, display text, value, counts,
 * the excerpt references behind it (`source`, `path`, `start`, `end`,
 * `line`, `id`, as `mdqda excerpts --format json` gives them) and its quotes.
 * Two-space indentation, ending with a newline.
 */
export function renderJson(table: Table): string {
  const data = {
    version: TABLE_JSON_VERSION,
    table: table.name,
    title: table.title,
    caption: table.caption,
    rowHeader: table.rowHeader,
    columns: table.columns.map(column),
    rows: table.rows.map((value) => row(value, table.columns)),
    notes: [...table.notes],
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
