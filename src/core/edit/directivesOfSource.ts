import type { Source } from '../model/source';
import { CODE_DIRECTIVE } from '../syntax/analyseTranscript';
import { scanLabel } from '../syntax/labelEscapes';
import type { DirectiveFact } from '../syntax/transcriptFacts';

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
      const attributes: Record<string, string> = { class: excerpt.codes.join(' ') };
      if (excerpt.id) attributes.id = excerpt.id;
      facts.push({ kind: fragment.kind, start, end, contentStart, contentEnd, attributes, closed: true });
    }
  }
  return facts.sort((a, b) => a.start - b.start);
}
