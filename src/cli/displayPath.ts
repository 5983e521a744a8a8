/**
 * Control characters (C0, DEL, C1), line and paragraph separators, and the
 * bidirectional formatting characters that can make a line read otherwise
 * than it is.
 */
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_CHARACTERS = new RegExp(UNSAFE_CHARACTER.source, 'g');

/** A Windows drive prefix (`C:\`, `C:/`), whose colon is part of the path. */
const DRIVE = /^[A-Za-z]:[\\/]/;

/** `\uXXXX` for each character JSON.stringify leaves raw but a terminal or a line reader may not. */
function escapeUnsafe(text: string): string {
  return text.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A file path as printed at the start of a `path:line:col: …` line. Printed
 * as it is, unless it holds a colon (after a Windows drive prefix), a control
 * character, a line separator or a bidirectional formatting character, or
 * starts with `"`: then as a JSON string (`"x.md:1:1: error: y.md"`, with
 * `\n`, `\u0085`… escapes), so a file name can neither break the line nor
 * forge another one, and reading the JSON string back gives the path.
 */
export function displayPath(file: string): string {
  const rest = DRIVE.test(file) ? file.slice(2) : file;
  if (!rest.includes(':') && !UNSAFE_CHARACTER.test(file) && !file.startsWith('"') && file.length > 0) return file;
  return escapeUnsafe(JSON.stringify(file));
}

/**
 * Text for one line of output: control characters, line separators and
 * bidirectional formatting characters are written as JSON-style escapes
 * (`\n`, `\u0085`), everything else as it is.
 */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (character) => escapeUnsafe(JSON.stringify(character).slice(1, -1)));
}
