import type { Source } from '../model/source';
import { parseTranscriptWithMap, type ParsedTranscript } from '../syntax/parseTranscript';
import { applyTextEdits, type TextEdit } from './textEdit';

/** The outcome of checking edits: the parse after them, or what went wrong. */
export type VerifyResult = { ok: true; text: string; parsed: ParsedTranscript } | { ok: false; error: string };

/** Rules whose new appearance means an edit broke the markup. */
const BREAKING_WARNINGS = new Set(['malformed-directive', 'fragment-mismatch', 'no-codes', 'empty-excerpt']);

/**
 * Applies edits to a transcript's text (without byte order mark) and parses
 * the result: the edits pass when the plain text is unchanged character for
 * character and no new error (nor a new malformed-directive, empty-excerpt,
 * no-codes or fragment-mismatch warning) appears. This is the last guard of
 * the plain-text invariant (SPEC §3): an edit that fails it is never written.
 */
export function verifyEdits(text: string, before: Source, edits: readonly TextEdit[]): VerifyResult {
  const after = applyTextEdits(text, edits);
  const parsed = parseTranscriptWithMap(after, { path: before.path, bom: before.bom, writable: before.writable });
  if (parsed.source.plainText !== before.plainText) {
    const plain = parsed.source.plainText;
    let index = 0;
    while (index < plain.length && plain[index] === before.plainText[index]) index++;
    return { ok: false, error: `the edit would change the plain text at character ${index}` };
  }
  const count = (source: Source) => {
    const counts = new Map<string, number>();
    for (const diagnostic of source.diagnostics) {
      if (diagnostic.severity === 'error' || BREAKING_WARNINGS.has(diagnostic.ruleId)) {
        counts.set(diagnostic.ruleId, (counts.get(diagnostic.ruleId) ?? 0) + 1);
      }
    }
    return counts;
  };
  const was = count(before);
  for (const [rule, number] of count(parsed.source)) {
    if (number > (was.get(rule) ?? 0)) return { ok: false, error: `the edit would add a \`${rule}\` problem` };
  }
  return { ok: true, text: after, parsed };
}
