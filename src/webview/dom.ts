/// <reference lib="dom" />
/** DOM helpers of the Summary page: elements built with `textContent` only, and clickable cells. */

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
