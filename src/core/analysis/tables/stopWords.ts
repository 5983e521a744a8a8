import { stopwords as english } from '@orama/stopwords/english';
import { stopwords as german } from '@orama/stopwords/german';

/** Stop-word lists by language code, from the `@orama/stopwords` package (English, German). */
// The package's English list is Snowball's without its first word, the article "a": put back.
const LISTS: Record<string, readonly string[]> = { en: [...english, 'a'], de: german };

/** Language codes that have a built-in stop-word list, and `none` for no built-in list. */
export const STOP_WORD_LANGUAGES = [...Object.keys(LISTS), 'none'];

/** Stop words in the form {@link normaliseWord} gives. */
export type StopWords = ReadonlySet<string>;

/** A word as the words table counts it: lower case, a typographic apostrophe as `'`. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/[\u2019\u02BC]/g, "'");
}

/**
 * The stop words of the languages (`en`, `de`; `none` adds nothing) and the
 * extra words, normalised; a language without a list is returned in `unknown`.
 */
export function stopWordsFor(languages: readonly string[], extra: readonly string[] = []): { words: StopWords; unknown: string[] } {
  const words = new Set<string>();
  const unknown: string[] = [];
  for (const written of languages) {
    const language = written.trim().toLowerCase();
    if (language === 'none') continue;
    const list = LISTS[language];
    if (!list) unknown.push(written);
    else for (const word of list) words.add(normaliseWord(word));
  }
  for (const word of extra) words.add(normaliseWord(word));
  return { words, unknown };
}

/**
 * Whether a normalised word is a stop word: listed itself, or a contraction
 * of a listed word (`it's`, `we're` by the part before the apostrophe,
 * `doesn't` by `does`).
 */
export function isStopWord(word: string, stopWords: StopWords): boolean {
  if (stopWords.has(word)) return true;
  const apostrophe = word.indexOf("'");
  if (apostrophe < 0) return false;
  if (word.endsWith("n't") && stopWords.has(word.slice(0, -3))) return true;
  return apostrophe > 0 && stopWords.has(word.slice(0, apostrophe));
}

/**
 * Reads a stop-word file: words separated by white space or on lines of
 * their own; `#` starts a comment to the end of the line. Never throws.
 */
export function parseStopWords(text: string): string[] {
  return text
    .split(/\r?\n/)
    .flatMap((line) => line.replace(/#.*$/, '').split(/\s+/))
    .filter((word) => word !== '');
}
