import type { AttributeBlock, AttributeToken } from './attributeBlock';
import { quoteAttributeValue } from './attributeText';
import type { TextEdit } from './textEdit';

/** A change to one directive's attributes. Fields left undefined are not touched. */
export interface AttributeChange {
  /** Code ids to take out (every class token naming them). */
  removeCodes?: readonly string[];
  /** Code ids to rename; a code renamed to one the block already has is dropped (classes collapse). */
  renameCodes?: ReadonlyMap<string, string>;
  /** Code ids to add after the last class, unless present. */
  addCodes?: readonly string[];
  /** A memo to set, or `null` to remove every `memo=`. */
  memo?: string | null;
  /** Add a bare `exemplar`, or remove every `exemplar`. */
  exemplar?: boolean;
}

/**
 * The text edits that apply `change` to an attribute block, touching only the
 * tokens that change: every other attribute, class, spacing and quoting stays
 * byte for byte. A removed token takes the white space before it with it.
 */
export function editAttributeBlock(block: AttributeBlock, change: AttributeChange): TextEdit[] {
  const tokens = block.tokens;
  const removed = new Set<AttributeToken>();
  const replaced = new Map<AttributeToken, string>();
  const remove = new Set(change.removeCodes ?? []);
  const present = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'class') continue;
    const renamed = change.renameCodes?.get(token.value) ?? token.value;
    if (remove.has(token.value) || present.has(renamed)) {
      removed.add(token);
      continue;
    }
    present.add(renamed);
    if (renamed !== token.value) replaced.set(token, `.${renamed}`);
  }
  for (const token of tokens) {
    if (token.kind !== 'named' || token.key !== 'class') continue;
    const names = token.value.split(/\s+/).filter((name) => name.length > 0);
    const kept: string[] = [];
    for (const name of names) {
      const renamed = change.renameCodes?.get(name) ?? name;
      if (!remove.has(name) && !present.has(renamed)) {
        kept.push(renamed);
        present.add(renamed);
      }
    }
    if (kept.length === 0) removed.add(token);
    else if (kept.join(' ') !== names.join(' ')) replaced.set(token, `class=${quoteAttributeValue(kept.join(' '))}`);
  }
  const appended: string[] = [];
  if (change.memo !== undefined) {
    const memos = tokens.filter((token) => token.kind === 'named' && token.key === 'memo');
    if (change.memo === null) memos.forEach((token) => removed.add(token));
    else if (memos.length === 0) appended.push(`memo=${quoteAttributeValue(change.memo)}`);
    else memos.forEach((token) => replaced.set(token, `memo=${quoteAttributeValue(change.memo as string)}`));
  }
  if (change.exemplar !== undefined) {
    const marks = tokens.filter((token) => token.kind === 'named' && token.key === 'exemplar');
    if (!change.exemplar) marks.forEach((token) => removed.add(token));
    else if (marks.length === 0) appended.push('exemplar');
    else marks.forEach((token) => {
      if (/^(false|no|0)$/i.test(token.value)) replaced.set(token, 'exemplar');
    });
  }
  const added = (change.addCodes ?? []).filter((code) => !present.has(code));

  const edits: TextEdit[] = [];
  // Runs of removed tokens go with the white space before them (or after, at the start).
  for (let index = 0; index < tokens.length; index++) {
    if (!removed.has(tokens[index])) continue;
    let last = index;
    while (last + 1 < tokens.length && removed.has(tokens[last + 1])) last++;
    if (index > 0) edits.push({ start: tokens[index - 1].end, end: tokens[last].end, newText: '' });
    else if (last + 1 < tokens.length) edits.push({ start: tokens[0].start, end: tokens[last + 1].start, newText: '' });
    else edits.push({ start: block.start + 1, end: block.end - 1, newText: '' });
    index = last;
  }
  for (const [token, text] of replaced) edits.push({ start: token.start, end: token.end, newText: text });
  if (added.length > 0) {
    const classes = tokens.filter((token) => token.kind === 'class' && !removed.has(token));
    const anchor = classes[classes.length - 1];
    const text = added.map((code) => `.${code}`).join(' ');
    if (anchor) edits.push({ start: anchor.end, end: anchor.end, newText: ` ${text}` });
    else {
      const anyKept = tokens.some((token) => !removed.has(token)) || appended.length > 0;
      edits.push({ start: block.start + 1, end: block.start + 1, newText: anyKept ? `${text} ` : text });
    }
  }
  if (appended.length > 0) {
    const anyBefore = tokens.some((token) => !removed.has(token)) || added.length > 0;
    edits.push({ start: block.end - 1, end: block.end - 1, newText: (anyBefore ? ' ' : '') + appended.join(' ') });
  }
  return edits;
}
