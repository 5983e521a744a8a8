import type { ParsedTranscript } from '../syntax/parseTranscript';
import { directivesOf, removeDirectives } from '../edit/removeDirective';
import { applyTextEdits } from '../edit/textEdit';

/**
 * The file text (without byte order mark) with every `code` directive's
 * markup taken out and its label or contents kept: what the transcript would
 * be without any coding. Two texts that differ only in their codings strip to
 * the same string; a text without codings strips to itself.
 */
export function stripCodings(text: string, parsed: ParsedTranscript): string {
  if (parsed.facts.directives.length === 0) return text;
  return applyTextEdits(text, removeDirectives(directivesOf(text, parsed), parsed.facts.directives));
}
