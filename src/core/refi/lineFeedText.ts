import { countBelow } from '../syntax/plainTextMap';

/** A plain text with its line ends written as LF, and the map of code-point offsets into it. */
export interface LineFeedText {
  text: string;
  /** The code-point offset in `text` of a code-point offset in the original. */
  offsetOf: (codePoint: number) => number;
}

/**
 * Writes every line end as LF (a CRLF as one LF, a lone CR as LF), the way
 * tools that read text with universal newlines (QualCoder) see it, so that
 * exported positions land on the same characters there. Offsets shift by one
 * for each CRLF before them.
 */
export function toLineFeedText(plainText: string): LineFeedText {
  if (!plainText.includes('\r')) return { text: plainText, offsetOf: (codePoint) => codePoint };
  // Code-point offsets of the CRs that are dropped (those followed by LF).
  const dropped: number[] = [];
  let codePoint = 0;
  for (let index = 0; index < plainText.length; index++) {
    const unit = plainText.charCodeAt(index);
    if (unit === 0x0d && plainText.charCodeAt(index + 1) === 0x0a) dropped.push(codePoint);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < plainText.length) {
      const next = plainText.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    codePoint++;
  }
  const text = plainText.replace(/\r\n?/g, '\n');
  const offsetOf = (offset: number) => offset - countBelow(dropped, offset);
  return { text, offsetOf };
}
