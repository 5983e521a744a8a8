/** An element to write: attributes in written order, then text or children. */
export interface XmlNode {
  name: string;
  attributes?: [string, string | number | boolean | null | undefined][];
  /** Character content (written instead of children when set). */
  text?: string;
  children?: XmlNode[];
}

// XML 1.0 allows tab, LF, CR and these ranges; anything else cannot be written at all.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text made writable in XML 1.0: characters XML cannot carry become U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '\ufffd');
}

/** Escapes character content; CR is written as `&#13;` so parsers do not turn CRLF into LF. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an attribute value (quotes, and tab/LF/CR as references, which attribute normalisation would change). */
export function escapeXmlAttribute(text: string): string {
  return xmlSafe(text).replace(/[&<>"\t\n\r]/g, (char) => ATTRIBUTE_REFERENCES[char]);
}

const ATTRIBUTE_REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Writes an XML document: the declaration, then the tree indented by two
 * spaces per level, LF line ends. Attributes whose value is null or
 * undefined are left out. Deterministic: the same tree gives the same bytes.
 */
export function renderXml(root: XmlNode): string {
  const lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  const write = (node: XmlNode, depth: number) => {
    const indent = '  '.repeat(depth);
    const attributes = (node.attributes ?? [])
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
      .join('');
    if (node.text !== undefined) {
      lines.push(`${indent}<${node.name}${attributes}>${escapeXmlText(node.text)}</${node.name}>`);
    } else if (!node.children || node.children.length === 0) {
      lines.push(`${indent}<${node.name}${attributes}/>`);
    } else {
      lines.push(`${indent}<${node.name}${attributes}>`);
      for (const child of node.children) write(child, depth + 1);
      lines.push(`${indent}</${node.name}>`);
    }
  };
  write(root, 0);
  return lines.join('\n') + '\n';
}
