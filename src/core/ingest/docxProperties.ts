import { readZip } from '../refi/readZip';
import { decodeXmlReferences } from '../refi/readXml';

/** Title and date of a Word file's core properties (`docProps/core.xml`). */
export interface DocxProperties {
  title: string | null;
  /** `dcterms:created` (else `dcterms:modified`) as `YYYY-MM-DD`. */
  date: string | null;
}

function element(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  const value = match ? decodeXmlReferences(match[1]).trim() : '';
  return value.length > 0 ? value : null;
}

/**
 * Reads the title and creation date of a .docx from its core properties.
 * Missing, unreadable or odd properties give nulls; never throws.
 */
export function readDocxProperties(bytes: Uint8Array): DocxProperties {
  const zip = readZip(bytes, { maxEntryBytes: 1024 * 1024 });
  const core = zip.ok ? zip.read('docProps/core.xml') : null;
  if (!core?.ok) return { title: null, date: null };
  const xml = new TextDecoder().decode(core.data);
  const stamp = element(xml, 'dcterms:created') ?? element(xml, 'dcterms:modified');
  const date = stamp && /^\d{4}-\d{2}-\d{2}/.test(stamp) ? stamp.slice(0, 10) : null;
  return { title: element(xml, 'dc:title'), date };
}
