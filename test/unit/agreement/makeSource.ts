import type { Excerpt, Source } from '../../../src/core/model';

/** A coding written compactly for tests: coder, codes, fragments as [start, end) code points. */
export interface TestCoding {
  coder: string | null;
  codes: string[];
  fragments: [number, number][];
}

/** Builds a parsed Source by hand, as the parser would give it, for agreement tests. */
export function makeSource(options: {
  id: string;
  text: string;
  codings: TestCoding[];
  coders?: string[];
  turns?: { speaker: string; start: number }[];
}): Source {
  const chars = [...options.text];
  const excerpts: Excerpt[] = options.codings.map((coding) => {
    const start = Math.min(...coding.fragments.map((f) => f[0]));
    const end = Math.max(...coding.fragments.map((f) => f[1]));
    return {
      sourceId: options.id,
      path: `${options.id}.md`,
      id: null,
      codes: coding.codes,
      coder: coding.coder,
      memo: null,
      exemplar: false,
      attributes: {},
      fragments: coding.fragments.map(([fragmentStart, fragmentEnd]) => ({
        kind: 'text' as const,
        start: fragmentStart,
        end: fragmentEnd,
        range: { startLine: 1, startColumn: 1, startOffset: 0, endLine: 1, endColumn: 1, endOffset: 0 },
        contentStartOffset: 0,
        contentEndOffset: 0,
      })),
      start,
      end,
      text: chars.slice(start, end).join(''),
      speaker: null,
      headings: [],
      line: 1,
    };
  });
  return {
    id: options.id,
    path: `${options.id}.md`,
    attributes: {},
    coders: options.coders ?? [],
    plainText: options.text,
    length: chars.length,
    excerpts,
    turns: (options.turns ?? []).map((turn) => ({ ...turn, line: 1 })),
    headings: [],
    diagnostics: [],
    eol: '\n',
    bom: false,
    writable: true,
    hash: '',
  };
}
