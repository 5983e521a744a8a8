import { RegExpValidator } from '@eslint-community/regexpp';

/** How a search pattern is read. */
export interface SearchPatternOptions {
  /** Read the pattern as a JavaScript regular expression (Unicode mode) instead of literal text. Default false. */
  regex?: boolean;
  /** Tell upper from lower case. Default false (Unicode simple case folding). */
  caseSensitive?: boolean;
  /**
   * Only hits that neither start nor end inside a word: the characters beside a
   * hit must not be Unicode letters, digits or combining marks. Default false.
   */
  wholeWord?: boolean;
}

/** A pattern ready to run, or why it cannot be. */
export type CompiledSearchPattern = { ok: true; regex: RegExp } | { ok: false; message: string };

/** Characters that count as part of a word for `wholeWord`. */
const WORD = '[\\p{L}\\p{N}\\p{M}]';

/**
 * Compiles a search pattern into a global, Unicode-mode RegExp. Never throws:
 * an empty pattern, an invalid regular expression (with the engine's reason)
 * and a pattern that matches the empty string come back as a one-line message.
 * A pattern that matches the empty string only at some places (`\b`) passes
 * here; the search refuses it when it meets such a match.
 */
export function compileSearchPattern(pattern: string, options: SearchPatternOptions = {}): CompiledSearchPattern {
  if (pattern.length === 0) return { ok: false, message: 'the search pattern is empty' };
  const body = options.regex ? pattern : escapeRegExp(pattern);
  const source = options.wholeWord ? `(?<!${WORD})(?:${body})(?!${WORD})` : body;
  const flags = options.caseSensitive ? 'gu' : 'giu';
  let regex: RegExp;
  try {
    // Checked alone first, so the message quotes the user's pattern and not the whole-word wrapper.
    new RegExp(body, flags);
    regex = new RegExp(source, flags);
  } catch (error) {
    const reason = String((error as Error).message).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    const column = errorColumn(body);
    return { ok: false, message: `invalid regular expression /${pattern}/${column === null ? '' : ` at column ${column}`}: ${reason}` };
  }
  if (regex.exec('') !== null) return { ok: false, message: `the pattern /${pattern}/ matches the empty string; give one that matches at least one character` };
  regex.lastIndex = 0;
  return { ok: true, regex };
}

/** The pattern text with every RegExp syntax character escaped, so it matches itself literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * The 1-based column (UTF-16 units) where a regular expression parser that
 * follows the ECMAScript grammar notices the pattern is invalid; null when it
 * finds no fault (the engine and the parser disagree).
 */
function errorColumn(pattern: string): number | null {
  try {
    new RegExpValidator({ ecmaVersion: 2025 }).validatePattern(pattern, 0, pattern.length, { unicode: true });
    return null;
  } catch (error) {
    const index = (error as { index?: unknown }).index;
    return typeof index === 'number' ? index + 1 : null;
  }
}
