import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SeenCode } from '../codebook/codesSeenFrom';
import type { Code, HistoryEntry } from '../model/codebook';
import { lineStartOf, nextLineStart } from './lineBounds';
import type { TextEdit } from './textEdit';

/** New values of a code's fields (`describe`, `recolour`); an empty description is written as `""`. */
export interface CodeFields {
  name?: string;
  description?: string;
  color?: string;
}

/** A workspace refactoring, or an edit of one code, to record in a codebook file. */
export interface CodebookChange {
  action: 'rename' | 'merge' | 'split' | 'describe' | 'recolour' | 'drop';
  /** Old ids (rename: one; merge: those merged; split: the code split; drop: the code deleted; describe, recolour: none). */
  from: string[];
  /** New ids (rename and merge: one; split: the old code and the new one; describe, recolour: the code edited; drop: none). */
  to: string[];
  /** `describe`, `recolour`: the fields to write. */
  fields?: CodeFields;
  /** `YYYY-MM-DD`. */
  date: string;
  step?: string;
  note?: string;
  /**
   * Every code of the merged codebook as this file sees it (`codesSeenFrom`):
   * what the file inherits from presets or other files, with every field.
   * Default: none, so only the file's own text is known.
   */
  codes?: ReadonlyMap<string, SeenCode>;
  /** Name of a code a split creates (default: the split code's name, else the new id). */
  newName?: string;
}

/** The edits of a codebook file, with notes for the user, or why the change cannot be written. */
export type CodebookEditResult = { ok: true; edits: TextEdit[]; notes: string[] } | { ok: false; error: string };

/** A key and its value as YAML text, in the order written. */
type Field = [key: string, value: string];

const PLAIN = /^[A-Za-z0-9_.-]+$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** The fields of a code entry the format knows (anything else is an unknown key, kept in `extra`). */
const KNOWN_KEYS = new Set(['id', 'name', 'description', 'color', 'parent', 'children', 'group', 'level', 'aliases', 'example', 'history']);

/**
 * Records a rename, merge or split in a codebook file as exact text edits,
 * found from the positions the `yaml` parser gives (comments, order and
 * formatting elsewhere stay as written; the file is never re-serialised):
 * - an entry `{ action, from, to, date, step }` is appended to the top-level
 *   `history:` list (which is added when missing);
 * - rename: the renamed code's `id:` and every `parent:` naming it are
 *   rewritten. A code inherited from a preset or another file (`codes`) is
 *   added to `drop:` and defined again under its new id with every field it
 *   had (name, description, colour, group, level, aliases, example, unknown
 *   keys, its own history, parent); when the file overrides it, the override
 *   entry is renamed and given the fields it did not write. Its inherited
 *   children are moved under the new id by `{ id, parent }` entries;
 * - merge: the codes merged away are removed (their entries, and through
 *   `drop:` when inherited), their children move to the target, and a target
 *   that does not exist yet is defined with every field of the first code
 *   merged. A code with nested `children:` in this file is refused (move its
 *   children first);
 * - split: the new code is added beside the split code (same parent) with
 *   its description, colour, group, level, example and unknown keys, named
 *   `newName`, unless it exists. Aliases are not copied (they would clash);
 * - describe, recolour: the `fields` (name, description, colour) of the
 *   code `to[0]` are replaced where written, added to its entry where not;
 *   a code inherited and not overridden gets an override entry with them.
 *   A colour must be `#rgb` or `#rrggbb`, a name not empty;
 * - drop (delete a code): the code's entry is removed, and an inherited code
 *   is added to `drop:`. A code with sub-codes is refused (delete or move
 *   them first). Whether transcripts still use it is the caller's check.
 */
