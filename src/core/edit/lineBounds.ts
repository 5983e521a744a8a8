/** Offset where the line containing `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the terminator of the line containing `offset`, or the text end. */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Offset where the terminator of the line containing `offset` starts (`\r\n` or `\n`), or the text end. */
export function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > 0 && text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline;
}
