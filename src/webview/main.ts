/// <reference lib="dom" />
/**
 * Script of the Summary panel (runs in the webview, bundled to media/webview/summary.js). It
 * builds the page from the data the host posts, with `textContent` only (transcript text never
 * becomes markup), colours heatmap cells through the CSSOM (the CSP allows no inline style), and
 * posts typed events back.
 */
import type { Cell, Column, Row, Table } from '../core/analysis/tables/table';
import type { ExportFormat, HostMessage, SummaryRequest, TableChoice, WebviewMessage } from './protocol';
import { heatMaximum } from '../core/render/heatMaximum';
import { vscodeApi } from './vscodeApi';

const vscode = vscodeApi<WebviewMessage>();
const post = (message: WebviewMessage): void => vscode.postMessage(message);

const NUMERIC = new Set<Column['kind']>(['count', 'countWithSources', 'number', 'percent']);
const COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

let current: SummaryRequest = { table: 'frequencies' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Heatmap colour from transparent (0) to the theme's chart blue at the largest value. */
function heat(value: number, max: number): { background: string; strong: boolean } {
  const t = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return { background: `rgba(33, 102, 172, ${(0.08 + 0.82 * t).toFixed(3)})`, strong: t > 0.55 };
}

function swatch(color: string | null): HTMLElement | null {
  if (!color || !COLOR.test(color)) return null;
  const node = element('span', undefined, 'swatch');
  node.style.backgroundColor = color;
  return node;
}

function renderControls(tables: TableChoice[], attributes: string[], request: SummaryRequest): HTMLElement {
  const bar = element('div', undefined, 'controls');
  const tableLabel = element('label', 'Table ');
  const tableSelect = element('select');
  tableSelect.id = 'table';
  for (const choice of tables) {
    const option = element('option', choice.label);
    option.value = choice.name;
    option.selected = choice.name === request.table;
    tableSelect.append(option);
  }
  tableLabel.append(tableSelect);
  const byLabel = element('label', 'Columns ');
  const bySelect = element('select');
  bySelect.id = 'by';
  const sources = element('option', 'one per source');
  sources.value = '';
  bySelect.append(sources);
  for (const attribute of attributes) {
    const option = element('option', attribute);
    option.value = attribute;
    option.selected = attribute === request.by;
    bySelect.append(option);
  }
  byLabel.append(bySelect);
  const takesBy = tables.find((choice) => choice.name === request.table)?.takesBy ?? false;
  byLabel.hidden = !takesBy;
  const choose = () => {
    const by = bySelect.value || undefined;
    const next: SummaryRequest = { table: tableSelect.value };
    if (by && tables.find((choice) => choice.name === tableSelect.value)?.takesBy) next.by = by;
    post({ type: 'didChooseTable', request: next });
  };
  tableSelect.addEventListener('change', choose);
  bySelect.addEventListener('change', choose);
  bar.append(tableLabel, byLabel);
  const exports = element('span', undefined, 'exports');
  for (const [format, label] of [['md', 'Export Markdown'], ['csv', 'Export CSV'], ['html', 'Export HTML']] as [ExportFormat, string][]) {
    const button = element('button', label);
    button.type = 'button';
    button.dataset.format = format;
    button.addEventListener('click', () => post({ type: 'didClickExport', format }));
    exports.append(button);
  }
  bar.append(exports);
  return bar;
}

function renderCell(cell: Cell | undefined, column: Column, row: Row, max: number): { node: HTMLTableCellElement; heated: boolean } {
  const td = element('td');
  if (!cell) return { node: td, heated: false };
  if (NUMERIC.has(column.kind)) td.classList.add('num');
  let heated = false;
  const colour = (target: HTMLElement) => {
    if (!column.heat || row.kind === 'total' || cell.value === null) return;
    const { background, strong } = heat(cell.value, max);
    target.style.backgroundColor = background;
    if (strong) target.classList.add('strong');
    target.classList.add('heat');
    heated = true;
  };
  if (column.kind === 'quotes' || cell.quotes.length > 0) {
    if (column.kind !== 'quotes') {
      const count = element('span', cell.text.split('\n')[0], 'count');
      colour(count);
      td.append(count);
      td.classList.add('with-quotes');
    }
    if (cell.quotes.length === 0) td.append(document.createTextNode(cell.text));
    for (const quote of cell.quotes) {
      const p = element('p', `“${quote.text}” `, quote.exemplar ? 'quote exemplar' : 'quote');
      p.append(element('span', `(${quote.speaker ? `${quote.speaker}, ` : ''}${quote.source})`, 'who'));
      td.append(p);
    }
  } else {
    td.textContent = cell.text;
    colour(td);
  }
  if (cell.value !== null) td.dataset.value = String(cell.value);
  return { node: td, heated };
}

function renderTable(table: Table): { node: HTMLElement; heatCells: number } {
  const max = heatMaximum(table);
  const section = element('section');
  section.append(element('h1', table.title), element('p', table.caption, 'caption'));
  const grid = element('table');
  grid.id = 'summary-table';
  const head = element('tr');
  head.append(element('th', table.rowHeader));
  for (const column of table.columns) {
    const th = element('th', undefined, NUMERIC.has(column.kind) ? 'num' : undefined);
    const mark = swatch(column.color);
    if (mark) th.append(mark);
    th.append(document.createTextNode(column.label));
    head.append(th);
  }
  const thead = element('thead');
  thead.append(head);
  const tbody = element('tbody');
  let heatCells = 0;
  for (const row of table.rows) {
    const tr = element('tr', undefined, `kind-${row.kind}`);
    const th = element('th');
    th.scope = 'row';
    th.style.paddingLeft = `${Math.max(0, row.depth) * 1.25 + 0.5}em`;
    const mark = swatch(row.code?.color ?? null);
    if (mark) th.append(mark);
    th.append(document.createTextNode(row.label));
    if (row.flags.includes('not-in-codebook')) {
      const flag = element('span', '!', 'flag');
      flag.title = 'used in transcripts, missing from the codebook';
      th.append(flag);
    }
    tr.append(th);
    table.columns.forEach((column, index) => {
      const { node, heated } = renderCell(row.cells[index], column, row, max);
      if (heated) heatCells += 1;
      tr.append(node);
    });
    tbody.append(tr);
  }
  grid.append(thead, tbody);
  section.append(grid);
  if (table.notes.length > 0) {
    const notes = element('ul', undefined, 'notes');
    for (const note of table.notes) notes.append(element('li', note));
    section.append(notes);
  }
  return { node: section, heatCells };
}

function show(message: Extract<HostMessage, { type: 'didBuildTable' }>): void {
  current = message.request;
  vscode.setState(current);
  const root = document.getElementById('root');
  if (!root) return;
  root.replaceChildren(renderControls(message.tables, message.attributes, message.request));
  if (message.problems.length > 0) {
    const problems = element('ul', undefined, 'problems');
    for (const problem of message.problems) problems.append(element('li', problem));
    root.append(problems);
  }
  if (!message.table) {
    post({ type: 'didRender', table: message.request.table, rows: 0, columns: 0, heatCells: 0 });
    return;
  }
  const { node, heatCells } = renderTable(message.table);
  root.append(node);
  post({ type: 'didRender', table: message.table.name, rows: message.table.rows.length, columns: message.table.columns.length, heatCells });
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message.type === 'didBuildTable') show(message);
  else if (message.type === 'didExport') {
    const status = document.getElementById('status');
    if (status) status.textContent = `Exported ${message.format.toUpperCase()} to ${message.path}`;
  }
});

post({ type: 'didLoad' });
