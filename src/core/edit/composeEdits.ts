import { applyTextEdits, sortTextEdits, type TextEdit } from './textEdit';

/**
 * One list of edits that does what `first` then `second` do: `first` is in
 * offsets of `text`, `second` in offsets of the text `first` gives; the result
 * is in offsets of `text`. Edits that touch or overlap in the middle text
 * become one edit, so the result never has overlapping ranges. Lets a caller
 * that writes in several rounds (each on the text of the one before) hand out
 * exact edits of the original text, as an editor's undo needs.
 */
export function composeEdits(text: string, first: readonly TextEdit[], second: readonly TextEdit[]): TextEdit[] {
  if (second.length === 0) return sortTextEdits(first);
  if (first.length === 0) return sortTextEdits(second);
  // Spans of the middle text: each edit of `first` with the range it maps from, and each of `second`.
  const spans: { start: number; end: number; from?: { start: number; end: number } }[] = [];
  let shift = 0;
  for (const edit of sortTextEdits(first)) {
    const start = edit.start + shift;
    spans.push({ start, end: start + edit.newText.length, from: { start: edit.start, end: edit.end } });
    shift += edit.newText.length - (edit.end - edit.start);
  }
  const firstSpans = spans.slice();
  const sortedSecond = sortTextEdits(second);
  for (const edit of sortedSecond) spans.push({ start: edit.start, end: edit.end });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);

  // Where a middle-text offset outside every edit of `first` lies in `text` (asked for increasing offsets).
  let passed = 0;
  let delta = 0;
  const toOriginal = (offset: number): number => {
    for (; passed < firstSpans.length && firstSpans[passed].end <= offset; passed++) {
      const span = firstSpans[passed];
      const from = span.from as { start: number; end: number };
      delta += span.end - span.start - (from.end - from.start);
    }
    return offset - delta;
  };
  const middle = applyTextEdits(text, sortTextEdits(first));
  const result: TextEdit[] = [];
  let next = 0;
  for (let index = 0; index < spans.length; ) {
    let end = spans[index].end;
    const group = [spans[index]];
    for (index++; index < spans.length && spans[index].start <= end; index++) {
      group.push(spans[index]);
      end = Math.max(end, spans[index].end);
    }
    const start = group[0].start;
    const startSpan = group.find((span) => span.from && span.start === start);
    const endSpan = [...group].reverse().find((span) => span.from && span.end === end);
    const originalStart = startSpan?.from ? startSpan.from.start : toOriginal(start);
    const originalEnd = endSpan?.from ? endSpan.from.end : toOriginal(end);
    const inside: TextEdit[] = [];
    for (; next < sortedSecond.length && sortedSecond[next].end <= end; next++) {
      const edit = sortedSecond[next];
      inside.push({ start: edit.start - start, end: edit.end - start, newText: edit.newText });
    }
    result.push({ start: originalStart, end: originalEnd, newText: applyTextEdits(middle.slice(start, end), inside) });
  }
  return result;
}
