import type { Excerpt } from '../model/excerpt';
import type { ParsedTranscript } from '../syntax/parseTranscript';
import { readAttributeBlock } from './attributeBlock';
import { editAttributeBlock } from './editAttributeBlock';
import { excerptDirectives } from './excerptDirectives';
import type { EditResult, TextEdit } from './textEdit';
import { verifyEdits } from './verifyEdits';
import { readOnlyError } from './readOnlyError';

/** What to change on an excerpt; undefined fields stay as they are. */
export interface ExcerptAttributeChange {
  /** A memo to set (quoted so it reads back exactly), or `null` to remove it. */
  memo?: string | null;
  /** Mark or unmark the excerpt as an exemplar quote. */
  exemplar?: boolean;
}

/**
 * Sets, changes or removes an excerpt's memo and turns `exemplar` on or off,
 * as edits of the attribute blocks only: a memo is changed where it is
 * written (in every fragment that has one) or added to the first fragment;
 * removing takes it out of every fragment. Other attributes stay byte for byte.
 */
export function setExcerptAttributes(text: string, parsed: ParsedTranscript, excerpt: Excerpt, change: ExcerptAttributeChange): EditResult {
  if (!parsed.source.writable) return { ok: false, error: readOnlyError(parsed.source) };
  const directives = excerptDirectives(parsed, excerpt);
  if (directives.length === 0) return { ok: false, error: 'the excerpt is not in this text (parse it again)' };
  const blocks = directives.map((fact) => ({ fact, block: readAttributeBlock(text, fact) }));
  const unreadable = blocks.find((item) => !item.block);
  if (unreadable) return { ok: false, error: 'the attributes of this coding are not in a form the tool can edit', offset: unreadable.fact.start };
  const has = (key: string) => blocks.filter((item) => item.block?.tokens.some((token) => token.kind === 'named' && token.key === key));
  const edits: TextEdit[] = [];
  const withMemo = has('memo');
  const withExemplar = has('exemplar');
  for (const [index, item] of blocks.entries()) {
    if (!item.block) continue;
    let memo: string | null | undefined;
    if (change.memo === null) memo = null;
    else if (change.memo !== undefined) memo = withMemo.length > 0 ? (withMemo.includes(item) ? change.memo : undefined) : index === 0 ? change.memo : undefined;
    let exemplar: boolean | undefined;
    if (change.exemplar === false) exemplar = false;
    else if (change.exemplar === true) exemplar = withExemplar.length > 0 ? (withExemplar.includes(item) ? true : undefined) : index === 0 ? true : undefined;
    edits.push(...editAttributeBlock(item.block, { memo, exemplar }));
  }
  const check = verifyEdits(text, parsed.source, edits);
  if (!check.ok) return { ok: false, error: `cannot change the attributes exactly: ${check.error}` };
  return { ok: true, edits };
}
