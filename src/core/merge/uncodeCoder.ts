import { excerptDirectives } from '../edit/excerptDirectives';
import { readOnlyError } from '../edit/readOnlyError';
import { directivesOf, removeDirectives } from '../edit/removeDirective';
import type { EditResult } from '../edit/textEdit';
import { verifyEdits } from '../edit/verifyEdits';
import type { ParsedTranscript } from '../syntax/parseTranscript';

/**
 * The edits that remove every excerpt of `coder` from a transcript (markup
 * only: labels and contents stay, so the plain text does not change, checked
 * by parsing). A transcript without such excerpts gives no edits. Refuses a
 * read-only file that has some, and edits that would change the plain text.
 */
export function uncodeCoder(text: string, parsed: ParsedTranscript, coder: string): EditResult {
  const excerpts = parsed.source.excerpts.filter((excerpt) => excerpt.coder === coder);
  if (excerpts.length === 0) return { ok: true, edits: [] };
  if (!parsed.source.writable) return { ok: false, error: readOnlyError(parsed.source) };
  const directives = excerpts.flatMap((excerpt) => excerptDirectives(parsed, excerpt));
  const edits = removeDirectives(directivesOf(text, parsed), directives);
  const check = verifyEdits(text, parsed.source, edits);
  if (!check.ok) return { ok: false, error: `cannot uncode exactly: ${check.error}` };
  return { ok: true, edits };
}
