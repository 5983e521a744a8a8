import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLSeq } from 'yaml';
import { applyTextEdits, type TextEdit } from '../edit/textEdit';

/** The merged codebook text, or why this merge does not apply (the caller merges the text as lines). */
export type MergeCodebookResult = { ok: true; text: string } | { ok: false; reason: string };

interface Entry {
  key: string;
  /** The parsed entry (a code's mapping), for merging a code field by field. */
  node: unknown;
  /** UTF-16 offsets of the whole lines the entry takes (comments after it included). */
  start: number;
  end: number;
  text: string;
  /** The entry without the comments before it: what is compared. */
  body: string;
}

interface Layout {
  text: string;
  document: Document;
  /** Top-level keys other than `codes` and `history`, as written. */
  others: Map<string, string>;
  codes?: { entries: Entry[]; indent: number; end: number };
  history?: { entries: Entry[]; indent: number; end: number };
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** The start of the line after the one `offset` ends (itself when it already starts a line). */
function afterLine(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The entries of a block sequence, keyed by `keyOf`; undefined for a flow sequence or an entry without a key. */
function entriesOf(text: string, seq: YAMLSeq, keyOf: (item: unknown, index: number) => string | undefined): { entries: Entry[]; indent: number; end: number } | undefined {
  if (seq.flow || !seq.range) return undefined;
  const entries: Entry[] = [];
  const items = seq.items as { range?: [number, number, number] }[];
  for (const [index, item] of items.entries()) {
    const key = keyOf(item, index);
    if (key === undefined || !item.range) return undefined;
    // Comments and blank lines before an entry belong to it; the first entry's stay with the list's key.
    const start = index === 0 ? lineStart(text, item.range[0]) : entries[index - 1].end;
    const end = afterLine(text, item.range[1]);
    entries.push({ key, node: item, start, end, text: text.slice(start, end), body: text.slice(lineStart(text, item.range[0]), end) });
  }
  const first = entries[0];
  const indent = first ? text.slice(lineStart(text, (items[0].range as number[])[0])).search(/\S/) : 0;
  return { entries, indent, end: entries.length > 0 ? entries[entries.length - 1].end : seq.range[2] };
}

function layoutOf(text: string): Layout | string {
  const document = parseDocument(text, { keepSourceTokens: false });
  if (document.errors.length > 0) return 'the codebook does not parse';
  const contents = document.contents;
  if (!isMap(contents)) return 'the codebook is not a mapping';
  const layout: Layout = { text, document, others: new Map() };
  const pairs = contents.items;
  for (const [index, pair] of pairs.entries()) {
    if (!isScalar(pair.key) || !pair.key.range) return 'a top-level key is not plain';
    const key = String(pair.key.value);
    const start = lineStart(text, pair.key.range[0]);
    const nextKey = pairs[index + 1]?.key;
    const end = nextKey && isScalar(nextKey) && nextKey.range ? lineStart(text, nextKey.range[0]) : text.length;
    if ((key === 'codes' || key === 'history') && isSeq(pair.value)) {
      const entries = entriesOf(text, pair.value, key === 'codes' ? (item) => (isMap(item) ? String(item.get('id') ?? '') || undefined : undefined) : (item) => JSON.stringify((item as { toJSON(): unknown }).toJSON()));
      if (!entries) return `\`${key}\` is not a block list of entries`;
      layout[key] = entries;
    } else layout.others.set(key, text.slice(start, end));
  }
  return layout;
}

/**
 * Three-way merge of a codebook file: codes are merged by id (a code added,
 * changed or removed on one side is added, replaced or removed in our text;
 * one added on both sides with the same text is kept once; a code both
 * changed is merged field by field, its own `history` getting the entries
 * each side appended), the codebook `history` gets the entries each side
 * appended, ours first, then theirs (without repeating one both appended). Our text is changed only by exact
 * edits of whole entries, so comments and formatting elsewhere stay.
 *
 * Not ok, with the reason, when a file does not parse, `codes` or `history`
 * is not a block list, the lists are indented differently, one field of a
 * code was changed differently on both sides (other than by appending to the
 * code's history), a code was changed on one side and removed on the other,
 * a side rewrote the history instead of appending, or another top-level key
 * (`extends`, `drop`, `source`…) was changed on their side and differs from ours.
 */
export function mergeCodebookText(base: string, ours: string, theirs: string): MergeCodebookResult {
  const layouts = [base, ours, theirs].map(layoutOf);
  const problem = layouts.find((layout): layout is string => typeof layout === 'string');
  if (problem !== undefined) return { ok: false, reason: problem };
  const [b, o, t] = layouts as Layout[];
  for (const key of new Set([...b.others.keys(), ...o.others.keys(), ...t.others.keys()])) {
    const [was, mine, other] = [b, o, t].map((layout) => layout.others.get(key));
    if (other !== was && other !== mine) return { ok: false, reason: `both sides changed \`${key}\`` };
  }
  const edits: TextEdit[] = [];

  // Codes by id.
  const codes = (layout: Layout) => new Map((layout.codes?.entries ?? []).map((entry) => [entry.key, entry]));
  const [baseCodes, ourCodes, theirCodes] = [b, o, t].map(codes);
  if (o.codes && t.codes && o.codes.entries.length > 0 && t.codes.entries.length > 0 && o.codes.indent !== t.codes.indent) {
    return { ok: false, reason: 'the code lists are indented differently' };
  }
  const appended: string[] = [];
  for (const [id, entry] of theirCodes) {
    const was = baseCodes.get(id)?.body;
    const mine = ourCodes.get(id);
    if (entry.body === was || entry.body === mine?.body) continue;
    if (mine === undefined && was === undefined) appended.push(entry.text);
    else if (mine !== undefined && mine.body === was) edits.push({ start: mine.start, end: mine.end, newText: mine.text.endsWith('\n') && !entry.text.endsWith('\n') ? entry.text + '\n' : entry.text });
    else {
      const base = baseCodes.get(id);
      const merged = mine && base ? mergeCodeFields(b.text, base, o.text, mine, t.text, entry) : undefined;
      if (typeof merged !== 'object') return { ok: false, reason: merged ?? `both sides changed code ${id}` };
      edits.push(...merged);
    }
  }
  for (const [id, entry] of baseCodes) {
    if (theirCodes.has(id)) continue;
    const mine = ourCodes.get(id);
    if (mine === undefined) continue;
    if (mine.body !== entry.body) return { ok: false, reason: `code ${id} was removed on one side and changed on the other` };
    edits.push({ start: mine.start, end: mine.end, newText: '' });
  }
  if (appended.length > 0) {
    if (!o.codes) return { ok: false, reason: 'our codebook has no `codes` list to add to' };
    edits.push({ start: o.codes.end, end: o.codes.end, newText: separated(o.text, o.codes.end, appended.join('')) });
  }

  // Codebook history: both sides append.
  const baseHistory = (b.history?.entries ?? []).map((entry) => entry.key);
  const isExtension = (layout: Layout) => baseHistory.every((key, index) => layout.history?.entries[index]?.key === key);
  if (!isExtension(o) || !isExtension(t)) return { ok: false, reason: 'a side rewrote the codebook history instead of appending to it' };
  const ourKeys = new Set((o.history?.entries ?? []).map((entry) => entry.key));
  const theirNew = (t.history?.entries ?? []).slice(baseHistory.length).filter((entry) => !ourKeys.has(entry.key));
  if (theirNew.length > 0) {
    if (!o.history) return { ok: false, reason: 'our codebook has no `history` list to add to' };
    if (o.history.entries.length > 0 && t.history && o.history.indent !== t.history.indent) return { ok: false, reason: 'the history lists are indented differently' };
    edits.push({ start: o.history.end, end: o.history.end, newText: separated(o.text, o.history.end, theirNew.map((entry) => entry.text).join('')) });
  }
  const text = applyTextEdits(o.text, edits);
  if (parseDocument(text).errors.length > 0) return { ok: false, reason: 'the merged codebook would not parse' };
  return { ok: true, text };
}

/** The start of the comment and blank lines right above the line at `offset`, not before the line of `floor`. */
function withCommentsAbove(text: string, offset: number, floor: number): number {
  const limit = afterLine(text, floor);
  let start = offset;
  while (start > limit) {
    const previous = lineStart(text, start - 1);
    const line = text.slice(previous, start).trim();
    if (line !== '' && !line.startsWith('#')) break;
    start = previous;
  }
  return start;
}

/** The fields of a code entry (its keys with their values), each with the lines it takes. */
function fieldsOf(text: string, entry: Entry): Map<string, { start: number; end: number; text: string; value: unknown }> | undefined {
  if (!isMap(entry.node)) return undefined;
  const fields = new Map<string, { start: number; end: number; text: string; value: unknown }>();
  const pairs = entry.node.items;
  for (const [index, pair] of pairs.entries()) {
    if (!isScalar(pair.key) || !pair.key.range) return undefined;
    // The first key shares its line with the list's `- `: its field starts at the key. Comment lines
    // before a key belong to its field.
    const start = index === 0 ? pair.key.range[0] : withCommentsAbove(text, lineStart(text, pair.key.range[0]), (pairs[index - 1].key as { range: [number, number, number] }).range[0]);
    const next = pairs[index + 1]?.key;
    const end = next && isScalar(next) && next.range ? withCommentsAbove(text, lineStart(text, next.range[0]), pair.key.range[0]) : entry.end;
    fields.set(String(pair.key.value), { start, end, text: text.slice(start, end), value: pair.value });
  }
  return fields;
}

/**
 * A code both sides changed, merged field by field: a field one side changed
 * (or added, or removed) is taken from it; the code's own `history` gets the
 * entries each side appended, ours first. The edits apply to our text. A
 * reason when both sides changed one field otherwise than by appending to the
 * code's history.
 */
function mergeCodeFields(baseText: string, base: Entry, ourText: string, mine: Entry, theirText: string, theirs: Entry): TextEdit[] | string {
  const [was, ours, other] = [fieldsOf(baseText, base), fieldsOf(ourText, mine), fieldsOf(theirText, theirs)];
  if (!was || !ours || !other) return `both sides changed code ${mine.key}`;
  const edits: TextEdit[] = [];
  const added: { start: number; text: string }[] = [];
  const columnOf = (text: string, fields: Map<string, { start: number }>) => {
    const first = [...fields.values()][0];
    return first ? first.start - lineStart(text, first.start) : 0;
  };
  for (const key of new Set([...was.keys(), ...ours.keys(), ...other.keys()])) {
    const [before, mineField, theirField] = [was.get(key), ours.get(key), other.get(key)];
    if (theirField?.text === before?.text || theirField?.text === mineField?.text) continue;
    if (mineField?.text === before?.text) {
      if (!mineField) added.push(theirField!);
      else edits.push({ start: mineField.start, end: mineField.end, newText: theirField ? terminatedLike(mineField.text, theirField.text) : '' });
      continue;
    }
    // Both sides changed the field: only a history both appended to (or both started) merges.
    if (key !== 'history' || !mineField || !theirField || (before && !isSeq(before.value)) || !isSeq(mineField.value) || !isSeq(theirField.value)) {
      return `both sides changed \`${key}\` of code ${mine.key}`;
    }
    const keyOf = (item: unknown) => JSON.stringify((item as { toJSON(): unknown }).toJSON());
    const [baseHistory, ourHistory, theirHistory] = [
      before && isSeq(before.value) ? entriesOf(baseText, before.value, keyOf) : { entries: [], indent: 0, end: 0 },
      entriesOf(ourText, mineField.value, keyOf),
      entriesOf(theirText, theirField.value, keyOf),
    ];
    if (!baseHistory || !ourHistory || !theirHistory) return `the history of code ${mine.key} is not a block list of entries`;
    const extendsBase = (list: Entry[]) => baseHistory.entries.every((entry, index) => list[index]?.key === entry.key);
    if (!extendsBase(ourHistory.entries) || !extendsBase(theirHistory.entries)) return `a side rewrote the history of code ${mine.key} instead of appending to it`;
    if (ourHistory.indent !== theirHistory.indent) return `the history lists of code ${mine.key} are indented differently`;
    const ourKeys = new Set(ourHistory.entries.map((entry) => entry.key));
    const theirNew = theirHistory.entries.slice(baseHistory.entries.length).filter((entry) => !ourKeys.has(entry.key));
    if (theirNew.length > 0) edits.push({ start: ourHistory.end, end: ourHistory.end, newText: separated(ourText, ourHistory.end, theirNew.map((entry) => entry.text).join('')) });
  }
  if (added.length > 0) edits.push({ start: mine.end, end: mine.end, newText: separated(ourText, mine.end, added.map((field) => reindent(field, theirText, columnOf(theirText, other), columnOf(ourText, ours))).join('')) });
  return edits;
}

/** `replacement` ending in a line break exactly when `original` does. */
function terminatedLike(original: string, replacement: string): string {
  return original.endsWith('\n') && !replacement.endsWith('\n') ? replacement + '\n' : replacement;
}

/** A field of their code at our code's indentation (the column of its keys; the first field starts at its key). */
function reindent(field: { start: number; text: string }, theirText: string, theirColumn: number, ourColumn: number): string {
  const afterDash = theirText.slice(lineStart(theirText, field.start), field.start).trim() !== '';
  const first = afterDash ? ' '.repeat(theirColumn) + field.text : field.text;
  const shift = ourColumn - theirColumn;
  if (shift === 0) return first;
  return first.replace(/^( *)/gm, (spaces) => ' '.repeat(Math.max(0, spaces.length + shift)));
}

/** `addition` placed at `offset`, after a line break when the text there does not start a line. */
function separated(text: string, offset: number, addition: string): string {
  const atLineStart = offset === 0 || text[offset - 1] === '\n';
  const terminated = addition.endsWith('\n') ? addition : addition + '\n';
  return atLineStart ? terminated : '\n' + terminated.replace(/\n$/, '');
}
