import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineStartOf, nextLineStart } from './lineBounds';
import type { TextEdit } from './textEdit';

/** What a code inherited from a preset or another codebook looks like, for a rename or merge of it. */
export interface InheritedCode {
  name: string;
  parent: string | null;
  hasChildren: boolean;
}

/** A workspace refactoring to record in a codebook file. */
export interface CodebookChange {
  action: 'rename' | 'merge' | 'split';
  /** Old ids (rename: one; merge: those merged; split: the code split). */
  from: string[];
  /** New ids (rename and merge: one; split: the old code and the new one). */
  to: string[];
  /** `YYYY-MM-DD`. */
  date: string;
  step?: string;
  note?: string;
  /** Codes the merged codebook has that this file does not define (from presets or other files). */
  inherited?: ReadonlyMap<string, InheritedCode>;
  /** Name of a code this change creates (split to a new code, rename of an inherited code). */
  newName?: string;
}

/** The edits of a codebook file, with notes for the user, or why the change cannot be written. */
export type CodebookEditResult = { ok: true; edits: TextEdit[]; notes: string[] } | { ok: false; error: string };

const PLAIN = /^[A-Za-z0-9_.-]+$/;

/**
 * Records a rename, merge or split in a codebook file as exact text edits,
 * found from the positions the `yaml` parser gives (comments, order and
 * formatting elsewhere stay as written):
 * - an entry `{ action, from, to, date, step }` is appended to the top-level
 *   `history:` list (which is added when missing);
 * - rename: the renamed code's `id:` and every `parent:` naming it are
 *   rewritten; a renamed inherited code is added to `drop:` and defined again
 *   under its new id with its name and parent;
 * - merge: the codes merged away are removed (their entries, or through
 *   `drop:` when inherited) and `parent:` values naming them point to the
 *   target; a code with nested `children:` or an inherited one with children
 *   is refused (move its children first);
 * - split: the new code is added (as a child of the split code's parent)
 *   unless it exists.
 */
