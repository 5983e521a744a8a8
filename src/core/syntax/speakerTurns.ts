/**
 * Speaker turn markers at the start of a paragraph's plain text:
 * `**Name:**`, `**Name**:`, `*Name:*`, `__Name:__` or `Name:` (a name of at most five words
 * that starts with a letter or digit, followed by a space or the end of the line).
 */
const TURN_PATTERNS: RegExp[] = [
  /^\*\*([^*\r\n]{1,60}?)[ \t]*:[ \t]*\*\*/u,
  /^\*\*([^*\r\n]{1,60}?)\*\*[ \t]*:/u,
  /^__([^_\r\n]{1,60}?)[ \t]*:[ \t]*__/u,
  /^\*([^*\r\n]{1,60}?)[ \t]*:[ \t]*\*(?!\*)/u,
  /^_([^_\r\n]{1,60}?)[ \t]*:[ \t]*_(?!_)/u,
  /^([\p{L}\p{N}][\p{L}\p{N}.'’()-]*(?:[ \t][\p{L}\p{N}.'’()-]+){0,4}):(?=[ \t]|\r?\n|$)/u,
];

/** The speaker named at the start of a paragraph, or null when it is not a turn. */
export function speakerAt(paragraphText: string): string | null {
  return turnMarkerAt(paragraphText)?.speaker ?? null;
}

/**
 * The turn marker at the start of a paragraph's plain text: the speaker and
 * the length (UTF-16) of the marker with the spaces after it; undefined when
 * the paragraph is not a turn.
 */
export function turnMarkerAt(paragraphText: string): { speaker: string; length: number } | undefined {
  for (const pattern of TURN_PATTERNS) {
    const match = pattern.exec(paragraphText);
    if (match) {
      const name = match[1].trim();
      if (name.length > 0 && !/^https?$/i.test(name)) {
        let length = match[0].length;
        while (paragraphText[length] === ' ' || paragraphText[length] === '\t') length++;
        return { speaker: name, length };
      }
    }
  }
  return undefined;
}
