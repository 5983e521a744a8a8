import { mergeCodebooks } from './mergeCodebooks';
import type { CodebookResult, CodebookText, MergeOptions } from './mergeCodebooks';
import { parseCodebook } from './parseCodebook';

/**
 * Parses the texts of the configured codebook files and merges them in order
 * (see `parseCodebook`, `mergeCodebooks`). The diagnostics are those of every
 * file, given and extended, then those of merging. No texts yield an empty
 * codebook without diagnostics. Never throws.
 */
export function compileCodebook(texts: readonly CodebookText[], options: MergeOptions = {}): CodebookResult {
  const parsed = texts.map((source) => parseCodebook(source.text, source.path));
  const merged = mergeCodebooks(
    parsed.map((result) => result.file),
    options,
  );
  return {
    codebook: merged.codebook,
    diagnostics: [...parsed.flatMap((result) => result.diagnostics), ...merged.diagnostics],
  };
}
