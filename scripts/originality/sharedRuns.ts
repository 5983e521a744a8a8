/** A run of consecutive words our text shares with a seed. */
export interface SharedRun {
  /** The shared words, normalised (lower case, punctuation removed). */
  words: string;
  /** 1-based line in our text where the run starts. */
  line: number;
  /** Name of the seed it was found in. */
  seed: string;
}

interface Word {
  word: string;
  line: number;
}

/**
 * Splits text into normalised words: lower case, letters and digits only, so
 * that case, punctuation, quotes and line breaks do not hide a copied run.
 * Apostrophes are dropped inside words (`one's` and `ones` read the same).
 */
export function toWords(text: string): Word[] {
  const words: Word[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((content, index) => {
    const cleaned = content.toLowerCase().replace(/['’‘`]/g, '');
    for (const match of cleaned.matchAll(/[\p{L}\p{N}]+/gu)) {
      words.push({ word: match[0], line: index + 1 });
    }
  });
  return words;
}

/** Index of every run of `size` consecutive words of the seeds, by run text. */
export function indexSeeds(seeds: Map<string, string>, size: number): Map<string, string> {
  const runs = new Map<string, string>();
  for (const [name, text] of seeds) {
    const words = toWords(text).map((entry) => entry.word);
    for (let i = 0; i + size <= words.length; i += 1) {
      const run = words.slice(i, i + size).join(' ');
      if (!runs.has(run)) runs.set(run, name);
    }
  }
  return runs;
}

/**
 * Runs of `size` or more consecutive words that `text` shares with the indexed
 * seeds. A longer shared stretch is reported once, at its first word.
 */
export function findSharedRuns(text: string, seedRuns: Map<string, string>, size: number): SharedRun[] {
  const words = toWords(text);
  const found: SharedRun[] = [];
  let coveredUntil = -1;
  for (let i = 0; i + size <= words.length; i += 1) {
    const run = words.slice(i, i + size).map((entry) => entry.word).join(' ');
    const seed = seedRuns.get(run);
    if (seed === undefined) continue;
    if (i > coveredUntil) found.push({ words: run, line: words[i].line, seed });
    coveredUntil = i + size - 1;
  }
  return found;
}
