/**
 * Code-point view of a string: length, slicing and per-unit tests by
 * code-point offset. Builds an offset table only when the text has
 * characters outside the Basic Multilingual Plane.
 */
export interface CodePointText {
  /** Length in code points. */
  length: number;
  /** The text from code point `start` to `end` (exclusive). */
  slice(start: number, end: number): string;
}

/** Wraps `text` for code-point offsets (see {@link CodePointText}). */
export function toCodePointText(text: string): CodePointText {
  if (!/[\uD800-\uDFFF]/.test(text)) {
    // Offsets below 0 clamp to 0 here too (String.prototype.slice would count them from the end).
    return { length: text.length, slice: (start, end) => text.slice(Math.max(0, start), Math.max(0, end)) };
  }
  // The UTF-16 offset of every CHECKPOINT-th code point, found in one pass; an offset in between is
  // found by walking from the checkpoint before it. A table of every code point's offset, made for
  // each source an agreement compares, was most of the agreement's time and garbage.
  const checkpoints = new Int32Array(Math.floor(text.length / CHECKPOINT) + 1);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    if (length % CHECKPOINT === 0) checkpoints[length / CHECKPOINT] = i;
    length++;
    if (isPairAt(text, i)) i++;
  }
  const at = (index: number): number => {
    const point = Math.max(0, Math.min(length, index));
    if (point === length) return text.length;
    let offset = checkpoints[Math.floor(point / CHECKPOINT)]!;
    for (let walked = point % CHECKPOINT; walked > 0; walked--) offset += isPairAt(text, offset) ? 2 : 1;
    return offset;
  };
  return { length, slice: (start, end) => text.slice(at(start), at(end)) };
}

/** Code points between checkpoints in a text with characters outside the Basic Multilingual Plane. */
const CHECKPOINT = 64;

/** Whether a surrogate pair starts at `index`. */
function isPairAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff || index + 1 >= text.length) return false;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}
