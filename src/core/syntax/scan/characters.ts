/**
 * Character classes of the Markdown tokenizer (micromark), on UTF-16 code
 * units of the raw text. micromark reads a tab as its own code, which is
 * neither Unicode whitespace nor punctuation there; so do these.
 */

const PUNCTUATION = /\p{P}|\p{S}/u;
const WHITESPACE = /\s/;

export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;

/** `\n` or `\r` (the scanner gives up on a lone `\r` before it reads anything). */
export function isLineEnding(unit: number): boolean {
  return unit === LF || unit === CR;
}

/** Space or tab. */
export function isSpace(unit: number): boolean {
  return unit === SPACE || unit === TAB;
}

export function isLineEndingOrSpace(unit: number): boolean {
  return unit === SPACE || unit === TAB || unit === LF || unit === CR;
}

/** Unicode whitespace as micromark sees it (a tab is not). */
export function isUnicodeWhitespace(unit: number): boolean {
  if (unit < 0x80) return unit === SPACE || unit === LF || unit === CR || unit === 0x0b || unit === 0x0c;
  return WHITESPACE.test(String.fromCharCode(unit));
}

/** Unicode punctuation or symbol (a lone surrogate is neither). */
export function isUnicodePunctuation(unit: number): boolean {
  if (unit < 0x80) return isAsciiPunctuation(unit);
  return PUNCTUATION.test(String.fromCharCode(unit));
}

export function isAsciiPunctuation(unit: number): boolean {
  return (unit >= 0x21 && unit <= 0x2f) || (unit >= 0x3a && unit <= 0x40) || (unit >= 0x5b && unit <= 0x60) || (unit >= 0x7b && unit <= 0x7e);
}
