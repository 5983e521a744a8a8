/** Where a code id may be completed, and what is already written around it. */
export interface CodeIdCompletion {
  /** UTF-16 offsets of the id being typed (without its `.`): the text a chosen id replaces. */
  start: number;
  end: number;
  /** What is typed of it so far (from `start` to the cursor). */
  prefix: string;
  /** Ids the same attribute block already holds (the one being typed excluded). */
  present: string[];
  /** `class` after a `.`, `quoted` inside `class="…"`. */
  form: 'class' | 'quoted';
}

const ID_CHAR = /[A-Za-z0-9_-]/;
const CONTAINER_OPEN = /^[ \t]{0,3}:{3,}code[ \t]*\{/;
const CLASS_TOKEN = /(^|[\s{}"'])\.([A-Za-z][A-Za-z0-9_-]*)/g;
const CLASS_VALUE = /(?:^|[\s{])class=(["'])([^"']*)(?:\1|$)/g;

/**
 * Whether the cursor at UTF-16 `offset` of `text` is where a code id goes: inside the `{…}` of a
 * `:code[…]` or `:::code` directive on the cursor's line, right after a `.` (or within the class
 * word after it), or inside the quoted value of `class="…"`. Returns the id's place and the ids
 * already in the block, or `undefined` anywhere else (another directive, a memo, outside the
 * block, a closed block). Reads only the cursor's line; never throws.
 */
export function codeIdCompletionAt(text: string, offset: number): CodeIdCompletion | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const cursor = offset - lineStart;
  const open = blockOpening(line, cursor);
  if (open === undefined) return undefined;

  // Walk the block up to the cursor: quotes, the key a quoted value belongs to, the current word.
  let quote: string | null = null;
  let quotedKey = '';
  let wordStart = open + 1;
  for (let index = open + 1; index < cursor; index++) {
    const char = line[index];
    if (quote) {
      if (char === quote) {
        quote = null;
        wordStart = index + 1;
      } else if (/\s/.test(char)) wordStart = index + 1;
      continue;
    }
    if (char === '}') return undefined;
    if (char === '"' || char === "'") {
      const before = line.slice(0, index);
      const key = /([A-Za-z_:][A-Za-z0-9_.:-]*)\s*=\s*$/.exec(before);
      quotedKey = key ? key[1] : '';
      quote = char;
      wordStart = index + 1;
      continue;
    }
    if (/\s/.test(char)) wordStart = index + 1;
  }
  let form: CodeIdCompletion['form'];
  let idStart: number;
  if (quote) {
    if (quotedKey !== 'class') return undefined;
    form = 'quoted';
    idStart = wordStart;
  } else {
    const word = line.slice(wordStart, cursor);
    const dot = word.lastIndexOf('.');
    if (!(word.startsWith('.') || word.startsWith('#')) || dot === -1) return undefined;
    form = 'class';
    idStart = wordStart + dot + 1;
  }
  const prefix = line.slice(idStart, cursor);
  if (!/^[A-Za-z0-9_-]*$/.test(prefix)) return undefined;
  let idEnd = cursor;
  while (idEnd < line.length && ID_CHAR.test(line[idEnd])) idEnd++;
  const close = blockEnd(line, open);
  const block = line.slice(open, close);
  const present = new Set<string>();
  const blockOffset = open;
  for (const match of block.matchAll(CLASS_TOKEN)) {
    const at = blockOffset + (match.index ?? 0) + match[1].length + 1;
    if (at !== idStart) present.add(match[2]);
  }
  for (const match of block.matchAll(CLASS_VALUE)) {
    const valueStart = blockOffset + (match.index ?? 0) + match[0].indexOf(match[1]) + 1;
    let position = valueStart;
    for (const id of match[2].split(/(\s+)/)) {
      if (id.trim() !== '' && position !== idStart) present.add(id);
      position += id.length;
    }
  }
  present.delete('');
  return { start: lineStart + idStart, end: lineStart + idEnd, prefix, present: [...present], form };
}

/** Index in `line` of the `{` of the code directive's block the cursor is in, if any. */
function blockOpening(line: string, cursor: number): number | undefined {
  const container = CONTAINER_OPEN.exec(line);
  if (container) {
    const open = container[0].length - 1;
    return open < cursor ? open : undefined;
  }
  let found: number | undefined;
  for (let start = line.indexOf(':code['); start !== -1 && start < cursor; start = line.indexOf(':code[', start + 1)) {
    // A `:code` preceded by a name character is part of another word, not a directive.
    if (start > 0 && ID_CHAR.test(line[start - 1])) continue;
    const close = labelEnd(line, start + ':code['.length);
    if (close === undefined || line[close + 1] !== '{' || close + 1 >= cursor) continue;
    if (blockEnd(line, close + 1) < cursor) continue;
    found = close + 1;
  }
  return found;
}

/** Index of the `]` closing a label that starts at `from` (brackets nest, `\` escapes), if on the line. */
function labelEnd(line: string, from: number): number | undefined {
  let depth = 0;
  for (let index = from; index < line.length; index++) {
    const char = line[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === '[') depth++;
    else if (char === ']') {
      if (depth === 0) return index;
      depth--;
    }
  }
  return undefined;
}

/** Index of the `}` closing the block opened at `open` (quotes skipped), or the line's length. */
function blockEnd(line: string, open: number): number {
  let quote: string | null = null;
  for (let index = open + 1; index < line.length; index++) {
    const char = line[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '}') return index;
  }
  return line.length;
}
