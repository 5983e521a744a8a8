/// <reference lib="dom" />
/**
 * Script of the Summary panel (runs in the webview, bundled to media/webview/summary.js). It
 * builds the page from the data the host posts, with `textContent` only (transcript text never
 * becomes markup), colours heatmap cells through the CSSOM (the CSP allows no inline style), and
 * posts typed events back. A count or a quote opens the list of the excerpts behind it beside the
 * table; an entry of the list opens the transcript there.
 */
import type { Cell, Column, Row, Table } from '../core/analysis/tables/table';
import { EVERY_CODE, type HostMessage, type SummaryRequest, type WebviewMessage } from './protocol';
import { heatMaximum } from '../core/render/heatMaximum';
import { vscodeApi } from './vscodeApi';
import { renderControls, requestFromControls, type BuildMessage } from './controls';
import { clickable, element } from './dom';
import { closeExcerpts, mountExcerptList, showExcerpts } from './excerptList';

const vscode = vscodeApi<WebviewMessage>();
const post = (message: WebviewMessage): void => vscode.postMessage(message);

const NUMERIC = new Set<Column['kind']>(['count', 'countWithSources', 'number', 'percent']);
const COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

let current: SummaryRequest = { table: 'frequencies' };

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

function renderCell(cell: Cell | undefined, column: Column, row: Row, max: number): { node: HTMLTableCellElement; heated: boolean } {
  const drill = (quote?: number) => post({ type: 'didClickCell', row: row.key, column: column.key, ...(quote === undefined ? {} : { quote }) });
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
      if (cell.refs.length > 0) clickable(count, 'Show the excerpts behind this count', () => drill());
      td.append(count);
      td.classList.add('with-quotes');
    }
    if (cell.quotes.length === 0) td.append(document.createTextNode(cell.text));
    cell.quotes.forEach((quote, index) => {
      const p = element('p', `“${quote.text}” `, quote.exemplar ? 'quote exemplar' : 'quote');
      p.append(element('span', `(${quote.speaker ? `${quote.speaker}, ` : ''}${quote.source})`, 'who'));
      clickable(p, 'Show the excerpt of this quote', () => drill(index));
      td.append(p);
    });
  } else {
    td.textContent = cell.text;
    colour(td);
    if (cell.refs.length > 0) {
      const count = cell.excerpts ?? cell.refs.length;
      clickable(td, `Show the ${count === 1 ? 'excerpt' : 'excerpts'} behind ${cell.text}`, () => drill());
    }
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
  const scroller = element('div', undefined, 'table-scroll');
  scroller.append(grid);
  section.append(scroller);
  if (table.notes.length > 0) {
    const notes = element('ul', undefined, 'notes');
    for (const note of table.notes) notes.append(element('li', note));
    section.append(notes);
  }
  return { node: section, heatCells };
}

/** When a matrix is wider than the panel: a note offering the coarser rows and columns. */
function renderWide(message: BuildMessage, table: Table): HTMLElement | null {
  const matrix = table.columns.some((column) => column.heat);
  const scroller = document.querySelector<HTMLElement>('.table-scroll');
  if (!matrix || !scroller || scroller.scrollWidth <= scroller.clientWidth + 1) return null;
  const note = element('div', `This matrix has ${table.columns.length} columns, wider than the panel. `, 'wide');
  note.id = 'wide';
  const offer = (label: string, overrides: Partial<SummaryRequest>) => {
    const button = element('button', label);
    button.type = 'button';
    button.addEventListener('click', () => post({ type: 'didChooseTable', request: requestFromControls(message, overrides) }));
    note.append(button);
  };
  if (table.name === 'cooccurrence') {
    offer('Show code groups', { rows: undefined, cols: undefined, group: undefined });
    for (const group of message.filters.groups.slice(0, 4)) offer(`Columns: ${group}`, { rows: message.request.rows ?? EVERY_CODE, cols: group });
  } else if (message.tables.find((choice) => choice.name === table.name)?.takesBy) {
    for (const attribute of message.attributes.slice(0, 4)) offer(`Columns by ${attribute}`, { by: attribute });
  }
  return note;
}

function show(message: BuildMessage): void {
  current = message.request;
  vscode.setState(current);
  const root = document.getElementById('root');
  if (!root) return;
  root.replaceChildren(renderControls(message, post));
  if (message.notice) root.append(element('p', message.notice, 'notice'));
  closeExcerpts();
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
  const wide = renderWide(message, message.table);
  if (wide) node.before(wide);
  post({ type: 'didRender', table: message.table.name, rows: message.table.rows.length, columns: message.table.columns.length, heatCells });
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message.type === 'didBuildTable') show(message);
  else if (message.type === 'didDrillDown') showExcerpts(message, post);
  else if (message.type === 'didExport') {
    const status = document.getElementById('status');
    if (status) status.textContent = `Exported ${message.format.toUpperCase()} to ${message.path}`;
  }
});

mountExcerptList();
post({ type: 'didLoad' });
