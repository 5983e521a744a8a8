/**
 * Reads a directive attribute block `{…}` the way micromark-extension-directive
 * does (its `factoryAttributes`), for renderers that see the Markdown source
 * without micromark's tokens (the markdown-it preview).
 */

/** An attribute block read from the source. */
export interface ScannedAttributes {
  /** Offset just past the closing `}`. */
  end: number;
  /** Attributes in source order: `.a` gives `['class', 'a']`, `#b` gives `['id', 'b']`, a bare name an empty value. */
  attributes: [string, string][];
}

const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
const UNICODE_WHITESPACE = /\s/u;

function isLineEnding(char: string): boolean {
  return char === '\n' || char === '\r';
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t';
}

/** Characters that end a name or start the block's end (micromark's rule for `between` and `name`). */
function endsName(char: string, extra: string): boolean {
  if (char === '' || isLineEnding(char) || UNICODE_WHITESPACE.test(char)) return true;
  return UNICODE_PUNCTUATION.test(char) && !extra.includes(char);
}

/**
 * Scans the attribute block that starts with the `{` at `start`. Line endings
 * are allowed inside it when `allowLineEndings` (text directives), not for
 * container fences. Returns null when micromark would not read an attribute
 * block there (unclosed, a bad quote, `=` without a value…): the text then
 * stays literal. Never throws.
 */
export function scanDirectiveAttributes(text: string, start: number, allowLineEndings: boolean): ScannedAttributes | null {
  if (text[start] !== '{') return null;
  const attributes: [string, string][] = [];
  // One UTF-16 unit at a time, as micromark tests characters: half of a surrogate pair is neither punctuation nor space.
  const at = (index: number): string => text[index] ?? '';
  const skipWhitespace = (index: number): number => {
    while (index < text.length && (isSpace(text[index]) || (allowLineEndings && isLineEnding(text[index])))) index++;
    return index;
  };
  let pos = start + 1;
  for (;;) {
    pos = skipWhitespace(pos);
    const char = at(pos);
    if (char === '#' || char === '.') {
      const valueStart = pos + 1;
      let index = valueStart;
      for (;;) {
        const next = at(index);
        if (next === '' || `"'<=>\``.includes(next)) return null;
        if (next === '#' || next === '.' || next === '}' || isLineEnding(next) || isSpace(next)) break;
        index++;
      }
      if (index === valueStart) return null;
      attributes.push([char === '#' ? 'id' : 'class', text.slice(valueStart, index)]);
      pos = index;
      continue;
    }
    if (endsName(char, '-_')) {
      return char === '}' ? { end: pos + 1, attributes } : null;
    }
    const nameStart = pos;
    // A tab does not end a name in micromark (it is neither a line ending nor Unicode whitespace there).
    while (at(pos) === '\t' || !endsName(at(pos), '-.:_')) pos++;
    const name = text.slice(nameStart, pos);
    pos = skipWhitespace(pos);
    if (at(pos) !== '=') {
      attributes.push([name, '']);
      continue;
    }
    pos = skipWhitespace(pos + 1);
    const first = at(pos);
    if (first === '' || '<=>`}'.includes(first) || (!allowLineEndings && isLineEnding(first))) return null;
    if (first === '"' || first === "'") {
      const close = text.indexOf(first, pos + 1);
      if (close === -1) return null;
      const value = text.slice(pos + 1, close);
      if (!allowLineEndings && /[\r\n]/.test(value)) return null;
      attributes.push([name, value]);
      pos = close + 1;
      const after = at(pos);
      if (!(after === '}' || isSpace(after) || isLineEnding(after))) return null;
      continue;
    }
    const valueStart = pos;
    for (;;) {
      const next = at(pos);
      if (next === '' || `"'<=>\``.includes(next)) return null;
      if (next === '}' || isSpace(next) || isLineEnding(next)) break;
      pos++;
    }
    attributes.push([name, text.slice(valueStart, pos)]);
  }
}
