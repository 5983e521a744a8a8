import { sortTextEdits, type TextEdit } from './textEdit';

/**
 * The edits that take the text `applyTextEdits(text, edits)` back to `text`: each edit's new text
 * replaced by what it replaced, at its place in the edited text. Exact and small, like the
 * edits themselves (an undo that survives the editor's own undo stack).
 */
export function invertEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  let shift = 0;
  return sortTextEdits(edits).map((edit) => {
    const start = edit.start + shift;
    shift += edit.newText.length - (edit.end - edit.start);
    return { start, end: start + edit.newText.length, newText: text.slice(edit.start, edit.end) };
  });
}