export function editCodebookText(text: string, change: CodebookChange): CodebookEditResult {
  const document = parseDocument(text);
  if (document.errors.length > 0) return { ok: false, error: `the codebook has YAML errors (${document.errors[0].message.split('\n')[0]}): fix them first` };
  const root = document.contents;
  if (root !== null && !isMap(root)) return { ok: false, error: 'the codebook is not a mapping' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: TextEdit[] = [];
  const notes: string[] = [];
  const seen: ReadonlyMap<string, SeenCode> = change.codes ?? new Map<string, SeenCode>();
  const entries = root ? codeEntries(text, pairValue(root, 'codes')) : [];
  const defined = new Map(entries.map((entry) => [entry.id, entry]));
  const exists = (id: string): boolean => defined.has(id) || seen.has(id);
  const inheritedCode = (id: string): SeenCode | undefined => {
    const code = seen.get(id);
    return code && code.place !== 'own' ? code : undefined;
  };
  const target = change.to[0];
  const drops: string[] = [];
  const newEntries: Field[][] = [];
  const groupOf = (id: string | null): string | null => (id === null ? null : (seen.get(id)?.code.group ?? null));

  /** Moves the children of `from` under `to`: `parent:` values are rewritten, inherited children get a `{ id, parent }` entry. */
  const moveChildren = (from: string, to: string, toGroup: string | null): void => {
    for (const other of entries) if (other.parent === from && other.parentRange) edits.push({ start: other.parentRange[0], end: other.parentRange[1], newText: to });
    for (const child of seen.get(from)?.code.children ?? []) {
      const code = seen.get(child);
      const entry = defined.get(child);
      if (!code || entry?.parentRange || entry?.nestedIn === from) continue;
      const fields: Field[] = [['parent', to]];
      if (code.code.group !== null && code.code.group !== toGroup) fields.push(['group', scalar(code.code.group)]);
      if (!entry) {
        if (code.place === 'inherited') newEntries.push([['id', child], ...fields]);
      } else insertFields(text, entry, fields, eol, edits);
    }
  };

  if (change.action === 'rename') {
    const [from] = change.from;
    if (exists(target)) return { ok: false, error: `the codebook already has a code \`${target}\`: use merge` };
    const entry = defined.get(from);
    const inherited = inheritedCode(from);
    if (inherited) {
      drops.push(from);
      const fields = fieldsOf(inherited.code, from, groupOf(inherited.code.parent), 'all');
      if (entry) {
        edits.push({ start: entry.idRange[0], end: entry.idRange[1], newText: target });
        const own = ownHistoryCount(entry);
        const inheritedHistory = inherited.code.history.slice(0, inherited.code.history.length - own);
        insertFields(text, entry, fields.filter(([key]) => key !== 'history' && !entry.keys.has(key)), eol, edits);
        const history = inheritedHistory.map((item) => historyText(item, from));
        if (history.length > 0 && entry.keys.has('history')) {
          if (!appendToSeq(text, entry.history, history, eol, edits)) return { ok: false, error: `\`${from}\` has a \`history:\` that is not a list: fix it first` };
        } else if (history.length > 0) insertFields(text, entry, [['history', `[${history.join(', ')}]`]], eol, edits);
        notes.push(`\`${from}\` is inherited: it is dropped, and its override in this file now defines \`${target}\` with all its fields`);
      } else {
        newEntries.push([['id', target], ...fields]);
        notes.push(`\`${from}\` is inherited: it is dropped and defined again as \`${target}\` with all its fields`);
      }
      moveChildren(from, target, inherited.code.group);
    } else if (entry) {
      edits.push({ start: entry.idRange[0], end: entry.idRange[1], newText: target });
      moveChildren(from, target, seen.get(from)?.code.group ?? null);
    } else notes.push(`\`${from}\` is not in the codebook`);
  } else if (change.action === 'merge') {
    const away = change.from.filter((id) => id !== target);
    let targetGroup = groupOf(target);
    if (!exists(target)) {
      const first = away.find((id) => seen.has(id));
      if (first !== undefined) {
        const code = seen.get(first)!.code;
        newEntries.push([['id', target], ...fieldsOf(code, first, groupOf(code.parent), 'all')]);
        targetGroup = code.group;
        notes.push(`\`${target}\` is new: it is defined with the fields of \`${first}\` (name, description, colour…); edit them to describe the merged code`);
      } else notes.push(`\`${target}\` is not in the codebook yet: add it`);
    }
    for (const id of away) {
      const entry = defined.get(id);
      if (entry) {
        if (entry.nestedChildren) return { ok: false, error: `\`${id}\` has nested children: move them out before merging it` };
        if (entry.itemStart < 0) return { ok: false, error: `\`${id}\` is written in a flow list: write its list as lines first` };
        edits.push({ start: entry.itemStart, end: entry.itemEnd, newText: '' });
      }
      if (inheritedCode(id)) drops.push(id);
      if (!entry && !seen.has(id)) notes.push(`\`${id}\` is not in the codebook`);
      moveChildren(id, target, targetGroup);
    }
  } else if (change.action === 'describe' || change.action === 'recolour') {
    const problem = editFields(text, target, change.fields ?? {}, defined.get(target), inheritedCode(target) !== undefined, eol, edits, newEntries);
    if (problem) return { ok: false, error: problem };
  } else if (change.action === 'drop') {
    const [id] = change.from;
    const entry = defined.get(id);
    if (!entry && !seen.has(id)) return { ok: false, error: `\`${id}\` is not in the codebook` };
    const children = new Set([...(seen.get(id)?.code.children ?? []), ...entries.filter((other) => other.parent === id).map((other) => other.id)]);
    if (children.size > 0 || entry?.nestedChildren) return { ok: false, error: `\`${id}\` has sub-codes (${[...children].join(', ')}): delete or move them first` };
    if (entry) {
      if (entry.itemStart < 0) return { ok: false, error: `\`${id}\` is written in a flow list: write its list as lines first` };
      edits.push({ start: entry.itemStart, end: entry.itemEnd, newText: '' });
    }
    if (inheritedCode(id)) drops.push(id);
  } else {
    const [from] = change.from;
    const added = change.to.filter((id) => id !== from);
    for (const id of added) {
      if (exists(id)) continue;
      const code = seen.get(from)?.code;
      if (code) {
        newEntries.push([['id', id], ['name', scalar(change.newName ?? code.name)], ...fieldsOf(code, from, groupOf(code.parent), 'split')]);
      } else {
        const parent = defined.get(from)?.parent ?? null;
        newEntries.push([['id', id], ['name', scalar(change.newName ?? id)], ...(parent ? [['parent', parent] as Field] : [])]);
      }
    }
  }

  const codesPair = root?.items.find((item: Pair) => isScalar(item.key) && item.key.value === 'codes');
  const codesList = codesPair?.value;
  if (newEntries.length === 0 && codesList && isSeq(codesList) && !codesList.flow && codesList.items.length > 0 && isScalar(codesPair.key) && codesPair.key.range) {
    // A block list whose every entry is removed would leave `codes:` empty, which is not a list.
    const removed = entries.filter((entry) => entry.nestedIn === null && edits.some((edit) => edit.start === entry.itemStart && edit.end === entry.itemEnd && edit.newText === ''));
    if (removed.length === codesList.items.length) {
      const colon = text.indexOf(':', codesPair.key.range[1]) + 1;
      edits.push({ start: colon, end: colon, newText: ' []' });
    }
  }
  const history = historyText({ action: change.action, from: change.from, to: change.to, step: change.step ?? null, date: change.date, note: change.note ?? fieldsNote(change.fields) }, null);
  const appendix: string[] = [];
  if (drops.length > 0) appendToList(text, root, 'drop', drops, eol, edits, appendix);
  if (newEntries.length > 0) appendToList(text, root, 'codes', newEntries, eol, edits, appendix);
  appendToList(text, root, 'history', [history], eol, edits, appendix);
  if (appendix.length > 0) {
    const needsBreak = text.length > 0 && !text.endsWith('\n');
    edits.push({ start: text.length, end: text.length, newText: (needsBreak ? eol : '') + appendix.join('') });
  }
  return { ok: true, edits, notes };
}

/**
 * The fields of a code to write in a new entry, as YAML text: `all` (for a
 * rename or a merge target) writes name, parent, description, colour, group
 * (unless the parent gives the same), level, aliases, example, unknown keys
 * and the code's history (an entry without `to` gets `to: [oldId]`, the id
 * it was about); `split` leaves out name, aliases and history.
 */
function fieldsOf(code: Code, oldId: string, parentGroup: string | null, mode: 'all' | 'split'): Field[] {
  const fields: Field[] = [];
  if (mode === 'all') fields.push(['name', scalar(code.name)]);
  if (code.parent !== null) fields.push(['parent', code.parent]);
  if (code.description !== null) fields.push(['description', scalar(code.description)]);
  if (code.color !== null) fields.push(['color', JSON.stringify(code.color)]);
  if (code.group !== null && code.group !== parentGroup) fields.push(['group', scalar(code.group)]);
  if (code.level !== null) fields.push(['level', scalar(code.level)]);
  if (mode === 'all' && code.aliases.length > 0) fields.push(['aliases', `[${code.aliases.map(scalar).join(', ')}]`]);
  if (code.example !== null) fields.push(['example', scalar(code.example)]);
  for (const [key, value] of Object.entries(code.extra)) {
    if (value !== undefined && !KNOWN_KEYS.has(key)) fields.push([PLAIN_KEY.test(key) ? key : JSON.stringify(key), JSON.stringify(value) ?? 'null']);
  }
  if (mode === 'all' && code.history.length > 0) fields.push(['history', `[${code.history.map((entry) => historyText(entry, oldId)).join(', ')}]`]);
  return fields;
}

/** A history entry as one YAML flow mapping; an entry without `to` gets `to: [about]` when `about` is given. */
function historyText(entry: Pick<HistoryEntry, 'action' | 'from' | 'to' | 'step' | 'date' | 'note'>, about: string | null): string {
  const to = entry.to.length > 0 || about === null ? entry.to : [about];
  return `{ ${[
    `action: ${scalar(entry.action)}`,
    `from: [${entry.from.join(', ')}]`,
    `to: [${to.join(', ')}]`,
    ...(entry.step !== null ? [`step: ${scalar(entry.step)}`] : []),
    ...(entry.date !== null ? [`date: ${entry.date}`] : []),
    ...(entry.note !== null ? [`note: ${scalar(entry.note)}`] : []),
  ].join(', ')} }`;
}

interface EntryPlace {
  id: string;
  idRange: [number, number];
  /** Offset where the `id` key starts (its column is the indentation of the entry's keys). */
  idKeyStart: number;
  parent: string | null;
  parentRange: [number, number] | null;
  /** The code this entry is nested in through `children:`, if any. */
  nestedIn: string | null;
  nestedChildren: boolean;
  itemStart: number;
  itemEnd: number;
  /** Whether the entry is a flow mapping `{ … }`. */
  flow: boolean;
  /** End of the mapping's last value (where a flow mapping takes more pairs). */
  keys: Set<string>;
  /** Ranges of the scalar values of the entry's keys (`name`, `description`, `color`…), trailing space left out. */
  values: Map<string, [number, number]>;
  history: Node | null;
}

function pairValue(map: YAMLMap, key: string): Node | null {
  const pair = map.items.find((item: Pair) => isScalar(item.key) && item.key.value === key);
  return (pair?.value as Node | null | undefined) ?? null;
}

/** The code entries of a `codes:` list and of the `children:` lists in it (a nested child's parent is the code it sits under). */
function codeEntries(text: string, list: Node | null): EntryPlace[] {
  const places: EntryPlace[] = [];
  // Iterative, so that deeply nested `children:` lists cannot exhaust the call stack.
  const pending: { list: Node | null; enclosing: string | null }[] = [{ list, enclosing: null }];
  while (pending.length > 0) {
    const { list: current, enclosing } = pending.pop()!;
    if (!current || !isSeq(current)) continue;
    const seq = current as YAMLSeq;
    const nested: { list: Node | null; enclosing: string | null }[] = [];
    for (const item of seq.items) {
      if (!isMap(item) || !item.range) continue;
      const idPair = item.items.find((pair: Pair) => isScalar(pair.key) && pair.key.value === 'id');
      const id = (idPair?.value as Node | null | undefined) ?? null;
      const parent = pairValue(item, 'parent');
      const children = pairValue(item, 'children');
      if (isScalar(id) && id.range && idPair && isScalar(idPair.key) && idPair.key.range) {
        places.push({
          id: String(id.value),
          idRange: [id.range[0], id.range[1]],
          idKeyStart: idPair.key.range[0],
          parent: isScalar(parent) ? String(parent.value) : enclosing,
          parentRange: isScalar(parent) && parent.range ? [parent.range[0], parent.range[1]] : null,
          nestedIn: enclosing,
          nestedChildren: isSeq(children) && children.items.length > 0,
          itemStart: seq.flow ? -1 : lineStartOf(text, text.lastIndexOf('-', item.range[0])),
          itemEnd: nextLineStart(text, lastNonSpace(text, item.range[1])),
          flow: item.flow === true,
          keys: new Set(item.items.filter((pair: Pair) => isScalar(pair.key)).map((pair: Pair) => String((pair.key as { value: unknown }).value))),
          values: scalarValues(text, item),
          history: pairValue(item, 'history'),
        });
      }
      if (children) nested.push({ list: children, enclosing: isScalar(id) ? String(id.value) : null });
    }
    pending.push(...nested.reverse());
  }
  return places;
}

/** The ranges of a mapping's scalar values by key, each ending at its last non-space character. */
function scalarValues(text: string, map: YAMLMap): Map<string, [number, number]> {
  const values = new Map<string, [number, number]>();
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.value.range) continue;
    const [start, end] = pair.value.range;
    values.set(String(pair.key.value), [start, Math.max(start, lastNonSpace(text, end) + 1)]);
  }
  return values;
}

