import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element read from XML: local name (prefix removed), attributes, children, text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The concatenated character content directly inside the element. */
  text: string;
}

/** The result of `readXml`: the root element (or null) and what was odd. */
export interface XmlReadResult {
  root: XmlElement | null;
  /** The namespace of the root element (its default `xmlns` or that of its prefix), if declared. */
  namespace: string | null;
  problems: string[];
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces the five predefined entities and numeric character references; any other `&name;` stays as written. */
export function decodeXmlReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[body] ?? whole;
  });
}

/** Removes a document type declaration (with its internal subset) so that nothing it declares is ever read. */
function withoutDoctype(xml: string): { xml: string; removed: boolean } {
  const start = xml.indexOf('<!DOCTYPE');
  if (start < 0) return { xml, removed: false };
  let depth = 0;
  for (let at = start + 9; at < xml.length; at++) {
    const char = xml[at];
    if (char === '[') depth++;
    else if (char === ']') depth--;
    else if (char === '>' && depth <= 0) return { xml: xml.slice(0, start) + xml.slice(at + 1), removed: true };
  }
  return { xml: xml.slice(0, start), removed: true };
}

type OrderedNode = Record<string, unknown>;

/** A private-use character that stands in for a CR in character data while the parser runs. */
const CR_STAND_IN = '\ue00d';
const CR_STAND_IN_ALL = /\ue00d/g;

/**
 * Replaces each CR in character data (outside tags, in runs that are not
 * only white space) with `CR_STAND_IN`: the
 * parser turns CRLF into LF everywhere, and a tool that wrote raw CRLF in
 * `PlainTextContent` counted its positions on the text with the CRs. CRs
 * inside tags (line breaks between attributes) are left alone.
 */
function standInForTextCr(xml: string): string {
  let result = '';
  let run = '';
  let inTag = false;
  let quote = '';
  // White space between elements stays as it is (outside the root element it must stay white space).
  const flush = () => {
    result += /\S/.test(run) ? run.replace(/\r/g, CR_STAND_IN) : run;
    run = '';
  };
  for (const char of xml) {
    if (inTag) {
      if (quote) {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '>') inTag = false;
      result += char;
    } else if (char === '<') {
      flush();
      inTag = true;
      result += char;
    } else run += char;
  }
  flush();
  return result;
}

/**
 * Reads untrusted XML into a small element tree. A DOCTYPE is removed before
 * parsing (reported): no DTD, external entity or entity declaration is ever
 * read or expanded; only the five predefined entities and character references
 * are decoded; line ends in text are kept as written (no CRLF → LF
 * normalisation). Namespace prefixes are dropped from names. Malformed XML gives
 * `root: null` and the parser's message. Never throws.
 */
export function readXml(input: string): XmlReadResult {
  const problems: string[] = [];
  let { xml, removed } = withoutDoctype(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  if (removed) problems.push('the XML has a DOCTYPE declaration: it was ignored (no DTD or entity is read)');
  xml = xml.replace(/^\s+/, '');
  const keepCr = xml.includes('\r') && !xml.includes(CR_STAND_IN);
  if (keepCr) xml = standInForTextCr(xml);
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) return { root: null, namespace: null, problems: [...problems, `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`] };
  let ordered: OrderedNode[];
  try {
    const parser = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      removeNSPrefix: false,
      processEntities: false,
      htmlEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      cdataPropName: '#cdata',
      commentPropName: '#comment',
    });
    ordered = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    return { root: null, namespace: null, problems: [...problems, `not well-formed XML: ${(error as Error).message}`] };
  }
  const rootNode = ordered.find((node) => elementName(node) !== null);
  if (!rootNode) return { root: null, namespace: null, problems: [...problems, 'the XML has no root element'] };
  const qualified = elementName(rootNode) as string;
  const attributes = (rootNode[':@'] ?? {}) as Record<string, string>;
  const prefix = qualified.includes(':') ? qualified.slice(0, qualified.indexOf(':')) : null;
  const namespaceAttribute = prefix ? attributes[`xmlns:${prefix}`] : attributes.xmlns;
  return { root: toElement(rootNode), namespace: namespaceAttribute !== undefined ? decodeXmlReferences(namespaceAttribute) : null, problems };
}

function elementName(node: OrderedNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key[0] !== '#') return key;
  return null;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function toElement(node: OrderedNode): XmlElement {
  const qualified = elementName(node) as string;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries((node[':@'] ?? {}) as Record<string, unknown>)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    attributes[localName(key)] = decodeXmlReferences(String(value));
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[qualified] ?? []) as OrderedNode[]) {
    // Line ends are kept as written (XML would read a literal CRLF as LF): a tool on Windows that
    // writes PlainTextContent with raw CRLF counts positions on the text with its CRs.
    if ('#text' in child) text += decodeXmlReferences(String(child['#text'])).replace(CR_STAND_IN_ALL, '\r');
    else if ('#cdata' in child) text += ((child['#cdata'] ?? []) as OrderedNode[]).map((part) => String(part['#text'] ?? '')).join('').replace(CR_STAND_IN_ALL, '\r');
    else if (elementName(child) !== null) children.push(toElement(child));
  }
  return { name: localName(qualified), attributes, children, text };
}

/** The children of `element` with local name `name`. */
export function childrenNamed(element: XmlElement | null | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((child) => child.name === name) : [];
}

/** The first child of `element` with local name `name`, if any. */
export function childNamed(element: XmlElement | null | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => child.name === name);
}
