/// <reference lib="dom" />
/** The list of excerpts behind a cell, beside the table; each entry opens its transcript. */
import { element } from './dom';
import type { HostMessage, WebviewMessage } from './protocol';

type DrillDown = Extract<HostMessage, { type: 'didDrillDown' }>;

/**
 * Puts `#root` (the page the shared shell gives) and the hidden list side by side in a
 * `main#layout`; once, before the first table.
 */
export function mountExcerptList(): void {
  const root = document.getElementById('root');
  if (!root || document.getElementById('excerpts')) return;
  const layout = element('main');
  layout.id = 'layout';
  const aside = element('aside');
  aside.id = 'excerpts';
  aside.hidden = true;
  aside.setAttribute('aria-label', 'Excerpts behind the cell');
  root.replaceWith(layout);
  layout.append(root, aside);
}

/** Hides the list and the mark of the cell it came from. */
export function closeExcerpts(): void {
  const aside = document.getElementById('excerpts');
  if (aside) aside.hidden = true;
  document.body.classList.remove('drilled');
  for (const node of Array.from(document.querySelectorAll('.drill.selected'))) node.classList.remove('selected');
}

function describe(item: DrillDown['items'][number]): string {
  const coders = item.coders.length > 0 ? `by ${item.coders.join(', ')}` : null;
  return [item.source, item.speaker, coders, item.codes.join(' '), `line ${item.line}`].filter(Boolean).join(' · ');
}

/** The list of excerpts behind a cell, beside the table; each entry opens its transcript. */
export function showExcerpts(message: DrillDown, post: (message: WebviewMessage) => void): void {
  const aside = document.getElementById('excerpts');
  if (!aside) return;
  const close = element('button', '×', 'close');
  close.type = 'button';
  close.title = 'Close the list';
  close.setAttribute('aria-label', 'Close the list');
  close.addEventListener('click', closeExcerpts);
  const pairs = message.items.some((item) => item.excerpts > 1);
  const noun = pairs ? 'co-occurrence' : 'excerpt';
  const summary = `${message.items.length} ${noun}${message.items.length === 1 ? '' : 's'}${message.missing > 0 ? ` (${message.missing} no longer found: the files changed)` : ''}`;
  const header = element('header');
  header.append(element('h2', message.title), close);
  const list = element('ol');
  message.items.forEach((item, index) => {
    const entry = element('li');
    const button = element('button', undefined, 'excerpt');
    button.type = 'button';
    button.dataset.index = String(index);
    button.title = `Open ${item.path} at line ${item.line}`;
    button.append(element('span', item.shown, 'text'), element('span', describe(item), 'who'));
    button.addEventListener('click', () => post({ type: 'didClickExcerpt', index }));
    entry.append(button);
    list.append(entry);
  });
  aside.replaceChildren(header, element('p', summary, 'caption'), list);
  aside.onkeydown = (event) => {
    if (event.key !== 'Escape') return;
    // Back to the cell the list came from.
    const cell = document.querySelector<HTMLElement>('.drill.selected');
    closeExcerpts();
    cell?.focus();
  };
  aside.hidden = false;
  document.body.classList.add('drilled');
  list.querySelector<HTMLButtonElement>('button')?.focus();
  post({ type: 'didRenderExcerpts', items: message.items.length });
}
