import { zipSync } from 'fflate';

/** A selection to put in a crafted package: positions as the file gives them, one code by index. */
export interface CraftedSelection {
  start: number;
  end: number;
  /** Index of the code (`codeGuid(index)`, named `S<index>`). */
  code: number;
}

/** GUIDs for crafted packages: `craftedGuid(1)` → `00000000-0000-4000-8000-000000000001`. */
export function craftedGuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The GUID of the n-th selection of `craftPackage`. */
export function selectionGuid(n: number): string {
  return craftedGuid(100_000 + n);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A `.qdpx` built in memory: one text source `t` (its text in
 * `sources/t.txt`, UTF-8), codes `S0`…`S<codes-1>` and the selections, each
 * coded by user `pg` with its code. `origin` defaults to `Markdown QDA`, so
 * positions are read as code points; `entries` adds or replaces entries.
 */
export function craftPackage(text: string | Uint8Array, selections: CraftedSelection[], options: { codes?: number; origin?: string; entries?: Record<string, Uint8Array> } = {}): Uint8Array {
  const codeCount = options.codes ?? Math.max(1, ...selections.map((selection) => selection.code + 1));
  const codes = Array.from({ length: codeCount }, (_, index) => `<Code guid="${craftedGuid(1000 + index)}" name="S${index}" isCodable="true"/>`).join('');
  const selectionXml = selections
    .map((selection, index) => `<PlainTextSelection guid="${selectionGuid(index)}" startPosition="${selection.start}" endPosition="${selection.end}" creatingUser="${craftedGuid(1)}"><Coding guid="${craftedGuid(200_000 + index)}" creatingUser="${craftedGuid(1)}"><CodeRef targetGUID="${craftedGuid(1000 + selection.code)}"/></Coding></PlainTextSelection>`)
    .join('');
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="crafted" origin="${escapeXml(options.origin ?? 'Markdown QDA')}"><Users><User guid="${craftedGuid(1)}" name="pg"/></Users><CodeBook><Codes>${codes}</Codes></CodeBook><Sources><TextSource guid="${craftedGuid(2)}" name="t" plainTextPath="internal://t.txt">${selectionXml}</TextSource></Sources></Project>\n`;
  const encoder = new TextEncoder();
  return zipSync({ 'project.qde': encoder.encode(xml), 'sources/t.txt': typeof text === 'string' ? encoder.encode(text) : text, ...options.entries });
}
