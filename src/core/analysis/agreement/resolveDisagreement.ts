import type { CodeRangeRequest } from '../../edit/codeRange';
import type { Disagreement } from './agreementReport';
import type { CoderCodings } from './codingsAt';

/**
 * How the team settles a disagreement: take one coder's coding of the stretch,
 * keep every coder's codes, or record that it was discussed (with a memo).
 */
export type Resolution =
  | { kind: 'accept'; coder: string }
  | { kind: 'keepBoth' }
  | { kind: 'discussed'; memo: string };

/** The consensus coding to write, or a one-line reason why the choice cannot be written. */
export type ResolutionOutcome = { ok: true; request: CodeRangeRequest } | { ok: false; message: string };

/** Default `by=` of consensus codings (the `markdownQda.consensusCoder` setting). */
export const DEFAULT_CONSENSUS_CODER = 'consensus';

const CODER_NAME = /^[A-Za-z0-9_.@-]+$/;

/**
 * Turns a disagreement and the team's choice into the consensus coding of its
 * stretch (code points `start`–`end`), coded `by=consensus`:
 * - `accept` a coder: that coder's codes over the stretch (`codings`); refused
 *   when the coder coded nothing there (mark it discussed instead, with a memo
 *   saying why it stays as it is);
 * - `keepBoth`: every compared coder's codes over the stretch, in the order of `codings`;
 * - `discussed`: the disputed code, with the memo (trimmed; must not be empty).
 * Refused when `consensus` is not a coder name (letters, digits, `_ . @ -`) or
 * is one of the compared coders (the consensus would change the figures).
 */
export function resolveDisagreement(
  disagreement: Disagreement,
  codings: readonly CoderCodings[],
  resolution: Resolution,
  consensus: string = DEFAULT_CONSENSUS_CODER,
): ResolutionOutcome {
  if (!CODER_NAME.test(consensus)) {
    return { ok: false, message: `'${consensus}' is not a coder name for consensus codings (letters, digits, _ . @ -)` };
  }
  const compared = [...disagreement.coders, ...disagreement.others];
  if (compared.includes(consensus)) {
    return { ok: false, message: `the consensus coder '${consensus}' is one of the compared coders; choose another name for consensus codings` };
  }
  const base = { start: disagreement.start, end: disagreement.end, coder: consensus };
  if (resolution.kind === 'accept') {
    if (!compared.includes(resolution.coder)) {
      return { ok: false, message: `'${resolution.coder}' is not a coder of this disagreement (${compared.join(', ')})` };
    }
    const codes = codings.find((entry) => entry.coder === resolution.coder)?.codes ?? [];
    if (codes.length === 0) {
      return { ok: false, message: `${resolution.coder} coded nothing here; mark it discussed, with a memo, to leave it uncoded` };
    }
    return { ok: true, request: { ...base, codes: [...codes], memo: null } };
  }
  if (resolution.kind === 'keepBoth') {
    const codes: string[] = [];
    for (const coding of codings) {
      if (compared.includes(coding.coder)) for (const code of coding.codes) if (!codes.includes(code)) codes.push(code);
    }
    if (!codes.includes(disagreement.code)) codes.push(disagreement.code);
    return { ok: true, request: { ...base, codes, memo: null } };
  }
  const memo = resolution.memo.trim();
  if (memo === '') return { ok: false, message: 'write a memo saying what the discussion decided' };
  return { ok: true, request: { ...base, codes: [disagreement.code], memo } };
}

/**
 * Whether a disagreement is settled: a consensus coding (an excerpt of
 * `consensus`, given as code-point fragments) overlaps its stretch. Resolving
 * one disagreement settles the others of the same stretch (other codes).
 */
export function isResolved(disagreement: Pick<Disagreement, 'start' | 'end'>, consensusFragments: readonly { start: number; end: number }[]): boolean {
  return consensusFragments.some((fragment) => Math.min(fragment.end, disagreement.end) > Math.max(fragment.start, disagreement.start));
}

/** A stable key of a disagreement: source, stretch and code. */
export function disagreementKey(disagreement: Pick<Disagreement, 'source' | 'start' | 'end' | 'code'>): string {
  return `${disagreement.source}:${disagreement.start}-${disagreement.end}:${disagreement.code}`;
}
