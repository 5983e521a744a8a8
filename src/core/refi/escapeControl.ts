// C0 and C1 controls (line feed included: a message is one line) and the bidirectional overrides that reorder what a terminal shows.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with every control character written as a `\uXXXX` escape, so a
 * name from an untrusted package (a NUL, an escape sequence, a line feed, a
 * bidirectional override) prints as visible text on one line. Other text is
 * unchanged.
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
