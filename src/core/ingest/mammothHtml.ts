/** An element of the HTML mammoth writes. */
export interface HtmlElement {
  type: 'element';
  tag: string;
  children: HtmlNode[];
}

/** Text inside the HTML, references decoded. */
export interface HtmlText {
  type: 'text';
  text: string;
}

/** A node of the HTML mammoth writes. */
export type HtmlNode = HtmlElement | HtmlText;

const TOKEN = /<(\/?)([a-z][a-z0-9]*)(?:\s[^>]*?)?(\/?)>/g;
const REFERENCES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

function decode(text: string): string {
  return text.includes('&') ? text.replace(/&(?:amp|lt|gt|quot);/g, (reference) => REFERENCES[reference]) : text;
}

/**
 * Reads the HTML that mammoth's `convertToHtml` writes into a tree. That HTML
 * is generated, not authored: every element is closed or self-closing
 * (`<br />`), attributes are quoted, and text escapes only `&`, `<`, `>`
 * (`&quot;` in attributes), so a tokenizer of those rules reads it exactly.
 * An unbalanced closing tag (never written by mammoth) is ignored.
 */
export function readMammothHtml(html: string): HtmlElement {
  const root: HtmlElement = { type: 'element', tag: '#root', children: [] };
  const stack: HtmlElement[] = [root];
  let cursor = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const top = stack[stack.length - 1];
    if (match.index > cursor) top.children.push({ type: 'text', text: decode(html.slice(cursor, match.index)) });
    cursor = match.index + match[0].length;
    const [, closing, tag, selfClosing] = match;
    if (closing) {
      const at = stack.map((element) => element.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
    } else {
      const element: HtmlElement = { type: 'element', tag, children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (cursor < html.length) stack[stack.length - 1].children.push({ type: 'text', text: decode(html.slice(cursor)) });
  return root;
}
