import type { Cell, Column, Quote, Row, Table } from '../analysis/tables/table';
import { heatMaximum } from './heatMaximum';

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** Document language. Default `en`. */
  lang?: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values: `& < > " '`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

/** A code colour safe to put in a style attribute, or null. */
function safeColor(color: string | null): string | null {
  return color !== null && COLOR.test(color) ? color : null;
}

const NUMERIC = new Set<Column['kind']>(['count', 'countWithSources', 'number', 'percent']);

/** Heatmap colour from white (0) to a deep blue (the largest value of the table). */
function heatColor(value: number, max: number): string {
  const t = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const mix = (from: number, to: number): number => Math.round(from + (to - from) * t);
  return `rgb(${mix(255, 33)}, ${mix(255, 102)}, ${mix(255, 172)})`;
}

function textWithBreaks(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

function quoteHtml(quote: Quote): string {
  const who = quote.speaker ? `${quote.speaker}, ${quote.source}` : quote.source;
  const mark = quote.exemplar ? ' exemplar' : '';
  return `<p class="quote${mark}">“${escapeHtml(quote.text)}” <span class="who">(${escapeHtml(who)})</span></p>`;
}

function cellHtml(cell: Cell | undefined, column: Column, max: number, row: Row): string {
  if (!cell) return '<td></td>';
  const classes: string[] = [];
  let style = '';
  if (NUMERIC.has(column.kind)) classes.push('num');
  if (column.heat && row.kind !== 'total' && cell.value !== null) {
    classes.push('heat');
    style = ` style="background-color: ${heatColor(cell.value, max)};${cell.value / (max || 1) > 0.55 ? ' color: #fff;' : ''}"`;
  }
  // Quotes under a count stay on white: only the count carries the heat colour.
  const countStyle = cell.quotes.length > 0 && column.kind !== 'quotes' ? style : '';
  if (countStyle) style = '';
  const value = cell.value === null ? '' : ` data-value="${cell.value}"`;
  let content: string;
  if (column.kind === 'quotes') {
    content = cell.quotes.length > 0 ? cell.quotes.map(quoteHtml).join('') : textWithBreaks(cell.text);
  } else if (cell.quotes.length > 0) {
    // A count with quotes under it (impact grid): the first line is the count.
    const [count] = cell.text.split('\n');
    content = `<span class="count"${countStyle}>${escapeHtml(count)}</span>${cell.quotes.map(quoteHtml).join('')}`;
    classes.push('with-quotes');
  } else {
    content = textWithBreaks(cell.text);
  }
  const classAttr = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
  return `<td${classAttr}${style}${value}>${content}</td>`;
}

function swatch(color: string | null): string {
  const safe = safeColor(color);
  return safe ? `<span class="swatch" style="background-color: ${safe};"></span>` : '';
}

function rowHtml(row: Row, columns: readonly Column[], max: number): string {
  const classes = [`kind-${row.kind}`, ...row.flags.map((flag) => `flag-${flag.replace(/[^a-z0-9-]/gi, '')}`)];
  const indent = Math.max(0, row.depth) * 1.25 + 0.5;
  const flag = row.flags.includes('not-in-codebook') ? ' <span class="flag" title="used in transcripts, missing from the codebook">!</span>' : '';
  const header = `<th scope="row" style="padding-left: ${indent}em;">${swatch(row.code?.color ?? null)}${escapeHtml(row.label)}${flag}</th>`;
  const cells = columns.map((column, index) => cellHtml(row.cells[index], column, max, row)).join('');
  return `<tr class="${classes.join(' ')}">${header}${cells}</tr>`;
}

/** The style of the standalone HTML reports: tables, notes, quotes and print rules (shared by the agreement report). */
export const REPORT_STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1b1b1b; background: #fff; margin: 2rem; }
h1 { font-size: 1.3rem; margin: 0 0 .25rem; }
.caption { margin: 0 0 1rem; color: #444; }
table { border-collapse: collapse; margin: 0 0 1rem; }
th, td { border: 1px solid #c9c9c9; padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f1f1f1; font-weight: 600; vertical-align: bottom; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.with-quotes { text-align: left; white-space: normal; min-width: 12em; }
td.with-quotes .count { display: block; margin: -.3rem -.5rem .3rem; padding: .3rem .5rem; text-align: right; font-variant-numeric: tabular-nums; }
th[scope=row] { font-weight: normal; white-space: nowrap; }
tr.kind-heading th, tr.kind-heading td { font-weight: 600; background: #f7f7f7; }
tr.kind-total th, tr.kind-total td { font-weight: 600; border-top: 2px solid #888; }
tr.flag-not-in-codebook th { color: #8a1c1c; }
.flag { display: inline-block; margin-left: .3em; padding: 0 .35em; border-radius: 3px; background: #8a1c1c; color: #fff; font-size: .8em; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .4em; border-radius: 2px; vertical-align: -0.05em; border: 1px solid rgba(0,0,0,.25); }
.quote { margin: 0 0 .35rem; max-width: 32em; font-style: italic; }
.quote:last-child { margin-bottom: 0; }
.quote.exemplar::before { content: "★ "; font-style: normal; color: #a26b00; }
.who { font-style: normal; color: #555; white-space: nowrap; }
.notes { max-width: 60em; color: #333; font-size: .92em; }
.notes h2 { font-size: 1rem; margin: 0 0 .25rem; }
.notes ul { margin: 0; padding-left: 1.2em; }
td.heat, th, td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print {
  body { margin: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .quote { max-width: none; }
}
`;

/**
 * Renders a table as one standalone HTML document: inline style, no script
 * and no external resource (a content security policy forbids both), every
 * text escaped, code colours as swatches beside row and column labels, the
 * matrix cells of heat columns coloured from white to blue by their value
 * relative to the table's largest, exemplar quotes starred, and print rules
 * (repeated header, rows kept whole, colours printed). Wide tables print in
 * landscape.
 */
export function renderHtml(table: Table, options: RenderHtmlOptions = {}): string {
  const max = heatMaximum(table);
  const head = [
    `<th scope="col">${escapeHtml(table.rowHeader)}</th>`,
    ...table.columns.map((column) => `<th scope="col"${NUMERIC.has(column.kind) ? ' class="num"' : ''}>${swatch(column.color)}${escapeHtml(column.label)}</th>`),
  ].join('');
  const body = table.rows.map((row) => rowHtml(row, table.columns, max)).join('\n');
  const empty = table.rows.length === 0 ? `<tr><td colspan="${table.columns.length + 1}">(no rows)</td></tr>` : '';
  const notes = table.notes.length > 0 ? `<section class="notes"><h2>Notes</h2><ul>${table.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul></section>` : '';
  const landscape = table.columns.length > 6 ? '\n@page { size: landscape; }' : '';
  const lang = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(options.lang ?? '') ? options.lang : 'en';
  const main = `<h1>${escapeHtml(table.title)}</h1>
<p class="caption">${escapeHtml(table.caption)}</p>
<table class="table-${escapeHtml(table.name)}">
<thead><tr>${head}</tr></thead>
<tbody>
${body}${empty}
</tbody>
</table>
${notes}`;
  return standaloneHtml(table.title, `${REPORT_STYLE}${landscape}`, main, lang);
}

/**
 * One standalone HTML document around `main` (already HTML): the title escaped, the style
 * inline, and a content security policy that allows no script and no external resource.
 */
export function standaloneHtml(title: string, style: string, main: string, lang = 'en'): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}
