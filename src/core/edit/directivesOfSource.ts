import type { Source } from '../model/source';
import { CODE_DIRECTIVE } from '../syntax/analyseTranscript';
import { scanLabel } from '../syntax/labelEscapes';
import type { DirectiveFact } from '../syntax/transcriptFacts';
import { lineEndOf, lineStartOf, nextLineStart } from './lineBounds';

/**
 * The `code` directives of an indexed source, rebuilt from its excerpts'
 * fragment offsets and the file text (without byte order mark) without
 * parsing again: enough for attribute edits such as renaming codes. The text
 * must be the one the source was indexed from (compare hashes). Each
 * directive's `class` attribute holds its excerpt's codes.
 */
export function directivesOfSource(text: string, source: Source): DirectiveFact[] {
  const facts: DirectiveFact[] = [];
  for (const excerpt of source.excerpts) {
    for (const fragment of excerpt.fragments) {
      const start = fragment.range.startOffset;
      const end = fragment.range.endOffset;
      const nameEnd = start + 1 + CODE_DIRECTIVE.length;
      let contentStart = nameEnd;
      let contentEnd = nameEnd;
      if (fragment.kind === 'text' && text.charCodeAt(nameEnd) === 0x5b) {
        const scan = scanLabel(text, nameEnd + 1);
        if (scan.end !== -1 && scan.end < end) {
          contentStart = nameEnd + 1;
          contentEnd = scan.end;
        }
      }
      let closed = true;
      if (fragment.kind === 'container') {
        contentStart = nextLineStart(text, start);
        const lastLine = lineStartOf(text, end);
        closed = lastLine >= contentStart && /^[ \t>]*:+[ \t]*$/.test(text.slice(lastLine, lineEndOf(text, lastLine)));
        contentEnd = Math.max(contentStart, closed ? lastLine : end);
      }
      const attributes: Record<string, string> = { class: excerpt.codes.join(' ') };
      if (excerpt.id) attributes.id = excerpt.id;
      facts.push({ kind: fragment.kind, start, end, contentStart, contentEnd, attributes, closed });
    }
  }
  return facts.sort((a, b) => a.start - b.start);
}
