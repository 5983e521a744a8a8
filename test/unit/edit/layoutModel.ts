/**
 * The edit layout read two ways, for the layout's differential test
 * (layoutDifferential.test.ts) and `npm run fuzz:parser`: from the transcript
 * scanner's block record and from an mdast parse.
 */
import { isDeepStrictEqual } from 'node:util';
import { readTranscriptLayout } from '../../../src/core/edit/transcriptLayout';
import { parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';
import { scanBlocks } from '../../../src/core/syntax/scan/scanTranscript';

/**
 * Null when the scanner's layout of `text` equals the one read from mdast,
 * undefined when the scanner leaves `text` to micromark (nothing to compare),
 * else the document and the fields that differ.
 */
export function layoutDifference(text: string): string | null | undefined {
  if (!scanBlocks(text)) return undefined;
  const parsed = parseTranscriptWithMap(text, { path: 'random.md', bom: false });
  if (parsed.facts.refused) return undefined;
  const scanned = readTranscriptLayout(text, parsed.facts, parsed.map, 'scanner');
  const expected = readTranscriptLayout(text, parsed.facts, parsed.map, 'micromark');
  const fields = (['textBlocks', 'flowBlocks', 'hazards', 'literalBlocks', 'fences'] as const).filter((key) => !isDeepStrictEqual(scanned[key], expected[key]));
  if (fields.length === 0) return null;
  return [
    `the scanner and mdast give this document different layouts: ${JSON.stringify(text)}`,
    ...fields.map((key) => `  ${key}: mdast   ${JSON.stringify(expected[key])}\n  ${' '.repeat(key.length)}  scanner ${JSON.stringify(scanned[key])}`),
  ].join('\n');
}
