/** What a `code` directive's attribute block says. */
export interface CodingAttributes {
  codes: string[];
  coder?: string | null;
  memo?: string | null;
  exemplar?: boolean;
  /** The `id=` shared by fragments of one excerpt. */
  id?: string | null;
  /** Other attributes, written after the known ones. */
  extra?: Record<string, string>;
}

const BARE_VALUE = /^[A-Za-z0-9_.:-]+$/;

/**
 * Quotes an attribute value so the directive parser reads it back exactly, in
 * a text directive and in a container fence line alike: bare when it is a
 * simple word, else in double quotes with `&`, `"`, line breaks, brackets and
 * backslashes written as character references (which the parser decodes).
 * Brackets and backslashes matter because an attribute block inside another
 * directive's label is scanned as part of that label: a raw `]` there would
 * end the outer label, a raw backslash could escape the character after it.
 */
export function quoteAttributeValue(value: string): string {
  if (BARE_VALUE.test(value)) return value;
  const encoded = value.replace(/[&"\r\n[\]\\]/g, (char) => REFERENCES[char]);
  return `"${encoded}"`;
}

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  '\r': '&#13;',
  '\n': '&#10;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
};

/** The attribute block `{.T1 .M3 by=pg …}` of a coding. */
export function attributeText(attributes: CodingAttributes): string {
  const parts = attributes.codes.map((code) => `.${code}`);
  if (attributes.coder) parts.push(`by=${quoteAttributeValue(attributes.coder)}`);
  if (attributes.id) parts.push(`id=${quoteAttributeValue(attributes.id)}`);
  if (attributes.memo !== undefined && attributes.memo !== null) parts.push(`memo=${quoteAttributeValue(attributes.memo)}`);
  if (attributes.exemplar) parts.push('exemplar');
  for (const [key, value] of Object.entries(attributes.extra ?? {})) parts.push(`${key}=${quoteAttributeValue(value)}`);
  return `{${parts.join(' ')}}`;
}
