import type { Excerpt } from '../model/excerpt';
import type { ParsedTranscript } from '../syntax/parseTranscript';
import { readAttributeBlock } from './attributeBlock';
import { editAttributeBlock } from './editAttributeBlock';
import { excerptDirectives } from './excerptDirectives';
import { directivesOf, removeDirectives } from './removeDirective';
import type { EditResult, TextEdit } from './textEdit';
import { verifyEdits } from './verifyEdits';
import { readOnlyError } from './readOnlyError';

/**
 * Uncodes an excerpt: with `code`, takes that code out of every fragment (a
 * fragment left without codes disappears); without, removes the whole excerpt.
 * Removing a directive deletes exactly its markup and keeps its label or
 * contents, so the plain text does not change (checked by parsing). Refuses a
 * code the excerpt does not have and a read-only file.
 */
export function uncode(text: string, parsed: ParsedTranscript, excerpt: Excerpt, code?: string): EditResult {
  if (!parsed.source.writable) return { ok: false, error: readOnlyError(parsed.source) };
  if (code !== undefined && !excerpt.codes.includes(code)) return { ok: false, error: `the excerpt at line ${excerpt.line} has no code \`${code}\`` };
  const directives = excerptDirectives(parsed, excerpt);
  if (directives.length === 0) return { ok: false, error: 'the excerpt is not in this text (parse it again)' };
  const remove = [];
  const edits: TextEdit[] = [];
  for (const fact of directives) {
    const block = readAttributeBlock(text, fact);
    const codes = block ? block.tokens.filter((token) => token.kind === 'class' || token.key === 'class').flatMap((token) => token.value.split(/\s+/)) : [];
    if (code === undefined || codes.every((name) => name === code || name === '')) remove.push(fact);
    else if (!block) return { ok: false, error: 'the attributes of this coding are not in a form the tool can edit', offset: fact.start };
    else edits.push(...editAttributeBlock(block, { removeCodes: [code] }));
  }
  edits.push(...removeDirectives(directivesOf(text, parsed), remove));
  const check = verifyEdits(text, parsed.source, edits);
  if (!check.ok) return { ok: false, error: `cannot uncode exactly: ${check.error}` };
  return { ok: true, edits };
}
