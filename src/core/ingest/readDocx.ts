import { readZip } from '../refi/readZip';
import { assembleTurns, dropLeadingText, inlineText, type HeadingUnit, type TranscriptUnit } from './assembleTurns';
import { readDocxProperties } from './docxProperties';
import { findDate } from './findDate';
import { readMammothHtml, type HtmlElement, type HtmlNode } from './mammothHtml';
import { parseTimestamp } from './timestamps';
import type { Inline, IngestedTranscript } from './transcriptModel';
import { readTurnHeader } from './turnHeader';

/** A transcript read from a Word file, or why none could be read. */
export type DocxReadResult = { ok: true; transcript: IngestedTranscript } | { ok: false; error: string };

/** Largest `word/document.xml` read (uncompressed bytes). */
const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Whether an OLE compound file holds an encrypted Office package (a password-protected .docx). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const pattern = Array.from(name).flatMap((char) => [char.charCodeAt(0), 0]);
  outer: for (let at = 0; at + pattern.length <= bytes.length; at++) {
    for (let index = 0; index < pattern.length; index++) if (bytes[at + index] !== pattern[index]) continue outer;
    return true;
  }
  return false;
}

/** Why `bytes` cannot be a .docx, or null when it looks like one. */
function refusal(bytes: Uint8Array): string | null {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return isEncryptedPackage(bytes)
      ? 'the Word file is password-protected: remove the password in Word (File › Info › Protect Document) and save it again'
      : 'an old binary Word file (.doc): open it in Word or LibreOffice and save it as .docx';
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'not a Word .docx file (not a zip archive)';
  const zip = readZip(bytes, { maxEntryBytes: MAX_DOCUMENT_BYTES, maxTotalBytes: MAX_DOCUMENT_BYTES });
  if (!zip.ok) return `a damaged Word file: ${zip.problems[0]?.reason ?? 'not a readable zip archive'}`;
  const main = zip.entries.find((entry) => entry.name === 'word/document.xml');
  if (!main) return 'not a Word .docx file (no word/document.xml inside)';
  if (main.size > MAX_DOCUMENT_BYTES) return `the document text is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB uncompressed`;
  return null;
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'blockquote', 'div']);

/** The runs of an inline subtree; `<br />` becomes a `\n` run. */
function collectInlines(nodes: HtmlNode[], style: { bold: boolean; italic: boolean }, out: Inline[], counts: Counts): Inline[] {
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text.length > 0) out.push({ text: node.text, ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}) });
    } else if (node.tag === 'br') {
      out.push({ text: '\n' });
    } else if (node.tag === 'img') {
      counts.images++;
    } else if (!BLOCK_TAGS.has(node.tag)) {
      const bold = style.bold || node.tag === 'strong' || node.tag === 'b';
      const italic = style.italic || node.tag === 'em' || node.tag === 'i';
      collectInlines(node.children, { bold, italic }, out, counts);
    }
  }
  return out;
}

/** Splits runs at `\n` runs into lines. */
function splitLines(inlines: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const inline of inlines) {
    const parts = inline.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part.length > 0) lines[lines.length - 1].push({ ...inline, text: part });
    });
  }
  return lines;
}

interface Counts {
  images: number;
  headerRows: number;
}

/**
 * The unit of one line of a Word paragraph: a bold run ending with a colon
 * (`**Name:**` or `**Name**:`) names the speaker; else a text header
 * (`Name  0:03`, `[Name] 11:02:09`, `Name (00:01:23):`, `Name:`).
 */
