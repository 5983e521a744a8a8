import type { Excerpt } from '../model/excerpt';
import type { Source } from '../model/source';

/**
 * The excerpts of `source` with a directive that contains the UTF-16 file `offset` (its markup
 * or its coded text, both ends included), innermost first: the excerpt whose directive around
 * the offset is shortest comes first. Empty when the offset is in no coding.
 */
export function excerptsAt(source: Source, offset: number): Excerpt[] {
  const found: { excerpt: Excerpt; length: number }[] = [];
  for (const excerpt of source.excerpts) {
    let best = Infinity;
    for (const fragment of excerpt.fragments) {
      const { startOffset, endOffset } = fragment.range;
      if (startOffset <= offset && offset <= endOffset) best = Math.min(best, endOffset - startOffset);
    }
    if (best !== Infinity) found.push({ excerpt, length: best });
  }
  return found.sort((a, b) => a.length - b.length).map((entry) => entry.excerpt);
}
