import { isStopWord, normaliseWord, type StopWords } from './stopWords';

/** Word occurrences of a text, and the occurrences left out as stop words. */
export interface WordCounts {
  counts: Map<string, number>;
  /** Words counted (stop words not included). */
  total: number;
  /** Stop words met and left out. */
  stopped: number;
}

/** Empty counts to add texts to with {@link countWordsInto}. */
export function emptyWordCounts(): WordCounts {
  return { counts: new Map(), total: 0, stopped: 0 };
}

/**
 * Adds the words of `text` to `into`: the word-like segments of an
 * `Intl.Segmenter` (word granularity) that hold a letter (numbers are not
 * words here), normalised by `normaliseWord`, stop words left out and counted
 * in `stopped`.
 */
export function countWordsInto(into: WordCounts, text: string, segmenter: Intl.Segmenter, stopWords: StopWords): void {
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike || !/\p{L}/u.test(segment.segment)) continue;
    const word = normaliseWord(segment.segment);
    if (isStopWord(word, stopWords)) {
      into.stopped += 1;
      continue;
    }
    into.counts.set(word, (into.counts.get(word) ?? 0) + 1);
    into.total += 1;
  }
}

/** The `top` most frequent words, most frequent first, ties in alphabetical order. */
export function topWords(counts: WordCounts, top: number): string[] {
  return [...counts.counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, top)
    .map(([word]) => word);
}
