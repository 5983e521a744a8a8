/**
 * Escapes `text` so that Markdown shows it literally: every ASCII punctuation character that
 * Markdown could read as syntax gets a backslash, `<` and `&` included (no HTML, no entities),
 * and line breaks become spaces so user text cannot start a block of its own.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_{}[\]()#+\-.!<>|~&"':=$%@^]/g, '\\$&');
}
