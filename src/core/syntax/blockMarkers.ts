/**
 * Block markers of CommonMark read by character codes on the raw text,
 * `[start, end)` being the rest of a line without its terminator: what the
 * transcript scanner and the nesting check ask of most lines, without a
 * substring or a regular expression per line.
 */

const SPACE = 0x20;
const TAB = 0x09;

/** Whether `[start, end)` is a thematic break: three or more of one of `-*_`, spaces and tabs between and after. */
export function isThematicBreak(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  const marker = text.charCodeAt(start);
  if (marker !== 0x2d && marker !== 0x2a && marker !== 0x5f) return false;
  let count = 0;
  for (let offset = start; offset < end; offset++) {
    const unit = text.charCodeAt(offset);
    if (unit === marker) count++;
    else if (unit !== SPACE && unit !== TAB) return false;
  }
  return count >= 3;
}

/** The end of a list item marker at `start` (`-`, `+`, `*`, or up to nine digits and `.` or `)`, then a space, a tab or the end), or -1. */
export function listMarkerEnd(text: string, start: number, end: number): number {
  if (start >= end) return -1;
  const unit = text.charCodeAt(start);
  let markerEnd: number;
  if (unit === 0x2d || unit === 0x2b || unit === 0x2a) markerEnd = start + 1;
  else {
    let digits = start;
    while (digits < end && digits - start < 10 && isDigit(text.charCodeAt(digits))) digits++;
    const count = digits - start;
    if (count === 0 || count > 9 || digits === end) return -1;
    const after = text.charCodeAt(digits);
    if (after !== 0x2e && after !== 0x29) return -1;
    markerEnd = digits + 1;
  }
  if (markerEnd < end && text.charCodeAt(markerEnd) !== SPACE && text.charCodeAt(markerEnd) !== TAB) return -1;
  return markerEnd;
}

export function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

export function isAsciiLetter(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
}

/** Whether `[start, end)` is a setext heading underline: a run of `=` or of `-`, then only spaces and tabs. */
export function isSetextUnderline(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  const marker = text.charCodeAt(start);
  if (marker !== 0x3d && marker !== 0x2d) return false;
  let offset = start + 1;
  while (offset < end && text.charCodeAt(offset) === marker) offset++;
  while (offset < end && (text.charCodeAt(offset) === SPACE || text.charCodeAt(offset) === TAB)) offset++;
  return offset === end;
}
