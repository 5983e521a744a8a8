/// <reference lib="dom" />
/**
 * Script of the Resource Pack panel (runs in the webview, bundled to media/webview/pack.js). It
 * builds one card per candidate from the pack the host posts, with the same parts as the printed
 * page of `mdqda pack --format html` (name, description, counts, quotes, sub-codes, discussion
 * prompts), text by `textContent` only and the code colours through the CSSOM (the CSP allows no
 * inline style). Print and Export HTML ask the host, which writes the core's printable page.
 */
import type { PackCard, ResourcePack } from '../../core/analysis/workshop/resourcePack';
import { button, element, showStatus } from '../dom';
import { vscodeApi } from '../vscodeApi';
import type { PackHostMessage, PackWebviewMessage } from './protocol';

const vscode = vscodeApi<PackWebviewMessage>();
const post = (message: PackWebviewMessage): void => vscode.postMessage(message);
const COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function renderCard(card: PackCard): HTMLElement {
  const section = element('section', undefined, 'card');
  section.id = `card-${card.id}`;
  section.dataset.code = card.id;
  if (card.color !== null && COLOR.test(card.color)) section.style.setProperty('--code-color', card.color);
  const heading = element('h2');
  heading.append(element('span', card.id, 'id'), document.createTextNode(card.name));
  section.append(heading);
  if (card.description) section.append(element('p', card.description, 'description'));
  if (card.example) section.append(element('p', `Invented example: “${card.example}”`, 'example'));
  const coders = card.coders.length > 0 ? `, coded by ${card.coders.join(', ')}` : '';
  section.append(element('p', `${plural(card.excerpts, 'excerpt')} in ${plural(card.sources, 'source')}${coders}`, 'counts'));
  if (card.columns.length > 0) {
    const table = element('table');
    const head = element('tr');
    const row = element('tr');
    for (const column of card.columns) {
      const th = element('th', column.label);
      th.scope = 'col';
      head.append(th);
      row.append(element('td', `${column.excerpts} (${column.sources})`));
    }
    const thead = element('thead');
    thead.append(head);
    const tbody = element('tbody');
    tbody.append(row);
    table.append(thead, tbody);
    section.append(table);
  }
  if (card.quotes.length > 0) {
    section.append(element('h3', 'Quotes'));
    for (const quote of card.quotes) {
      const block = element('blockquote');
      const who = element('span', quote.speaker ? `${quote.speaker}, ${quote.source}` : quote.source, 'who');
      if (quote.exemplar) who.append(element('span', 'exemplar', 'exemplar-mark'));
      block.append(element('p', `“${quote.text}”`), who);
      section.append(block);
    }
  }
  if (card.subCodes.length > 0) {
    section.append(element('h3', 'Sub-codes'));
    const list = element('ul', undefined, 'subcodes');
    for (const sub of card.subCodes) {
      const item = element('li');
      item.style.marginLeft = `${(sub.depth - 1) * 1.2}rem`;
      item.append(element('strong', sub.id), document.createTextNode(` ${sub.name}: ${plural(sub.excerpts, 'excerpt')} (${plural(sub.sources, 'source')})`));
      list.append(item);
    }
    section.append(list);
  }
  section.append(element('h3', 'For discussion'));
  const prompts = element('ol', undefined, 'prompts');
  for (const prompt of card.prompts) prompts.append(element('li', prompt));
  section.append(prompts);
  return section;
}

function renderPack(pack: ResourcePack): HTMLElement[] {
  const header = element('header', undefined, 'pack');
  const by = pack.by === 'source' ? 'source' : pack.by;
  header.append(
    element('h1', pack.title),
    element('p', `${plural(pack.cards.length, 'candidate card')}, ${plural(pack.sources, 'source')}, coders ${pack.coders.join(', ') || 'none'}; counts per ${by} read excerpts (sources).`),
  );
  const notes = element('footer', undefined, 'notes');
  for (const note of pack.notes) notes.append(element('p', note));
  return [header, ...pack.cards.map(renderCard), notes];
}

/** A labelled `<select>` of `values` with `chosen` selected (added when it is not among them). */
function select(id: string, text: string, values: readonly string[], chosen: string): { label: HTMLLabelElement; select: HTMLSelectElement } {
  const label = element('label', text);
  const node = element('select');
  node.id = id;
  for (const value of values.includes(chosen) ? values : [...values, chosen]) {
    const option = element('option', value);
    option.value = value;
    option.selected = value === chosen;
    node.append(option);
  }
  label.append(node);
  return { label, select: node };
}

function show(message: Extract<PackHostMessage, { type: 'didBuildPack' }>): void {
  vscode.setState(message.choice); // what the host shows again after a window reload
  const root = document.getElementById('root');
  if (!root) return;
  const bar = element('div', undefined, 'controls');
  const group = select('group', 'Candidates from group ', message.groups, message.choice.group);
  const asOf = select('as-of', 'as of ', message.steps, message.choice.asOf);
  const choose = () => post({ type: 'didChoose', choice: { group: group.select.value, asOf: asOf.select.value } });
  group.select.addEventListener('change', choose);
  asOf.select.addEventListener('change', choose);
  bar.append(
    group.label,
    asOf.label,
    button('Print…', 'print', () => post({ type: 'didClickPrint' })),
    button('Export HTML…', 'export', () => post({ type: 'didClickExport' })),
  );
  root.replaceChildren(bar);
  if (message.problems.length > 0) {
    const problems = element('ul', undefined, 'problems');
    for (const problem of message.problems) problems.append(element('li', problem));
    root.append(problems);
  }
  if (message.pack) root.append(...renderPack(message.pack));
  const cards = message.pack?.cards ?? [];
  post({ type: 'didRender', cards: cards.map((card) => card.id), quotes: cards.reduce((sum, card) => sum + card.quotes.length, 0) });
}

window.addEventListener('message', (event: MessageEvent<PackHostMessage>) => {
  const message = event.data;
  if (message.type === 'didBuildPack') show(message);
  else if (message.type === 'didExport') showStatus(`Exported the pack to ${message.path}`);
  else if (message.type === 'didPrint') showStatus(`Opened ${message.path} in the browser to print`);
});

post({ type: 'didLoad' });
