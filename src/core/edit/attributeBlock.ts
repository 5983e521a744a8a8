import type { DirectiveFact } from '../syntax/transcriptFacts';

/** One attribute of a directive's `{…}` block, with its place in the file. */
export interface AttributeToken {
  /** `.T1` is a class, `#x` an id shortcut, `by=pg` or `exemplar` a named attribute. */
  kind: 'class' | 'id' | 'named';
  /** The attribute name (`class`, `id` for the shortcuts). */
  key: string;
  /** The value as written, quotes and character references undone only for bare values. */
  value: string;
  /** The whole token, `[start, end)` in file offsets. */
  start: number;
  end: number;
}

/** The `{…}` block of a `code` directive and its tokens. */
export interface AttributeBlock {
  /** Offset of `{` and just past `}`. */
  start: number;
  end: number;
  tokens: AttributeToken[];
}

/**
 * Finds and tokenises the attribute block of a `code` directive the way the
 * directive parser reads it (micromark-extension-directive): classes `.x`,
 * id shortcuts `#x`, names with optional `=` and a bare, `"…"` or `'…'`
 * value. Returns `undefined` when the directive has no block or when the
 * block holds something this reader does not understand (then callers refuse
 * to edit it rather than guess).
 */
export function readAttributeBlock(text: string, directive: DirectiveFact): AttributeBlock | undefined {
  let open: number;
  let close: number;
  if (directive.kind === 'text') {
    open = text.charCodeAt(directive.contentEnd) === 0x5d ? directive.contentEnd + 1 : directive.contentEnd;
    close = directive.end - 1;
  } else {
    const newline = text.indexOf('\n', directive.start);
    const lineEnd = newline === -1 ? text.length : newline;
    open = text.indexOf('{', directive.start);
    close = text.lastIndexOf('}', lineEnd);
    if (open === -1 || open > lineEnd || close < open) return undefined;
  }
  if (text.charCodeAt(open) !== 0x7b || text.charCodeAt(close) !== 0x7d || close < open) return undefined;
  const tokens = tokenise(text, open + 1, close);
  return tokens ? { start: open, end: close + 1, tokens } : undefined;
}

const SPACE = /[\s]/;
const SHORTCUT_END = /[\s#.}]/;
const NAME_END = /[\s=}"'<>`]/;

function tokenise(text: string, from: number, to: number): AttributeToken[] | undefined {
  const tokens: AttributeToken[] = [];
  let index = from;
  while (index < to) {
    const char = text[index];
    if (SPACE.test(char)) {
      index++;
      continue;
    }
    const start = index;
    if (char === '.' || char === '#') {
      index++;
      while (index < to && !SHORTCUT_END.test(text[index])) {
        if (/["'<=>`]/.test(text[index])) return undefined;
        index++;
      }
      if (index === start + 1) return undefined;
      tokens.push({ kind: char === '.' ? 'class' : 'id', key: char === '.' ? 'class' : 'id', value: text.slice(start + 1, index), start, end: index });
      continue;
    }
    while (index < to && !NAME_END.test(text[index])) index++;
    if (index === start) return undefined;
    const key = text.slice(start, index);
    let probe = index;
    while (probe < to && SPACE.test(text[probe])) probe++;
    if (text[probe] !== '=') {
      tokens.push({ kind: 'named', key, value: '', start, end: index });
      continue;
    }
    probe++;
    while (probe < to && SPACE.test(text[probe])) probe++;
    const quote = text[probe];
    if (quote === '"' || quote === "'") {
      const closing = text.indexOf(quote, probe + 1);
      if (closing === -1 || closing >= to) return undefined;
      index = closing + 1;
      tokens.push({ kind: 'named', key, value: decodeReferences(text.slice(probe + 1, closing)), start, end: index });
    } else {
      const valueStart = probe;
      while (probe < to && !/[\s}]/.test(text[probe])) {
        if (/["'<=>`]/.test(text[probe])) return undefined;
        probe++;
      }
      if (probe === valueStart) return undefined;
      index = probe;
      tokens.push({ kind: 'named', key, value: decodeReferences(text.slice(valueStart, probe)), start, end: index });
    }
  }
  return tokens;
}

const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Undoes the common character references (numeric, and the few named ones the tool writes). */
function decodeReferences(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}
