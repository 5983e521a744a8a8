/**
 * An exact change of a file's text: replace `[start, end)` (UTF-16 offsets
 * into the text without byte order mark) with `newText`. An insertion has
 * `start === end`; a deletion an empty `newText`.
 */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** What an edit request gives back: the edits, or why the markup cannot express it (nothing to write). */
export type EditResult =
  | { ok: true; edits: TextEdit[] }
  | { ok: false; error: string; offset?: number };

/**
 * Sorts edits by position; insertions at one offset keep the order they were
 * given. Overlapping ranges are a programmer error and throw.
 */
export function sortTextEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1].edit;
    const current = sorted[index].edit;
    if (current.start < previous.end) {
      throw new Error(`overlapping text edits: [${previous.start}, ${previous.end}) and [${current.start}, ${current.end})`);
    }
  }
  return sorted.map((item) => item.edit);
}

/** Applies edits (offsets into the original `text`) and returns the new text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of sortTextEdits(edits)) {
    parts.push(text.slice(cursor, edit.start), edit.newText);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
