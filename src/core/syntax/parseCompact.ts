import type { Diagnostic } from '../model/diagnostic';
import type { Source } from '../model/source';
import type { PlainTextMap } from './plainTextMap';
import { readTranscriptFacts } from './readTranscriptFacts';
import { compactSource, keepBuilt, type CompactSource } from './compactSource';
import { buildSource } from './parseTranscript';

/** What a file needs besides its text to be parsed (see `ParseOptions`). */
export interface CompactParseInput {
  /** Decoded text without byte order mark. */
  text: string;
  path: string;
  hash: string;
  bom: boolean;
  writable: boolean;
  diagnostics: Diagnostic[];
}

/** A parse in cacheable form, and whether the file tried to code anything at all. */
export interface CompactParse {
  compact: CompactSource;
  /** True when the file has a `code` directive, or a problem that shows it tried to write one. */
  codes: boolean;
  /** `compact` as JSON, when it crossed threads that way. */
  json?: string;
}

/** Problems that show a file tried to code something, so it is a transcript even without excerpts. */
const CODE_PROBLEMS = new Set(['malformed-directive', 'leaf-directive', 'unclosed-container']);

/**
 * Parses a transcript into its compact form (`restoreSource` rebuilds the
 * `Source` from it and the text): what worker threads send back, small and
 * quick to copy between threads, and what the cache stores. Restoring it on
 * this thread from the same text hands back the source built here (`keepBuilt`).
 */
export function parseCompact(input: CompactParseInput): CompactParse {
  const { source, map, codes } = parse(input);
  const compact = compactSource(source, map);
  keepBuilt(compact, source, input.text);
  return { compact, codes };
}

/** A parse kept on this thread: the source, the kept segments of its file text (`CompactSource.segments`), and `codes` as in `CompactParse`. */
export interface SourceParse {
  source: Source;
  segments: number[];
  codes: boolean;
}

/** Parses a transcript on this thread, without the compact form that crosses threads. */
export function parseSource(input: CompactParseInput): SourceParse {
  const { source, map, codes } = parse(input);
  return { source, segments: map.toSegments(), codes };
}

function parse(input: CompactParseInput): { source: Source; map: PlainTextMap; codes: boolean } {
  const facts = readTranscriptFacts(input.text);
  const { source, map } = buildSource(input.text, facts, input);
  // A file refused before parsing is a transcript when it mentions `:code` at all, so that its error is seen.
  const codes = facts.directives.length > 0 || facts.problems.some((problem) => CODE_PROBLEMS.has(problem.ruleId)) || (facts.refused && input.text.includes(':code'));
  return { source, map, codes };
}
