/**
 * Escapes inside a text directive label.
 *
 * The label of `:code[LABEL]{…}` ends at the first `]` that balances its `[`;
 * inside it, `\[`, `\]` and `\\` are escapes (the rules of
 * micromark-extension-directive). The tool escapes what would break a label,
 * and the plain-text view undoes exactly those escapes, so the plain text of
 * a label equals the text the user coded.
 */

/** The characters a label escape may protect. */
function isEscapable(unit: number): boolean {
  return unit === 0x5b /* [ */ || unit === 0x5d /* ] */ || unit === 0x5c /* \ */;
}

/** Result of scanning a label: where it ends and which backslashes are escapes. */
export interface LabelScan {
  /** Offset of the closing `]`, or -1 when the label does not close. */
  end: number;
  /** Offsets of the backslashes that escape the character after them. */
  escapes: number[];
}

/**
 * Scans a label that starts at `start` (just after its `[`) the way the
 * directive parser does: brackets balance, `\` escapes `[`, `]` and `\`.
 */
export function scanLabel(text: string, start: number): LabelScan {
  const escapes: number[] = [];
  let balance = 0;
  for (let index = start; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit === 0x5c && index + 1 < text.length && isEscapable(text.charCodeAt(index + 1))) {
      escapes.push(index);
      index++;
    } else if (unit === 0x5b) {
      balance++;
    } else if (unit === 0x5d) {
      if (balance === 0) return { end: index, escapes };
      balance--;
    }
  }
  return { end: -1, escapes };
}

/**
 * Escapes a run of plain text for use inside a label: every `[` and `]`, and
 * every `\` that is followed by `[`, `]`, `\`, by markup (`followedByMarkup`,
 * the start of a nested directive or the label's end) or by nothing.
 * `unescapeLabel(escapeLabelText(s, true))` is `s` for every string `s`.
 */
export function escapeLabelText(text: string, followedByMarkup: boolean): string {
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit === 0x5b || unit === 0x5d) {
      result += '\\' + text[index];
    } else if (unit === 0x5c) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : -1;
      const atEnd = next === -1;
      result += (atEnd && followedByMarkup) || (!atEnd && isEscapable(next)) ? '\\\\' : '\\';
    } else {
      result += text[index];
    }
  }
  return result;
}

/** Undoes label escapes: `\[`, `\]`, `\\` become one character; every other backslash stays. */
export function unescapeLabel(text: string): string {
  let result = '';
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 0x5c && index + 1 < text.length && isEscapable(text.charCodeAt(index + 1))) {
      result += text[index + 1];
      index++;
    } else {
      result += text[index];
    }
  }
  return result;
}
