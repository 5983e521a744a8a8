import { mergeCodebooks } from './mergeCodebooks';
import type { CodebookResult, CodebookText, MergeOptions } from './mergeCodebooks';
import { parseCodebook } from './parseCodebook';
import type { Diagnostic } from '../model/diagnostic';

/** The rule of a codebook file that holds nothing at all (see `CodebookState`: read as one being written). */
export const EMPTY_CODEBOOK_RULE = 'empty-codebook';

/**
 * Parses the texts of the configured codebook files and merges them in order
 * (see `parseCodebook`, `mergeCodebooks`). The diagnostics are those of every
 * file, given and extended, then those of merging. No texts yield an empty
 * codebook without diagnostics. A file with nothing but white space in it gets
 * a warning (`empty-codebook`): it is more often one caught halfway through
 * being written than one meant to be empty. Never throws.
 */
export function compileCodebook(texts: readonly CodebookText[], options: MergeOptions = {}): CodebookResult {
  const parsed = texts.map((source) => parseCodebook(source.text, source.path));
  const merged = mergeCodebooks(
    parsed.map((result) => result.file),
    options,
  );
  const empty = texts.filter((source) => source.text.trim() === '').map(
    (source): Diagnostic => ({
      path: source.path,
      line: 1,
      column: 1,
      severity: 'warning',
      ruleId: EMPTY_CODEBOOK_RULE,
      message: `The codebook file ${source.path} is empty: no codes are read from it`,
    }),
  );
  return {
    codebook: merged.codebook,
    diagnostics: [...empty, ...parsed.flatMap((result) => result.diagnostics), ...merged.diagnostics],
  };
}