function paragraphUnit(inlines: Inline[]): TranscriptUnit {
  const lead = inlines.findIndex((inline) => inline.text.trim().length > 0);
  if (lead >= 0 && inlines[lead].bold) {
    let boldEnd = lead;
    while (boldEnd < inlines.length && inlines[boldEnd].bold) boldEnd++;
    const before = inlineText(inlines.slice(0, lead)).length;
    const boldText = inlineText(inlines.slice(lead, boldEnd));
    const after = inlineText(inlines.slice(boldEnd));
    const inside = /^\s*([^:\n]{1,60}?)\s*:\s*$/u.exec(boldText);
    const outside = inside ? null : /^\s*:\s*/.exec(after);
    const name = inside ? inside[1] : outside && /^\s*[^:\n]{1,60}\s*$/u.test(boldText) ? boldText.trim() : null;
    if (name && name.split(/\s+/).length <= 6) {
      const consumed = before + boldText.length + (inside ? (/^\s*/.exec(after)?.[0].length ?? 0) : (outside?.[0].length ?? 0));
      return { kind: 'unit', speaker: name.trim(), inlines: dropLeadingText(inlines, consumed), join: 'paragraph' };
    }
  }
  const text = inlineText(inlines);
  const header = readTurnHeader(text);
  if (header?.strength === 'strong') return { kind: 'unit', speaker: header.speaker, time: header.time, inlines: dropLeadingText(inlines, header.length), join: 'paragraph' };
  if (header?.speaker) return { kind: 'unit', inlines, weakLabel: { speaker: header.speaker, length: header.length }, join: 'paragraph' };
  return { kind: 'unit', inlines, join: 'paragraph' };
}

function elementsOf(element: HtmlElement, tag: string): HtmlElement[] {
  return element.children.filter((child): child is HtmlElement => child.type === 'element' && child.tag === tag);
}

function cellText(cell: HtmlElement, counts: Counts): string {
  return inlineText(collectInlines(cell.children.flatMap((child) => (child.type === 'element' && child.tag === 'p' ? [...child.children, { type: 'text' as const, text: ' ' }] : [child])), { bold: false, italic: false }, [], counts)).trim();
}

/** Header words of a speaker column. */
const SPEAKER_HEADER = /^(speaker|name|person|who|sprecher(in)?|person|locuteur|intervenant|hablante|orador|spreker|talare)$/i;

/**
 * Units of a table that is a transcript: columns speaker | text, or
 * time | speaker | text (a column of timestamps). Null when the table is not
 * one (other column counts, or long first-column cells).
 */
function tableUnits(table: HtmlElement, counts: Counts): TranscriptUnit[] | null {
  const rows = [...elementsOf(table, 'tr'), ...elementsOf(table, 'thead').flatMap((part) => elementsOf(part, 'tr')), ...elementsOf(table, 'tbody').flatMap((part) => elementsOf(part, 'tr'))];
  const grid = rows.map((row) => row.children.filter((child): child is HtmlElement => child.type === 'element' && (child.tag === 'td' || child.tag === 'th')));
  if (grid.length === 0 || grid.some((cells) => cells.length !== grid[0].length) || (grid[0].length !== 2 && grid[0].length !== 3)) return null;
  const texts = grid.map((cells) => cells.map((cell) => cellText(cell, { images: 0, headerRows: 0 })));
  let start = 0;
  const columns = grid[0].length;
  const timeColumn = columns === 3 ? [0, 1, 2].find((column) => texts.slice(1).every((row) => row[column] === '' || parseTimestamp(row[column].replace(/^\[|\]$/g, '')) !== null)) : undefined;
  if (columns === 3 && timeColumn === undefined) return null;
  const rest = [0, 1, 2].slice(0, columns).filter((column) => column !== timeColumn);
  const [speakerColumn, textColumn] = rest;
  if (texts.length > 0 && SPEAKER_HEADER.test(texts[0][speakerColumn])) {
    start = 1;
    counts.headerRows++;
  }
  if (texts.slice(start).some((row) => row[speakerColumn].length > 60 || row[speakerColumn].split(/\s+/).length > 6)) return null;
  const units: TranscriptUnit[] = [];
  for (const [index, cells] of grid.entries()) {
    if (index < start) continue;
    const speaker = texts[index][speakerColumn].replace(/\s*:$/, '') || null;
    const time = timeColumn === undefined ? null : parseTimestamp(texts[index][timeColumn].replace(/^\[|\]$/g, ''));
    const paragraphs = cells[textColumn].children.filter((child): child is HtmlElement => child.type === 'element');
    let first = true;
    for (const paragraph of paragraphs.length > 0 ? paragraphs : [cells[textColumn]]) {
      for (const line of splitLines(collectInlines(paragraph.children, { bold: false, italic: false }, [], counts))) {
        units.push({ kind: 'unit', inlines: line, join: 'paragraph', ...(first ? { speaker, time } : {}) });
        first = false;
      }
    }
    if (first) units.push({ kind: 'unit', inlines: [], join: 'paragraph', speaker, time });
  }
  return units;
}

