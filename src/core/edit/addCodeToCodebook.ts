import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { CODE_ID } from './codeRange';
import { lineStartOf, nextLineStart } from './lineBounds';
import type { TextEdit } from './textEdit';

/** A code to add to a codebook file. */
export interface NewCode {
  id: string;
  name: string;
  description?: string;
  /** Id of the parent code (default: a root). */
  parent?: string;
  /** `YYYY-MM-DD`: when given, `{ action: add, to: [ID], date }` is appended to the top-level `history:`. */
  date?: string;
}

/** The edits that add the code, or why they cannot be written. */
export type AddCodeResult = { ok: true; edits: TextEdit[] } | { ok: false; error: string };

/**
 * Adds a code to a codebook file's text as exact text edits: one line
 * `- { id: …, name: … }` after the last item of the top-level `codes:` list
 * (inside the brackets of a flow list such as `codes: []`), and a `history:`
 * entry when `date` is given. Missing lists are added at the end of the file.
 * Comments and formatting elsewhere stay as written. Refuses an invalid id, a
 * code the file already defines (at any depth) and a text with YAML errors.
 */
export function addCodeToCodebook(text: string, code: NewCode): AddCodeResult {
  if (!CODE_ID.test(code.id)) return { ok: false, error: `\`${code.id}\` is not a code id (a letter, then letters, digits, \`_\` or \`-\`)` };
  if (code.parent !== undefined && !CODE_ID.test(code.parent)) return { ok: false, error: `\`${code.parent}\` is not a code id` };
  if (code.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(code.date)) return { ok: false, error: `\`${code.date}\` is not a date: write YYYY-MM-DD` };
  const document = parseDocument(text);
  if (document.errors.length > 0) return { ok: false, error: `the codebook has YAML errors (${document.errors[0].message.split('\n')[0]}): fix them first` };
  const root = document.contents;
  if (root !== null && !isMap(root)) return { ok: false, error: 'the codebook is not a mapping' };
  if (root && definedIds(pairValue(root, 'codes')).has(code.id)) return { ok: false, error: `the codebook already has a code \`${code.id}\`` };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fields = [`id: ${code.id}`, `name: ${quote(code.name)}`];
  if (code.description !== undefined && code.description.trim() !== '') fields.push(`description: ${quote(code.description)}`);
  if (code.parent !== undefined) fields.push(`parent: ${code.parent}`);
  const edits: TextEdit[] = [];
  const appendix: string[] = [];
  const problem = appendToList(text, root, 'codes', `{ ${fields.join(', ')} }`, eol, edits, appendix)
    ?? (code.date !== undefined ? appendToList(text, root, 'history', `{ action: add, from: [], to: [${code.id}], date: ${code.date} }`, eol, edits, appendix) : undefined);
  if (problem) return { ok: false, error: problem };
  if (appendix.length > 0) {
    const needsBreak = text.length > 0 && !text.endsWith('\n');
    edits.push({ start: text.length, end: text.length, newText: (needsBreak ? eol : '') + appendix.join('') });
  }
  return { ok: true, edits };
}

/** A YAML double-quoted scalar (JSON strings are valid YAML), on one line. */
function quote(value: string): string {
  return JSON.stringify(value);
}

function pairValue(map: YAMLMap, key: string): Node | null {
  const pair = map.items.find((item: Pair) => isScalar(item.key) && item.key.value === key);
  return (pair?.value as Node | null | undefined) ?? null;
}

function definedIds(list: Node | null, into = new Set<string>()): Set<string> {
  if (!list || !isSeq(list)) return into;
  for (const item of (list as YAMLSeq).items) {
    if (!isMap(item)) continue;
    const id = pairValue(item, 'id');
    if (isScalar(id)) into.add(String(id.value));
    definedIds(pairValue(item, 'children'), into);
  }
  return into;
}

/**
 * Appends one item to a top-level list; a missing list is added to `appendix` (written at the end).
 * Returns a message when the key holds something other than a list.
 */
function appendToList(text: string, root: YAMLMap | null, key: string, item: string, eol: string, edits: TextEdit[], appendix: string[]): string | undefined {
  const value = root ? pairValue(root, key) : null;
  if (value && isSeq(value) && value.range) {
    const seq = value as YAMLSeq;
    if (seq.flow) {
      const close = text.lastIndexOf(']', value.range[1]);
      edits.push({ start: close, end: close, newText: (seq.items.length > 0 ? ', ' : '') + item });
      return undefined;
    }
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    if (last?.range) {
      const dash = text.lastIndexOf('-', last.range[0]);
      const indent = text.slice(lineStartOf(text, dash), dash);
      const at = nextLineStart(text, lastNonSpace(text, last.range[1]));
      const line = `${indent}- ${item}${eol}`;
      edits.push({ start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? eol + line : line });
      return undefined;
    }
  }
  const pair = root?.items.find((candidate: Pair) => isScalar(candidate.key) && candidate.key.value === key);
  if (pair && (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) && isScalar(pair.key) && pair.key.range) {
    const at = nextLineStart(text, pair.key.range[1]);
    const line = `  - ${item}${eol}`;
    edits.push({ start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? eol + line : line });
    return undefined;
  }
  if (pair) return `\`${key}:\` in the codebook is not a list`;
  appendix.push(`${key}:${eol}  - ${item}${eol}`);
  return undefined;
}

/** Offset of the last non-space character before `offset`. */
function lastNonSpace(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return Math.max(0, end - 1);
}
