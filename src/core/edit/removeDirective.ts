import { lineStartOf, nextLineStart } from './lineBounds';
import type { TextEdit } from './textEdit';
import type { CodeSpan } from './transcriptLayout';
import { scanLabel } from '../syntax/labelEscapes';
import type { ParsedTranscript } from '../syntax/parseTranscript';
import type { DirectiveFact } from '../syntax/transcriptFacts';

/** What `removeDirectives` reads of a parsed transcript: its text and every `code` directive. */
export function directivesOf(text: string, parsed: ParsedTranscript): { text: string; codes: { fact: DirectiveFact }[] } {
  return { text, codes: parsed.facts.directives.map((fact) => ({ fact })) };
}

/**
 * The edits that remove `code` directives' markup and keep what they code:
 * a text directive loses `:code[` and `]{…}` and the label escapes no other
 * remaining label still needs; a container loses its fence lines with their
 * terminators (a closing fence on the last line without terminator takes the
 * terminator before it), exactly what the plain text leaves out. Needs only
 * the text and its `code` directives (no layout: nothing is parsed again).
 */
export function removeDirectives(layout: { text: string; codes: readonly Pick<CodeSpan, 'fact'>[] }, remove: readonly DirectiveFact[]): TextEdit[] {
  const { text } = layout;
  const removed = new Set(remove);
  const remaining = layout.codes.filter((span) => span.fact.kind === 'text' && !removed.has(span.fact));
  const edits: TextEdit[] = [];
  for (const fact of remove) {
    if (fact.kind === 'text') {
      edits.push({ start: fact.start, end: fact.contentStart, newText: '' });
      if (fact.contentEnd > fact.contentStart) {
        for (const escape of scanLabel(text, fact.contentStart).escapes) {
          if (escape >= fact.contentEnd) continue;
          const kept = remaining.some((span) => span.fact.contentStart <= escape && escape < span.fact.contentEnd);
          if (!kept) edits.push({ start: escape, end: escape + 1, newText: '' });
        }
      }
      edits.push({ start: fact.contentEnd, end: fact.end, newText: '' });
    } else {
      const contentStart = nextLineStart(text, fact.start);
      edits.push({ start: lineStartOf(text, fact.start), end: contentStart, newText: '' });
      if (fact.closed) {
        const lastLineStart = lineStartOf(text, fact.end);
        const closeEnd = nextLineStart(text, lastLineStart);
        if (closeEnd === text.length && !text.endsWith('\n')) {
          const terminator = lastLineStart >= 2 && text.charCodeAt(lastLineStart - 2) === 0x0d ? lastLineStart - 2 : lastLineStart - 1;
          edits.push({ start: Math.max(terminator, contentStart), end: closeEnd, newText: '' });
        } else {
          edits.push({ start: lastLineStart, end: closeEnd, newText: '' });
        }
      }
    }
  }
  return edits;
}
