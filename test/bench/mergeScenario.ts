import { prepareInsertion, type CodingRequest } from '../../src/core/edit/insertCodings';
import { stripCodings } from '../../src/core/merge/stripCodings';
import { parseTranscriptWithMap } from '../../src/core/syntax/parseTranscript';
import { generateTranscript } from './generateCorpus';

/** Three versions of one transcript for a coding merge: the base and two coders' branches. */
export interface MergeScenario {
  base: string;
  ours: string;
  theirs: string;
}

/**
 * A `size`-character interview without codings as the base, and two sides
 * where coders `pg` and `rk` each added `codings` codings (random stretches
 * of a turn, written in one pass by `insertCodings`; stretches it refuses are
 * skipped and others drawn). Deterministic for a given `next`.
 */
export function mergeScenario(size: number, codings: number, next: () => number): MergeScenario {
  const coded = generateTranscript(4242, { size, crlf: false, nonAscii: true, codingEvery: 300 }, next);
  const base = stripCodings(coded, parseTranscriptWithMap(coded, { path: 'merge.md', bom: false }));
  const length = parseTranscriptWithMap(base, { path: 'merge.md', bom: false }).source.length;
  const prepared = prepareInsertion(base);
  const side = (coder: string): string => {
    const requests: CodingRequest[] = [];
    for (let tries = 0; requests.length < codings && tries < codings * 50; tries++) {
      const start = Math.floor(next() * (length - 200));
      const request: CodingRequest = { start, end: start + 20 + Math.floor(next() * 150), codes: [next() < 0.5 ? 'T1' : 'M2'], coder };
      if (prepared([...requests, request]).ok) requests.push(request);
    }
    const result = prepared(requests);
    if (!result.ok) throw new Error(result.error);
    return result.text;
  };
  return { base, ours: side('pg'), theirs: side('rk') };
}
