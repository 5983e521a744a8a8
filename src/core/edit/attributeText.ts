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
 * Quotes an attribute value so the directive parser reads it back exactly:
 * bare when it is a simple word, else in double quotes with `&`, `"`, `[`, `]`
 * and line breaks written as character references (which the parser decodes).
 */
export function quoteAttributeValue(value: string): string {
  if (BARE_VALUE.test(value)) return value;
  const encoded = value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    // Brackets would count in the label of an enclosing text directive.
    .replace(/\[/g, '&#91;')
    .replace(/\]/g, '&#93;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
  return `"${encoded}"`;
}

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
