/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Script of the Coder Comparison panel (runs in the webview, bundled to media/webview/compare.js).
 * Builds the page from the comparison the host posts, with `textContent` only (transcript text
 * never becomes markup): the per-code table with the overall row, the per-source breakdown, and
 * the disagreements grouped by source and code, each with the coders' codings and resolve actions.
 */
import type { AgreementFigures } from '../../core/analysis/agreement/agreementFigures';
import type { Comparison, ComparisonDisagreement } from '../../core/analysis/agreement/describeComparison';
import { groupDisagreements } from '../../core/analysis/agreement/groupDisagreements';
import type { Resolution } from '../../core/analysis/agreement/resolveDisagreement';
import { countOf } from '../../core/render/countOf';
import { formatPercent, formatStatistic } from '../../core/render/formatAgreement';
import type { CompareExportFormat, CompareHostMessage, CompareSelection, CompareWebviewMessage } from './protocol';
import { vscodeApi } from '../vscodeApi';

const vscode = vscodeApi<CompareWebviewMessage>();
const post = (message: CompareWebviewMessage): void => vscode.postMessage(message);
const COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

/** The page's saved state: what is compared (for a restore after a reload) and the disagreement clicked last. */
interface PageState {
  selection?: CompareSelection;
  selected?: string | null;
}

const saved = (vscode.getState() as PageState | null) ?? {};
/** The disagreement the user clicked last (kept open across rebuilds). */
let selected: string | null = saved.selected ?? null;
let selection: CompareSelection | undefined = saved.selection;

function saveState(): void {
  vscode.setState({ selection, selected } satisfies PageState);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function button(label: string, onClick: () => void, className?: string): HTMLButtonElement {
  const node = element('button', label, className);
  node.type = 'button';
  node.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return node;
}

function figureCells(figures: AgreementFigures, fleiss: boolean): string[] {
  return [
    String(figures.units),
    formatPercent(figures.percentAgreement),
    formatStatistic(figures.kappa),
    formatStatistic(figures.alpha),
    ...(fleiss ? [formatStatistic(figures.fleiss)] : []),
  ];
}

/** One row of a figures table: its label, its cells as shown, a class and a code colour. */
interface RowSpec {
  label: string;
  cells: string[];
  className?: string;
  color?: string | null;
}

function table(id: string, header: string[], rows: RowSpec[]): HTMLTableElement {
  const grid = element('table');
  grid.id = id;
  const head = element('tr');
  header.forEach((label, index) => head.append(element('th', label, index > 0 ? 'num' : undefined)));
  const thead = element('thead');
  thead.append(head);
  const tbody = element('tbody');
  for (const row of rows) {
    const tr = element('tr', undefined, row.className);
    const th = element('th');
    th.scope = 'row';
    if (row.color && COLOR.test(row.color)) {
      const swatch = element('span', undefined, 'swatch');
      swatch.style.backgroundColor = row.color;
      th.append(swatch);
    }
    th.append(document.createTextNode(row.label));
    tr.append(th);
    for (const cell of row.cells) tr.append(element('td', cell, 'num'));
    tbody.append(tr);
  }
  grid.append(thead, tbody);
  return grid;
}

function resolve(key: string, resolution: Resolution): void {
  post({ type: 'didClickResolve', key, resolution });
}

function detail(item: ComparisonDisagreement): HTMLElement {
  const box = element('div', undefined, 'detail');
  const codings = element('ul', undefined, 'codings');
  for (const coding of item.codings) {
    const li = element('li');
    li.append(element('strong', `${coding.coder}: `), document.createTextNode(coding.codes.length > 0 ? coding.codes.join(', ') : 'not coded'));
    if (coding.memos.length > 0) li.append(element('span', ` — ${coding.memos.join(' / ')}`, 'memo'));
    codings.append(li);
  }
  box.append(codings);
  if (item.resolution) {
    box.append(element('p', 'Resolved. To change it, undo the consensus coding in the transcript (or edit it there).', 'caption'));
    return box;
  }
  const actions = element('div', undefined, 'actions');
  for (const coding of item.codings) {
    const accept = button(`Accept ${coding.coder}`, () => resolve(item.key, { kind: 'accept', coder: coding.coder }));
    accept.dataset.action = 'accept';
    accept.dataset.coder = coding.coder;
    if (coding.codes.length === 0) {
      accept.disabled = true;
      accept.title = `${coding.coder} coded nothing here: mark it discussed, with a memo, to leave it uncoded`;
    }
    actions.append(accept);
  }
  const keep = button('Keep both', () => resolve(item.key, { kind: 'keepBoth' }));
  keep.dataset.action = 'keepBoth';
  const memo = element('input');
  memo.type = 'text';
  memo.placeholder = 'Memo: what the discussion decided';
  memo.className = 'memo-input';
  memo.addEventListener('click', (event) => event.stopPropagation());
  const discussed = button('Mark discussed', () => resolve(item.key, { kind: 'discussed', memo: memo.value }));
  discussed.dataset.action = 'discussed';
  actions.append(keep, memo, discussed);
  box.append(actions);
  return box;
}

function disagreementItem(item: ComparisonDisagreement, consensus: string): HTMLElement {
  const li = element('li', undefined, 'disagreement');
  li.dataset.key = item.key;
  li.tabIndex = 0;
  if (item.resolution) li.classList.add('resolved');
  if (item.key === selected) li.classList.add('selected');
  const head = element('div', undefined, 'head');
  head.append(
    element('span', `${item.speaker ? `${item.speaker} · ` : ''}${item.units} units · coded by ${item.coders.join(', ')}; not by ${item.others.join(', ')}`, 'who'),
  );
  if (item.resolution) head.append(element('span', `✓ ${consensus}: ${item.resolution.codes.join(', ')}${item.resolution.memos.length > 0 ? ` — ${item.resolution.memos.join(' / ')}` : ''}`, 'settled'));
  li.append(head, element('blockquote', item.text));
  const open = () => {
    selected = item.key;
    saveState();
    for (const other of document.querySelectorAll('li.disagreement.selected')) other.classList.remove('selected');
    li.classList.add('selected');
    post({ type: 'didSelectDisagreement', key: item.key });
  };
  li.addEventListener('click', open);
  li.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target === li) open();
  });
  li.append(detail(item));
  return li;
}

