import { createHash } from 'node:crypto';

/**
 * A GUID derived from content: the SHA-1 of the parts (joined with NUL), laid
 * out as an RFC 4122 version-5 UUID in lower case. The same parts always give
 * the same GUID, so a re-export of an unchanged project is byte-identical.
 */
export function guidFor(...parts: (string | number)[]): string {
  const hex = createHash('sha1').update(['mdqda', ...parts.map(String)].join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
