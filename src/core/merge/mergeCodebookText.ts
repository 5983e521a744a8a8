import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLSeq } from 'yaml';
import { applyTextEdits, type TextEdit } from '../edit/textEdit';

/** The merged codebook text, or why this merge does not apply (the caller merges the text as lines). */
export type MergeCodebookResult = { ok: true; text: string } | { ok: false; reason: string };

interface Entry {
  key: string;
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
    entries.push({ key, start, end, text: text.slice(start, end), body: text.slice(lineStart(text, item.range[0]), end) });
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
 * one added on both sides with the same text is kept once), the codebook
 * `history` gets the entries each side appended, ours first, then theirs
 * (without repeating one both appended). Our text is changed only by exact
 * edits of whole entries, so comments and formatting elsewhere stay.
 *
 * Not ok, with the reason, when a file does not parse, `codes` or `history`
 * is not a block list, the lists are indented differently, a code was changed
 * differently on both sides (or changed on one side and removed on the other),
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
    else return { ok: false, reason: `both sides changed code ${id}` };
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

/** `addition` placed at `offset`, after a line break when the text there does not start a line. */
function separated(text: string, offset: number, addition: string): string {
  const atLineStart = offset === 0 || text[offset - 1] === '\n';
  const terminated = addition.endsWith('\n') ? addition : addition + '\n';
  return atLineStart ? terminated : '\n' + terminated.replace(/\n$/, '');
}
