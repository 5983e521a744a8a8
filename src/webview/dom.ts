/// <reference lib="dom" />
/**
 * DOM helpers of the webview pages: elements whose text is set with `textContent` only, so text
 * from transcripts, codebooks and workshop files never becomes markup; clickable cells; buttons.
 */

/** A new element with `text` as its text content (never parsed as markup) and a class. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Makes `node` a control that runs `action` on click, Enter or Space. */
export function clickable(node: HTMLElement, label: string, action: () => void): void {
  node.classList.add('drill');
  node.tabIndex = 0;
  node.setAttribute('role', 'button');
  node.title = label;
  const run = (event: Event) => {
    event.stopPropagation();
    for (const other of Array.from(document.querySelectorAll('.drill.selected'))) other.classList.remove('selected');
    node.classList.add('selected');
    action();
  };
  node.addEventListener('click', run);
  node.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    run(event);
  });
}

/** A `<button type="button">` that runs `onClick`, with `data-action` for tests and styles. */
export function button(label: string, action: string, onClick: () => void): HTMLButtonElement {
  const node = element('button', label);
  node.type = 'button';
  node.dataset.action = action;
  node.addEventListener('click', onClick);
  return node;
}

/** Sets the page's status line (an ARIA live region with id `status`). */
export function showStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}
