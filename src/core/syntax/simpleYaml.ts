/**
 * A fast reader for the plain front matter most transcripts have: one
 * `key: value` per line, values plain or simply quoted scalars or flow lists
 * of plain scalars, comments and blank lines. It gives exactly what the
 * `yaml` package gives for such text (YAML 1.2 core schema), and `null` for
 * anything else, which the caller then reads with the `yaml` package.
 */
export function readSimpleYaml(text: string): Record<string, unknown> | null {
  const result: Record<string, unknown> = {};
  const keys = new Set<string>();
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd);
    lineStart = lineEnd + 1;
    if (BLANK_OR_COMMENT.test(line)) continue;
    const match = KEY_LINE.exec(line);
    if (!match) return null;
    const key = match[1];
    // A key met before, or one every object has (`toString`…), is left to the full reader.
    if (keys.has(key) || key in Object.prototype || key === '__proto__') return null;
    keys.add(key);
    const value = readValue((match[2] ?? '').replace(/[ \t]+$/, ''));
    if (value === UNREADABLE) return null;
    result[key] = value;
  }
  return result;
}

const BLANK_OR_COMMENT = /^\s*(#.*)?$/;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$/;
const UNREADABLE = Symbol('unreadable');

function readValue(text: string): unknown {
  if (text === '') return null;
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) return UNREADABLE;
    const inner = text.slice(1, -1).trim();
    if (inner === '') return [];
    const items = inner.split(',').map((item) => item.trim());
    const values: unknown[] = [];
    for (const item of items) {
      if (item === '' || /^["'[\]{}]/.test(item)) return UNREADABLE;
      const value = readPlain(item, true);
      if (value === UNREADABLE) return UNREADABLE;
      values.push(value);
    }
    return values;
  }
  if (text.startsWith('"')) {
    // Only quotes without escapes: the rest go to the full reader.
    return /^"[^"\\]*"$/.test(text) ? text.slice(1, -1) : UNREADABLE;
  }
  if (text.startsWith("'")) {
    return /^'[^']*'$/.test(text) ? text.slice(1, -1) : UNREADABLE;
  }
  return readPlain(text, false);
}

/** A plain scalar typed by the core schema, or UNREADABLE when the text is not a simple one. */
function readPlain(text: string, inFlow: boolean): unknown {
  // Indicators that start something else, and sequences that end or comment a plain scalar.
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^-[0-9.]/.test(text)) return UNREADABLE;
  if (/: |:$| #|\t/.test(text)) return UNREADABLE;
  if (inFlow && /[[\]{}]/.test(text)) return UNREADABLE;
  // A scalar that starts with a letter is a word of the core schema or a string (no number starts so).
  if (isAsciiLetter(text.charCodeAt(0))) return KEYWORDS.has(text) ? KEYWORDS.get(text) : text;
  if (/^(~|null|Null|NULL)$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return safeNumber(Number.parseInt(text, 10), text);
  if (/^0o[0-7]+$/.test(text)) return safeNumber(Number.parseInt(text.slice(2), 8), text);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return safeNumber(Number.parseInt(text.slice(2), 16), text);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number.parseFloat(text);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text) || /^\.(nan|NaN|NAN)$/.test(text)) return UNREADABLE;
  return text;
}

/** The plain scalars of the core schema that start with a letter and are no string. */
const KEYWORDS = new Map<string, unknown>([
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

function isAsciiLetter(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
}

function safeNumber(value: number, _text: string): unknown {
  return Number.isSafeInteger(value) ? value : UNREADABLE;
}
