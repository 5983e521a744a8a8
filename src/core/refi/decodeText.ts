/** A text file's content and whether it started with a byte order mark. */
export interface DecodedText {
  text: string;
  hadBom: boolean;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Whether bytes that are not valid in the encoding were replaced by U+FFFD. */
  replaced: boolean;
}

/**
 * Decodes a plain-text source: UTF-8 (the standard, §9.1.2), or UTF-16 when a
 * UTF-16 byte order mark says so. The BOM is removed from the text and
 * reported in `hadBom`; invalid bytes become U+FFFD and set `replaced`.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: DecodedText['encoding'] = 'utf-8';
  let skip = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) skip = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, skip] = ['utf-16be', 2];
  const body = bytes.subarray(skip);
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), hadBom: skip > 0, encoding, replaced: false };
  } catch {
    return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(body), hadBom: skip > 0, encoding, replaced: true };
  }
}