export function editCodebookText(text: string, change: CodebookChange): CodebookEditResult {
  const document = parseDocument(text);
  if (document.errors.length > 0) return { ok: false, error: `the codebook has YAML errors (${document.errors[0].message.split('\n')[0]}): fix them first` };
  const root = document.contents;
  if (root !== null && !isMap(root)) return { ok: false, error: 'the codebook is not a mapping' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: TextEdit[] = [];
  const notes: string[] = [];
  const inherited = change.inherited ?? new Map<string, InheritedCode>();
  const entries = root ? codeEntries(text, pairValue(root, 'codes')) : [];
  const defined = new Map(entries.map((entry) => [entry.id, entry]));
  const target = change.to[0];
  const drops: string[] = [];
  const newCodes: { id: string; name: string; parent: string | null }[] = [];

  if (change.action === 'rename') {
    const [from] = change.from;
    if (defined.has(target) || inherited.has(target)) return { ok: false, error: `the codebook already has a code \`${target}\`: use merge` };
    const entry = defined.get(from);
    if (entry) edits.push({ start: entry.idRange[0], end: entry.idRange[1], newText: target });
    else if (inherited.has(from)) {
      const code = inherited.get(from) as InheritedCode;
      if (code.hasChildren) return { ok: false, error: `\`${from}\` is inherited and has children: rename it in the codebook it comes from` };
      drops.push(from);
      newCodes.push({ id: target, name: change.newName ?? code.name, parent: code.parent });
      notes.push(`\`${from}\` is inherited: it is dropped and defined again as \`${target}\``);
    } else notes.push(`\`${from}\` is not in the codebook`);
    for (const other of entries) if (other.parent === from && other.parentRange) edits.push({ start: other.parentRange[0], end: other.parentRange[1], newText: target });
  } else if (change.action === 'merge') {
    const away = change.from.filter((id) => id !== target);
    if (!defined.has(target) && !inherited.has(target)) notes.push(`\`${target}\` is not in the codebook yet: add it`);
    for (const id of away) {
      const entry = defined.get(id);
      if (entry) {
        if (entry.nestedChildren) return { ok: false, error: `\`${id}\` has nested children: move them out before merging it` };
        if (entry.itemStart < 0) return { ok: false, error: `\`${id}\` is written in a flow list: write its list as lines first` };
        edits.push({ start: entry.itemStart, end: entry.itemEnd, newText: '' });
      } else if (inherited.has(id)) {
        if ((inherited.get(id) as InheritedCode).hasChildren) return { ok: false, error: `\`${id}\` is inherited and has children: merge them first` };
        drops.push(id);
      } else notes.push(`\`${id}\` is not in the codebook`);
      for (const other of entries) if (other.parent === id && other.parentRange) edits.push({ start: other.parentRange[0], end: other.parentRange[1], newText: target });
    }
  } else {
    const [from] = change.from;
    const added = change.to.filter((id) => id !== from);
    for (const id of added) {
      if (defined.has(id) || inherited.has(id)) continue;
      const parent = defined.get(from)?.parent ?? inherited.get(from)?.parent ?? null;
      newCodes.push({ id, name: change.newName ?? id, parent });
    }
  }

  const history = `{ ${[
    `action: ${change.action}`,
    `from: [${change.from.join(', ')}]`,
    `to: [${change.to.join(', ')}]`,
    ...(change.step !== undefined ? [`step: ${scalar(change.step)}`] : []),
    `date: ${change.date}`,
    ...(change.note !== undefined ? [`note: ${scalar(change.note)}`] : []),
  ].join(', ')} }`;
  const appendix: string[] = [];
  if (drops.length > 0) appendToList(text, root, 'drop', drops, eol, edits, appendix);
  if (newCodes.length > 0) {
    const items = newCodes.map((code) => `{ id: ${code.id}, name: ${scalar(code.name)}${code.parent ? `, parent: ${code.parent}` : ''} }`);
    appendToList(text, root, 'codes', items, eol, edits, appendix);
  }
  appendToList(text, root, 'history', [history], eol, edits, appendix);
  if (appendix.length > 0) {
    const needsBreak = text.length > 0 && !text.endsWith('\n');
    edits.push({ start: text.length, end: text.length, newText: (needsBreak ? eol : '') + appendix.join('') });
  }
  return { ok: true, edits, notes };
}

interface EntryPlace {
  id: string;
  idRange: [number, number];
  parent: string | null;
  parentRange: [number, number] | null;
  nestedChildren: boolean;
  itemStart: number;
  itemEnd: number;
}

function pairValue(map: YAMLMap, key: string): Node | null {
  const pair = map.items.find((item: Pair) => isScalar(item.key) && item.key.value === key);
  return (pair?.value as Node | null | undefined) ?? null;
}

/** The code entries of a `codes:` list and of the `children:` lists in it (a nested child's parent is the code it sits under). */
function codeEntries(text: string, list: Node | null, enclosing: string | null = null): EntryPlace[] {
  const places: EntryPlace[] = [];
  if (!list || !isSeq(list)) return places;
  const seq = list as YAMLSeq;
  for (const item of seq.items) {
    if (!isMap(item) || !item.range) continue;
    const id = pairValue(item, 'id');
    const parent = pairValue(item, 'parent');
    const children = pairValue(item, 'children');
    if (isScalar(id) && id.range) {
      places.push({
        id: String(id.value),
        idRange: [id.range[0], id.range[1]],
        parent: isScalar(parent) ? String(parent.value) : enclosing,
        parentRange: isScalar(parent) && parent.range ? [parent.range[0], parent.range[1]] : null,
        nestedChildren: isSeq(children) && children.items.length > 0,
        itemStart: seq.flow ? -1 : lineStartOf(text, text.lastIndexOf('-', item.range[0])),
        itemEnd: nextLineStart(text, lastNonSpace(text, item.range[1])),
      });
    }
    if (children) places.push(...codeEntries(text, children, isScalar(id) ? String(id.value) : null));
  }
  return places;
}

/** Appends items to a top-level list, or (when missing) adds the key at the end of the file. */
function appendToList(text: string, root: YAMLMap | null, key: string, items: string[], eol: string, edits: TextEdit[], appendix: string[]): void {
  const value = root ? pairValue(root, key) : null;
  if (value && isSeq(value) && value.range) {
    const seq = value as YAMLSeq;
    if (seq.flow) {
      const close = text.lastIndexOf(']', value.range[1]);
      edits.push({ start: close, end: close, newText: (seq.items.length > 0 ? ', ' : '') + items.join(', ') });
      return;
    }
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    if (last?.range) {
      const dash = text.lastIndexOf('-', last.range[0]);
      const indent = text.slice(lineStartOf(text, dash), dash);
      const at = nextLineStart(text, lastNonSpace(text, last.range[1]));
      const lines = items.map((item) => `${indent}- ${item}${eol}`).join('');
      edits.push({ start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? eol + lines : lines });
      return;
    }
  }
  const pair = root?.items.find((item: Pair) => isScalar(item.key) && item.key.value === key);
  if (pair && (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) && isScalar(pair.key) && pair.key.range) {
    const at = nextLineStart(text, pair.key.range[1]);
    const lines = items.map((item) => `  - ${item}${eol}`).join('');
    edits.push({ start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? eol + lines : lines });
    return;
  }
  appendix.push(`${key}:${eol}${items.map((item) => `  - ${item}${eol}`).join('')}`);
}

/** Offset just past the last non-space character before `offset`. */
function lastNonSpace(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return Math.max(0, end - 1);
}

function scalar(value: string): string {
  return PLAIN.test(value) && !/^[0-9.]+$/.test(value) ? value : JSON.stringify(value);
}
