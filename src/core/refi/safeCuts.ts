/** A line that starts a paragraph whatever came before a blank line: a letter, a number that is not a list item, or `**` and text. */
const PLAIN_START = /^(?:\p{L}|\p{N}(?!\p{N}*[.)](?:[ \t]|$))|\*\*[^\s*])/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const CONTAINER_OPEN = /^ {0,3}(:{3,})[A-Za-z]/;
const CONTAINER_CLOSE = /^ {0,3}(:{3,})[ \t]*$/;
/** HTML blocks that run until their end marker, blank lines and all (CommonMark kinds 1–5), with that marker. */
const HTML_BLOCKS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** A link reference definition: it gives meaning to `[label]` anywhere in the text, so such a text is not cut. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/**
 * Offsets (UTF-16, ascending) where the text can be cut into pieces that
 * Markdown with directives reads, piece by piece, exactly as it reads the
 * whole: the start of a line that begins with a letter, a number that is
 * not a list item, or `**` and text (so it opens no block and continues
 * none: no list item, indented code or quote runs on into it), right after
 * a blank line, outside fenced code, container directives and the HTML
 * blocks that run over blank lines (`<script>`, `<pre>`, comments…).
 * Where it is unsure (an unclosed fence, a `:::` it cannot pair) it
 * offers no cut until the construct is closed. A text with a link
 * reference definition gets no cut. Never throws.
 */
export function safeCuts(text: string): number[] {
  if (DEFINITION.test(text)) return [];
  const cuts: number[] = [];
  let fence: { char: string; length: number } | null = null;
  const containers: number[] = [];
  let html: RegExp | null = null;
  let previousBlank = false;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    const blank = /^[ \t]*$/.test(line);
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && close[2].trim() === '') fence = null;
    } else if (html) {
      if (html.test(line)) html = null;
    } else {
      if (previousBlank && containers.length === 0 && start > 0 && PLAIN_START.test(line)) cuts.push(start);
      const open = FENCE.exec(line);
      const closeContainer = CONTAINER_CLOSE.exec(line);
      if (open) fence = { char: open[1][0], length: open[1].length };
      else if (CONTAINER_OPEN.test(line)) containers.push((CONTAINER_OPEN.exec(line) as RegExpExecArray)[1].length);
      else if (closeContainer && containers.length > 0 && closeContainer[1].length >= containers[containers.length - 1]) containers.pop();
      else {
        const block = HTML_BLOCKS.find(([opening]) => opening.test(line));
        // The end marker may sit on the opening line itself.
        if (block && !block[1].test(line.replace(block[0], ''))) html = block[1];
      }
    }
    previousBlank = blank && !fence && !html;
    start = end + 1;
  }
  return cuts;
}
