import { parseEntities } from 'parse-entities';

/** What the preview shows of one `code` directive: its codes, coder, memo and flags. */
export interface PreviewCoding {
  /** Code ids (the classes), in order, without repeats. */
  codes: string[];
  /** The `by=` coder, or null. */
  coder: string | null;
  /** The `memo=` text, or null. */
  memo: string | null;
  /** Whether `exemplar` is set (any value but false, no, 0). */
  exemplar: boolean;
  /** The `id=` shared by the fragments of one excerpt, or null. */
  id: string | null;
  /** The other attributes, kept for the tooltip. */
  others: [string, string][];
}

/** Attribute values as remark-directive decodes them (character references). */
function decode(value: string): string {
  return value.includes('&') ? parseEntities(value, { attribute: true }) : value;
}

/**
 * Reads the attributes of a `code` directive (as `scanDirectiveAttributes`
 * returns them) the way the index does: classes are code ids, later values of
 * the same attribute win. Never throws.
 */
export function toPreviewCoding(attributes: readonly [string, string][]): PreviewCoding {
  const codes: string[] = [];
  const values = new Map<string, string>();
  for (const [key, raw] of attributes) {
    const value = decode(raw);
    if (key === 'class') {
      for (const code of value.split(/\s+/)) if (code && !codes.includes(code)) codes.push(code);
    } else {
      values.delete(key);
      values.set(key, value);
    }
  }
  const exemplar = values.get('exemplar');
  const others: [string, string][] = [];
  for (const [key, value] of values) if (!['by', 'memo', 'exemplar', 'id'].includes(key)) others.push([key, value]);
  return {
    codes,
    coder: values.get('by') || null,
    memo: values.get('memo') ?? null,
    exemplar: exemplar !== undefined && !/^(false|no|0)$/i.test(exemplar),
    id: values.get('id') || null,
    others,
  };
}
