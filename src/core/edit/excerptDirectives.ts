import type { Excerpt } from '../model/excerpt';
import type { ParsedTranscript } from '../syntax/parseTranscript';
import type { DirectiveFact } from '../syntax/transcriptFacts';

/**
 * The excerpt a file offset points at: the innermost excerpt with a directive
 * whose markup range contains `offset` (start inclusive, end exclusive), and
 * among those, with `code`, one that has this code, with `coder`, one by this
 * coder. Undefined when none does.
 */
export function excerptAt(parsed: ParsedTranscript, offset: number, filter: { code?: string; coder?: string } = {}): Excerpt | undefined {
  let best: { excerpt: Excerpt; size: number } | undefined;
  for (const excerpt of parsed.source.excerpts) {
    if (filter.code !== undefined && !excerpt.codes.includes(filter.code)) continue;
    if (filter.coder !== undefined && excerpt.coder !== filter.coder) continue;
    for (const fragment of excerpt.fragments) {
      const { startOffset, endOffset } = fragment.range;
      if (offset < startOffset || offset >= endOffset) continue;
      const size = endOffset - startOffset;
      if (!best || size < best.size) best = { excerpt, size };
    }
  }
  return best?.excerpt;
}

/** The directives (parser facts) of an excerpt's fragments, in fragment order; missing ones are left out. */
export function excerptDirectives(parsed: ParsedTranscript, excerpt: Excerpt): DirectiveFact[] {
  const byStart = new Map(parsed.facts.directives.map((fact) => [fact.start, fact]));
  return excerpt.fragments.map((fragment) => byStart.get(fragment.range.startOffset)).filter((fact): fact is DirectiveFact => fact !== undefined);
}
