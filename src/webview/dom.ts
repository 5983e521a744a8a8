/// <reference lib="dom" />
/**
 * DOM helpers of the Resource Pack and Workshop pages: elements whose text is set with
 * `textContent` only, so text from transcripts, codebooks and workshop files never becomes markup.
 */

/** A new element with its text (as text, never markup) and class. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
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
