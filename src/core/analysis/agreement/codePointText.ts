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
    return { length: text.length, slice: (start, end) => text.slice(start, end) };
  }
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    offsets.push(i);
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
  }
  offsets.push(text.length);
  const length = offsets.length - 1;
  const at = (index: number) => offsets[Math.max(0, Math.min(length, index))]!;
  return { length, slice: (start, end) => text.slice(at(start), at(end)) };
}