function render(title: string, comparison: Comparison): HTMLElement[] {
  const fleiss = comparison.coders.length > 2;
  const names = new Map(comparison.codes.map((code) => [code.id, code.name]));
  const header = ['Code', 'Units', 'Agreement', fleiss ? 'Mean Cohen κ' : "Cohen's κ", "Krippendorff's α", ...(fleiss ? ["Fleiss' κ"] : [])];
  const codeRows: RowSpec[] = comparison.codes.map((code) => ({
    label: code.name ? `${code.id} ${code.name}` : code.id,
    cells: figureCells(code.figures, fleiss),
    color: code.color,
  }));
  codeRows.push({ label: 'Overall', cells: figureCells(comparison.overall, fleiss), className: 'overall' });
  const bar = element('div', undefined, 'controls');
  bar.append(element('h1', title), button('Compare Other Coders…', () => post({ type: 'didClickChoose' })));
  const exports = element('span', undefined, 'exports');
  for (const [format, label] of [['md', 'Export Markdown'], ['csv', 'Export CSV'], ['html', 'Export HTML']] as [CompareExportFormat, string][]) {
    const exportButton = button(label, () => post({ type: 'didClickExport', format }));
    exportButton.dataset.format = format;
    exports.append(exportButton);
  }
  bar.append(exports);
  const caption = element(
    'p',
    `Unit: one code point of plain text in the ${countOf(comparison.compared.sources, 'source')} every compared coder coded (${countOf(comparison.compared.codePoints, 'unit')} per code).` +
      (comparison.compared.skipped.length > 0 ? ` Not compared: ${comparison.compared.skipped.map((skipped) => skipped.path).join(', ')}.` : ''),
    'caption',
  );
  const perSource = table(
    'per-source',
    ['Source', 'Units', 'Agreement', "Cohen's κ", "Krippendorff's α"],
    comparison.perSource.map((source) => ({ label: source.path, cells: [String(source.units), formatPercent(source.overall.percentAgreement), formatStatistic(source.overall.kappa), formatStatistic(source.overall.alpha)] })),
  );
  const list = element('section', undefined, 'disagreements');
  list.id = 'disagreements';
  const progress = element('p', `Resolved ${comparison.resolved} of ${comparison.disagreements.length} disagreements (consensus codings by=${comparison.consensus}).`, 'progress');
  progress.id = 'progress';
  list.append(element('h2', 'Disagreements'), progress);
  if (comparison.disagreements.length === 0) list.append(element('p', 'None: the coders coded the same text with the same codes.'));
  for (const group of groupDisagreements(comparison.disagreements, comparison.codes.map((code) => code.id))) {
    list.append(element('h3', group.path));
    for (const entry of group.codes) {
      const name = names.get(entry.code);
      list.append(element('h4', name ? `${entry.code} ${name}` : entry.code));
      const ol = element('ol');
      for (const item of entry.disagreements) ol.append(disagreementItem(item, comparison.consensus));
      list.append(ol);
    }
  }
  return [bar, caption, table('agreement', header, codeRows), element('h2', 'Per source'), perSource, list];
}

function show(message: Extract<CompareHostMessage, { type: 'didBuildComparison' }>): void {
  const root = document.getElementById('root');
  if (!root) return;
  if (message.comparison) {
    selection = message.selection;
    saveState();
  }
  root.replaceChildren();
  if (message.problems.length > 0) {
    const problems = element('ul', undefined, 'problems');
    for (const problem of message.problems) problems.append(element('li', problem));
    root.append(problems);
  }
  if (!message.comparison) {
    root.append(button('Compare Coders…', () => post({ type: 'didClickChoose' })));
    post({ type: 'didRender', rows: [], disagreements: 0, resolved: 0 });
    return;
  }
  root.append(...render(message.title, message.comparison));
  const rows = [...root.querySelectorAll('#agreement tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent ?? ''));
  post({ type: 'didRender', rows, disagreements: message.comparison.disagreements.length, resolved: message.comparison.resolved });
}

window.addEventListener('message', (event: MessageEvent<CompareHostMessage>) => {
  const message = event.data;
  if (message.type === 'didBuildComparison') show(message);
  else if (message.type === 'didShowStatus') {
    const status = document.getElementById('status');
    if (status) status.textContent = message.text;
  }
});

post({ type: 'didLoad' });
