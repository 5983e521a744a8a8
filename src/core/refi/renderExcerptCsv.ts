import type { Source } from '../model/source';

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function attributeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => attributeText(item)).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const FIXED = ['source', 'path', 'line', 'speaker', 'coder', 'codes', 'exemplar', 'text', 'memo', 'start', 'end'];

/**
 * Every excerpt as one CSV row for R or Excel (RFC 4180: CRLF between
 * records, fields quoted when needed; UTF-8 text, no BOM): source id, path,
 * line, then one column per front-matter attribute of any source (in
 * first-seen order; lists joined by `; `), then speaker, coder, codes
 * (space-separated), exemplar, text, memo, start and end (code points into
 * the plain text, end exclusive). An attribute whose name is one of the fixed
 * columns gets the column `attribute:NAME`.
 */
export function renderExcerptCsv(sources: Source[]): string {
  const keys: string[] = [];
  for (const source of sources) for (const key of Object.keys(source.attributes)) if (!keys.includes(key)) keys.push(key);
  const header = ['source', 'path', 'line', ...keys.map((key) => (FIXED.includes(key) ? `attribute:${key}` : key)), ...FIXED.slice(3)];
  const rows = [header.map(csvField).join(',')];
  for (const source of sources) {
    const attributes = keys.map((key) => attributeText(source.attributes[key]));
    for (const excerpt of source.excerpts) {
      const fields = [
        source.id,
        source.path,
        String(excerpt.line),
        ...attributes,
        excerpt.speaker ?? '',
        excerpt.coder ?? '',
        excerpt.codes.join(' '),
        excerpt.exemplar ? 'true' : 'false',
        excerpt.text,
        excerpt.memo ?? '',
        String(excerpt.start),
        String(excerpt.end),
      ];
      rows.push(fields.map(csvField).join(','));
    }
  }
  return rows.join('\r\n') + '\r\n';
}