/**
 * Writes the fields of a code (describe, recolour): a value written in the entry is replaced, a
 * missing one added after its `id`; a code inherited without an entry gets an override entry.
 * Returns why it cannot, or undefined.
 */
function editFields(text: string, id: string, fields: CodeFields, entry: EntryPlace | undefined, inherited: boolean, eol: string, edits: TextEdit[], newEntries: Field[][]): string | undefined {
  const written: Field[] = [];
  if (fields.name !== undefined) {
    if (fields.name.trim() === '') return 'a code needs a name';
    written.push(['name', scalar(fields.name.trim())]);
  }
  if (fields.description !== undefined) written.push(['description', scalar(fields.description.trim())]);
  if (fields.color !== undefined) {
    if (!/^#(?:[0-9a-fA-F]{3}){1,2}$/.test(fields.color.trim())) return `\`${fields.color}\` is not a colour: write #rrggbb`;
    written.push(['color', JSON.stringify(fields.color.trim())]);
  }
  if (written.length === 0) return 'nothing to change';
  if (!entry) {
    if (!inherited) return `\`${id}\` is not in the codebook`;
    newEntries.push([['id', id], ...written]);
    return undefined;
  }
  const missing: Field[] = [];
  for (const [key, value] of written) {
    const range = entry.values.get(key);
    if (range) edits.push({ start: range[0], end: range[1], newText: value });
    else if (entry.keys.has(key)) return `\`${id}\` has a \`${key}:\` that is not a text: fix it first`;
    else missing.push([key, value]);
  }
  insertFields(text, entry, missing, eol, edits);
  return undefined;
}

/** The note of a describe or recolour history entry: which fields changed, with their new values. */
function fieldsNote(fields: CodeFields | undefined): string | null {
  if (!fields) return null;
  const parts: string[] = [];
  if (fields.name !== undefined) parts.push(`name: ${fields.name.trim()}`);
  if (fields.description !== undefined) parts.push(fields.description.trim() === '' ? 'description cleared' : 'description changed');
  if (fields.color !== undefined) parts.push(`color: ${fields.color.trim()}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

/** How many history entries the entry writes itself. */
function ownHistoryCount(entry: EntryPlace): number {
  return entry.history && isSeq(entry.history) ? (entry.history as YAMLSeq).items.length : 0;
}

/** Adds fields to an existing entry: after its `id` line (a block mapping), or after its `id` value (a flow mapping). */
function insertFields(text: string, entry: EntryPlace, fields: Field[], eol: string, edits: TextEdit[]): void {
  if (fields.length === 0) return;
  if (entry.flow) {
    edits.push({ start: entry.idRange[1], end: entry.idRange[1], newText: fields.map(([key, value]) => `, ${key}: ${value}`).join('') });
    return;
  }
  const indent = ' '.repeat(entry.idKeyStart - lineStartOf(text, entry.idKeyStart));
  const at = nextLineStart(text, entry.idRange[1]);
  const lines = fields.map(([key, value]) => `${indent}${key}: ${value}${eol}`).join('');
  edits.push({ start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? eol + lines : lines });
}

/** Appends items to a YAML list node; false when the node is not a list. */
function appendToSeq(text: string, node: Node | null, items: string[], eol: string, edits: TextEdit[]): boolean {
  if (!node || !isSeq(node) || !node.range) return false;
  const seq = node as YAMLSeq;
  if (seq.flow) {
    const close = text.lastIndexOf(']', node.range[1]);
    edits.push({ start: close, end: close, newText: (seq.items.length > 0 ? ', ' : '') + items.join(', ') });
    return true;
  }
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (!last?.range) return false;
  const dash = text.lastIndexOf('-', last.range[0]);
  const indent = text.slice(lineStartOf(text, dash), dash);
  const at = nextLineStart(text, lastNonSpace(text, last.range[1]));
  const lines = items.map((item) => `${indent}- ${item}${eol}`).join('');
  edits.push({ start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? eol + lines : lines });
  return true;
}

/** An item as written in a list: text as is, a code entry as a flow mapping or (when long) a block mapping. */
function itemText(item: string | Field[], indent: string, flowOnly: boolean, eol: string): string {
  if (typeof item === 'string') return item;
  const flow = `{ ${item.map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
  if (flowOnly || (item.length <= 3 && flow.length <= 80)) return flow;
  return item.map(([key, value], index) => `${index === 0 ? '' : `${indent}  `}${key}: ${value}`).join(eol);
}

/** Appends items to a top-level list, or (when missing) adds the key at the end of the file. */
function appendToList(text: string, root: YAMLMap | null, key: string, items: (string | Field[])[], eol: string, edits: TextEdit[], appendix: string[]): void {
  const value = root ? pairValue(root, key) : null;
  if (value && isSeq(value) && value.range) {
    const seq = value as YAMLSeq;
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    const indent = last?.range ? text.slice(lineStartOf(text, text.lastIndexOf('-', last.range[0])), text.lastIndexOf('-', last.range[0])) : '  ';
    if (appendToSeq(text, value, items.map((item) => itemText(item, indent, seq.flow === true, eol)), eol, edits)) return;
  }
  const lines = items.map((item) => `  - ${itemText(item, '  ', false, eol)}${eol}`).join('');
  const pair = root?.items.find((item: Pair) => isScalar(item.key) && item.key.value === key);
  if (pair && (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) && isScalar(pair.key) && pair.key.range) {
    const at = nextLineStart(text, pair.key.range[1]);
    edits.push({ start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? eol + lines : lines });
    return;
  }
  appendix.push(`${key}:${eol}${lines}`);
}

/** Offset just past the last non-space character before `offset`. */
function lastNonSpace(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return Math.max(0, end - 1);
}

/** A YAML scalar: plain when that reads back as the same text, else double-quoted (JSON strings are valid YAML) on one line. */
function scalar(value: string): string {
  return PLAIN.test(value) && !/^[0-9.]+$/.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}
