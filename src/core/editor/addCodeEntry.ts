import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { CODE_ID_PATTERN } from '../codebook/codebookFile';
import { lineStartOf, nextLineStart } from '../edit/lineBounds';
import type { TextEdit } from '../edit/textEdit';

/** The edit that adds a code to a codebook file, or why it cannot be written. */
export type AddCodeResult = { ok: true; edit: TextEdit } | { ok: false; error: string };

/** A code to add: its id, and its name (default: the id). */
export interface NewCode {
  id: string;
  name?: string;
}

/**
 * Adds a code entry `{ id, name }` at the end of the top-level `codes:` list of a codebook's
 * YAML `text`, as one exact insertion found from the positions the `yaml` parser gives (the rest
 * of the file, its comments and its formatting stay as written): a block list gets a `- id: …`
 * item indented like its last item, a flow list `[…]` a `{ id: …, name: … }` item, an empty
 * `codes:` key its first item, and a file without `codes:` (or an empty file) the key at its end.
 * Refuses (`ok: false`) a file with YAML errors, a top level that is not a mapping, `codes:` that
 * is not a list, an invalid id, and an id the file already defines at the top level.
 */
export function addCodeEntry(text: string, code: NewCode): AddCodeResult {
  if (!CODE_ID_PATTERN.test(code.id)) return { ok: false, error: `\`${code.id}\` is not a valid code id` };
  const document = parseDocument(text);
  if (document.errors.length > 0) return { ok: false, error: `the codebook has YAML errors (${document.errors[0].message.split('\n')[0]}): fix them first` };
  const root = document.contents;
  if (root !== null && !isMap(root)) return { ok: false, error: 'the codebook is not a mapping' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const name = scalar(code.name ?? code.id);
  const pair = root ? (root as YAMLMap).items.find((item: Pair) => isScalar(item.key) && item.key.value === 'codes') : undefined;
  const value = (pair?.value ?? null) as Node | null;
  if (value && isSeq(value) && value.range) {
    const list = value as YAMLSeq;
    if (list.items.some((item) => isMap(item) && scalarValue(item, 'id') === code.id)) {
      return { ok: false, error: `the codebook already defines \`${code.id}\`` };
    }
    if (list.flow) {
      const close = text.lastIndexOf(']', value.range[1]);
      return { ok: true, edit: { start: close, end: close, newText: `${list.items.length > 0 ? ', ' : ''}{ id: ${code.id}, name: ${name} }` } };
    }
    const last = list.items[list.items.length - 1] as Node | undefined;
    if (last?.range) {
      const dash = text.lastIndexOf('-', last.range[0]);
      const indent = text.slice(lineStartOf(text, dash), dash);
      const keyIndent = keyIndentOf(text, last, dash, indent);
      const at = nextLineStart(text, lastNonSpace(text, last.range[1]));
      const lines = `${indent}- id: ${code.id}${eol}${keyIndent}name: ${name}${eol}`;
      return { ok: true, edit: { start: at, end: at, newText: at === text.length && !text.endsWith('\n') && text.length > 0 ? eol + lines : lines } };
    }
  }
  if (value && !(isScalar(value) && value.value === null)) return { ok: false, error: '`codes:` is not a list' };
  const item = `  - id: ${code.id}${eol}    name: ${name}${eol}`;
  if (pair && isScalar(pair.key) && pair.key.range) {
    const at = nextLineStart(text, pair.key.range[1]);
    return { ok: true, edit: { start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? eol + item : item } };
  }
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return { ok: true, edit: { start: text.length, end: text.length, newText: `${needsBreak ? eol : ''}codes:${eol}${item}` } };
}

/** The indentation of the keys of a block-list item: where its first key starts on the dash's line. */
function keyIndentOf(text: string, item: Node, dash: number, indent: string): string {
  if (isMap(item) && item.items.length > 0) {
    const key = item.items[0].key as Node | null;
    if (key && isScalar(key) && key.range) {
      const start = lineStartOf(text, key.range[0]);
      if (start === lineStartOf(text, dash)) return ' '.repeat(key.range[0] - start);
    }
  }
  return `${indent}  `;
}

function scalarValue(map: YAMLMap, key: string): unknown {
  const pair = map.items.find((item: Pair) => isScalar(item.key) && item.key.value === key);
  return pair && isScalar(pair.value) ? pair.value.value : undefined;
}

/** Offset of the last non-space character before `offset`. */
function lastNonSpace(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return Math.max(0, end - 1);
}

/** A plain YAML scalar when safe, else a JSON (double-quoted) one. */
function scalar(value: string): string {
  return /^[A-Za-z][A-Za-z0-9_. -]*$/.test(value) && !/[ .]$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) ? value : JSON.stringify(value);
}
