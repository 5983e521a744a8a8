import type { Code, Codebook } from '../../../src/core/model/codebook';
import type { Excerpt } from '../../../src/core/model/excerpt';
import type { Source } from '../../../src/core/model/source';

/** An excerpt to place in a hand-made source: the phrase it codes (first occurrence after `after`). */
export interface ExcerptSpec {
  phrase: string;
  codes: string[];
  coder?: string | null;
  memo?: string | null;
  exemplar?: boolean;
  speaker?: string | null;
  /** Search the phrase from this code-point offset on (default 0). */
  after?: number;
}

function codePointIndex(text: string, phrase: string, after: number): number {
  const chars = Array.from(text);
  const wanted = Array.from(phrase);
  for (let i = after; i + wanted.length <= chars.length; i += 1) {
    if (wanted.every((char, j) => chars[i + j] === char)) return i;
  }
  throw new Error(`test corpus: phrase ${JSON.stringify(phrase)} not found in ${JSON.stringify(text)}`);
}

/** Builds a parsed source by hand, as `parseTranscript` would return it. */
export function makeSource(
  id: string,
  plainText: string,
  specs: ExcerptSpec[],
  attributes: Record<string, unknown> = {},
  coders: string[] = [],
): Source {
  const excerpts: Excerpt[] = specs.map((spec, index) => {
    const start = codePointIndex(plainText, spec.phrase, spec.after ?? 0);
    const end = start + Array.from(spec.phrase).length;
    const range = { startLine: 1, startColumn: 1, startOffset: 0, endLine: 1, endColumn: 1, endOffset: 0 };
    return {
      sourceId: id,
      path: `${id}.md`,
      id: null,
      codes: spec.codes,
      coder: spec.coder ?? null,
      memo: spec.memo ?? null,
      exemplar: spec.exemplar ?? false,
      attributes: {},
      fragments: [{ kind: 'text', start, end, range, contentStartOffset: 0, contentEndOffset: 0 }],
      start,
      end,
      text: spec.phrase,
      speaker: spec.speaker ?? null,
      headings: [],
      line: index + 1,
    };
  });
  return {
    id,
    path: `${id}.md`,
    attributes,
    coders,
    plainText,
    length: Array.from(plainText).length,
    excerpts,
    turns: [],
    headings: [],
    diagnostics: [],
    eol: '\n',
    bom: false,
    writable: true,
    hash: id,
  };
}

/** A code as the codebook loader would return it; `parent` links are completed by {@link makeCodebook}. */
export type CodeSpec = Partial<Code> & { id: string };

/** Builds a codebook from flat code specs (parents before children), filling children and roots. */
export function makeCodebook(specs: CodeSpec[]): Codebook {
  const codes = new Map<string, Code>();
  const roots: string[] = [];
  for (const spec of specs) {
    const code: Code = {
      name: spec.id,
      description: null,
      color: null,
      parent: null,
      group: null,
      level: null,
      aliases: [],
      example: null,
      history: [],
      preset: null,
      extra: {},
      origin: null,
      ...spec,
      children: [],
    };
    codes.set(code.id, code);
    const parent = code.parent === null ? undefined : codes.get(code.parent);
    if (parent) parent.children.push(code.id);
    else roots.push(code.id);
  }
  return { codes, roots, history: [], citations: [], files: [] };
}

/** The small study most table tests share: three sources, two partnerships, two coders. */
export function smallStudy(): { sources: Source[]; codebook: Codebook } {
  const codebook = makeCodebook([
    { id: 'T1', name: 'Meaning', group: 'tensions', color: '#1f77b4' },
    { id: 'T1a', name: 'Unclear meaning', parent: 'T1', group: 'tensions' },
    { id: 'T1b', name: 'Funding', parent: 'T1', group: 'tensions' },
    { id: 'T2', name: 'Power', group: 'tensions', color: '#ff7f0e' },
    { id: 'T3', name: 'Unused tension', group: 'tensions' },
    { id: 'M1', name: 'Shared goals', group: 'mechanisms' },
    { id: 'M2', name: 'Trust', group: 'mechanisms' },
  ]);
  const s1 =
    'I: Tell me about it.\nP1: Nobody agrees what co-production means here. Money decides everything.\nP1: Academics see themselves as experts.';
  const s2 = 'P2: We never had the funding. The experts were the professors.';
  const s3 = 'P3: Power sits with the university and the money.';
  const sources = [
    makeSource(
      'S1',
      s1,
      [
        { phrase: 'Nobody agrees what co-production means here.', codes: ['T1a'], coder: 'ann', speaker: 'P1' },
        { phrase: 'Money decides everything.', codes: ['T1b'], coder: 'ann', speaker: 'P1', exemplar: true, memo: 'money again' },
        { phrase: 'Academics see themselves as experts.', codes: ['T2', 'M1'], coder: 'ann', speaker: 'P1' },
        { phrase: 'agrees what co-production means here.', codes: ['T1a'], coder: 'bob', speaker: 'P1' },
      ],
      { partnership: 'North', role: 'lead' },
      ['ann', 'bob'],
    ),
    makeSource(
      'S2',
      s2,
      [
        { phrase: 'We never had the funding.', codes: ['T1b'], coder: 'bob', speaker: 'P2', memo: 'compare with S1' },
        { phrase: 'The experts were the professors.', codes: ['T2'], coder: 'bob', speaker: 'P2' },
      ],
      { partnership: 'North', role: 'academic' },
      ['bob'],
    ),
    makeSource(
      'S3',
      s3,
      [
        { phrase: 'Power sits with the university', codes: ['T2', 'M2'], coder: 'ann', speaker: 'P3' },
        { phrase: 'the university and the money', codes: ['T1'], coder: 'ann', speaker: 'P3' },
        { phrase: 'money', codes: ['X9'], coder: 'ann', speaker: 'P3' },
      ],
      { partnership: 'South', role: 'lead' },
      ['ann'],
    ),
  ];
  return { sources, codebook };
}
