import { readAttributeBlock } from '../edit/attributeBlock';
import type { TextEdit } from '../edit/textEdit';
import type { Excerpt, Fragment } from '../model/excerpt';
import type { Source } from '../model/source';

/** A code id written in a directive's attribute block, with its place in the file. */
export interface WrittenClassId {
  id: string;
  /** UTF-16 offsets of the id itself (without the `.` of a class shortcut). */
  start: number;
  end: number;
  /** The whole token to remove with it: `.T1`, or the word inside `class="…"`. */
  tokenStart: number;
  tokenEnd: number;
}

/**
 * The code ids (classes) written in the `{…}` block of one directive of `text`, in written
 * order: `.T1` shortcuts and the words of `class="…"`. Empty when the directive has no block or
 * one the attribute reader does not understand.
 */
export function classIdsOf(text: string, fragment: Fragment): WrittenClassId[] {
  const block = readAttributeBlock(text, {
    kind: fragment.kind,
    start: fragment.range.startOffset,
    end: fragment.range.endOffset,
    contentStart: fragment.contentStartOffset,
    contentEnd: fragment.contentEndOffset,
    attributes: {},
    closed: true,
  });
  if (!block) return [];
  const ids: WrittenClassId[] = [];
  for (const token of block.tokens) {
    if (token.kind === 'class') {
      ids.push({ id: token.value, start: token.start + 1, end: token.end, tokenStart: token.start, tokenEnd: token.end });
    } else if (token.kind === 'named' && token.key === 'class') {
      const written = text.slice(token.start, token.end);
      const quote = /=\s*(["']?)/.exec(written);
      if (!quote) continue;
      let position = token.start + quote.index + quote[0].length;
      for (const word of text.slice(position, token.end - quote[1].length).split(/(\s+)/)) {
        if (word.trim() !== '') ids.push({ id: word, start: position, end: position + word.length, tokenStart: position, tokenEnd: position + word.length });
        position += word.length;
      }
    }
  }
  return ids;
}

/**
 * The code id written at UTF-16 `offset` (on it or just after it) in the attribute block of a
 * coding of `source`, innermost directive first, or `undefined` when the offset is on no id.
 */
export function classIdAt(text: string, source: Source, offset: number): WrittenClassId | undefined {
  let best: { id: WrittenClassId; length: number } | undefined;
  for (const excerpt of source.excerpts) {
    for (const fragment of excerpt.fragments) {
      const { startOffset, endOffset } = fragment.range;
      if (offset < startOffset || offset > endOffset) continue;
      const found = classIdsOf(text, fragment).find((id) => id.tokenStart <= offset && offset <= id.end);
      if (found && (!best || endOffset - startOffset < best.length)) best = { id: found, length: endOffset - startOffset };
    }
  }
  return best?.id;
}

/**
 * Edits that replace the code id `from` with `to` in every directive of `excerpt` (an id written
 * twice is replaced twice). Where the block already has `to`, the `from` token is removed
 * instead, with the space before it, so no id is written twice. Empty when `from` is not written.
 */
export function replaceClassIdEdits(text: string, excerpt: Excerpt, from: string, to: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const fragment of excerpt.fragments) {
    const ids = classIdsOf(text, fragment);
    const hasTarget = ids.some((written) => written.id === to);
    for (const written of ids) {
      if (written.id !== from) continue;
      if (!hasTarget) {
        edits.push({ start: written.start, end: written.end, newText: to });
        continue;
      }
      let start = written.tokenStart;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      edits.push({ start, end: written.tokenEnd, newText: '' });
    }
  }
  return edits;
}
