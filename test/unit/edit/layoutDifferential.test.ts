import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import { document } from '../syntax/scannerModel';
import { readTranscriptLayout } from '../../../src/core/edit/transcriptLayout';
import { parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';
import { scanBlocks } from '../../../src/core/syntax/scan/scanTranscript';

/** The layout read with the scanner and from an mdast parse, or null when the scanner leaves the text to micromark. */
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

describe('edit layout from the transcript scanner against mdast (differential)', function () {
  this.timeout(120_000);

  it('gives the same blocks, text ranges, hazards, code blocks and fences for 5,000 random documents', () => {
    let scanned = 0;
    fc.assert(
      fc.property(document, (text) => {
        const found = layoutDifference(text);
        if (found === undefined) return;
        scanned++;
        if (found) throw new Error(found);
      }),
      { numRuns: 5_000, seed: 2026 },
    );
    assert.ok(scanned > 1_000, `the scanner laid out only ${scanned} documents itself`);
  });
});