function walk(nodes: HtmlNode[], units: (TranscriptUnit | HeadingUnit)[], counts: Counts, depth: number): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text.trim()) units.push({ kind: 'unit', inlines: [{ text: node.text }], join: 'paragraph' });
      continue;
    }
    const heading = /^h([1-6])$/.exec(node.tag);
    if (heading) {
      const lines = splitLines(collectInlines(node.children, { bold: false, italic: false }, [], counts));
      units.push({ kind: 'heading', depth: Number(heading[1]), inlines: lines.flatMap((line, index) => (index > 0 ? [{ text: ' ' }, ...line] : line)) });
    } else if (node.tag === 'p') {
      for (const line of splitLines(collectInlines(node.children, { bold: false, italic: false }, [], counts))) units.push(paragraphUnit(line));
    } else if (node.tag === 'ul' || node.tag === 'ol') {
      for (const item of elementsOf(node, 'li')) {
        const own = item.children.filter((child) => child.type === 'text' || !['ul', 'ol'].includes(child.tag));
        const inlines = collectInlines(own.flatMap((child) => (child.type === 'element' && child.tag === 'p' ? [...child.children, { type: 'text' as const, text: '\n' }] : [child])), { bold: false, italic: false }, [], counts);
        const text = splitLines(inlines).filter((line) => inlineText(line).trim()).flatMap((line, index) => (index > 0 ? [{ text: ' ' }, ...line] : line));
        units.push({ kind: 'unit', inlines: text, join: 'paragraph', list: { ordered: node.tag === 'ol', depth } });
        walk(item.children.filter((child) => child.type === 'element' && ['ul', 'ol'].includes(child.tag)), units, counts, depth + 1);
      }
    } else if (node.tag === 'table') {
      const turns = tableUnits(node, counts);
      if (turns) units.push(...turns);
      else walk(node.children, units, counts, depth);
    } else if (BLOCK_TAGS.has(node.tag) || node.tag === '#root') {
      walk(node.children, units, counts, depth);
    } else {
      const inlines = collectInlines([node], { bold: false, italic: false }, [], counts);
      for (const line of splitLines(inlines)) units.push(paragraphUnit(line));
    }
  }
}

/**
 * Reads a Word `.docx` transcript with mammoth (images are not read, external
 * files never): headings, paragraphs, lists, bold and italics; speakers from a
 * bold label ending with a colon, from text headers, or from a table of
 * speaker | text (time | speaker | text) rows. The title comes from the core
 * properties; the date from the text above the first turn, else the core
 * properties. A `.doc`, a password-protected, damaged or non-Word file is
 * an error naming the cause; never throws.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocxReadResult> {
  const refused = refusal(bytes);
  if (refused) return { ok: false, error: refused };
  const counts: Counts = { images: 0, headerRows: 0 };
  let html: string;
  try {
    // Loaded on first use: initialising mammoth costs every CLI command and the extension's activation ~0.1 s.
    const { default: mammoth } = await import('mammoth');
    // mammoth reads a Node Buffer (its `arrayBuffer` input is for browsers); this one shares the bytes.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => {
          counts.images++;
          return { src: '' };
        }),
      },
    );
    html = result.value;
  } catch (error) {
    return { ok: false, error: `a damaged Word file: ${(error as Error).message.split('\n')[0]}` };
  }
  const units: (TranscriptUnit | HeadingUnit)[] = [];
  walk(readMammothHtml(html).children, units, counts, 0);
  const properties = readDocxProperties(bytes);
  // A date written above the first turn (a transcription service's header) says when the interview was; the core property says when the file was made.
  const firstTurn = units.findIndex((unit) => unit.kind === 'unit' && (unit.speaker || unit.weakLabel));
  const preamble = units.slice(0, firstTurn < 0 ? 20 : Math.min(firstTurn, 20)).map((unit) => inlineText(unit.inlines)).join('\n');
  const skipped: string[] = [];
  if (counts.images > 0) skipped.push(`${counts.images} image${counts.images === 1 ? '' : 's'}`);
  if (counts.headerRows > 0) skipped.push(`${counts.headerRows} table header row${counts.headerRows === 1 ? '' : 's'}`);
  return { ok: true, transcript: { title: properties.title, date: findDate(preamble) ?? properties.date, blocks: assembleTurns(units), skipped } };
}
