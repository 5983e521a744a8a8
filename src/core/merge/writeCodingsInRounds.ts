import { codeRange, type CodeRangeEdits, type CodeRangeRequest } from '../edit/codeRange';
import { composeEdits } from '../edit/composeEdits';
import type { TextEdit } from '../edit/textEdit';
import { shiftLayout } from '../edit/shiftLayout';
import { layoutOf, type TranscriptLayout } from '../edit/transcriptLayout';
import { verifyEdits } from '../edit/verifyEdits';
import type { ParsedTranscript } from '../syntax/parseTranscript';
import type { CodingSlot } from './codingIdentity';

/** One coding to write: the slot (coder and range) it must read back as, and the request for the edit engine. */
export interface CodingAddition {
  slot: CodingSlot;
  request: CodeRangeRequest;
  /**
   * What `codeRange` gave for this request on the text and layout the rounds
   * start from, when the caller has planned it already (`verify: false`):
   * taken as it is in the first round when it is written in one piece (no
   * fragment `id=` to choose), instead of being planned again.
   */
  planned?: CodeRangeEdits;
}

/**
 * Writes the additions in rounds: each round reads the layout once, computes
 * the edits of every addition that neither touches the plain range nor the
 * edited file span of one already taken in the round (each written in fragments
 * gets its own fresh `id=`), applies them together and checks them with
 * one parse (plain text unchanged, no new markup problem). Additions left out
 * wait for the next round, so a round always writes at least one. Only the
 * first round reads the Markdown structure; the next ones move it by the
 * edits (`shiftLayout`) unless a round wrote a container. Undefined
 * when the engine refuses or misplaces a coding, or a check fails: the caller
 * then writes them one by one. The additions are in the order to try them
 * (by start, longer first, reads best). `edits` are the exact edits of the
 * original text that give the result (the rounds composed). `firstLayout` is
 * the layout of `text` when the caller has read it already.
 */
export function writeCodingsInRounds(
  text: string,
  parsed: ParsedTranscript,
  additions: readonly CodingAddition[],
  firstLayout?: TranscriptLayout,
): { text: string; parsed: ParsedTranscript; edits: TextEdit[] } | undefined {
  const original = text;
  let edits: TextEdit[] = [];
  let pending = additions;
  let layout: TranscriptLayout | undefined = firstLayout;
  let firstRound = firstLayout !== undefined;
  while (pending.length > 0) {
    layout ??= layoutOf(text, parsed);
    const taken: { plainStart: number; plainEnd: number; fileStart: number; fileEnd: number; edits: TextEdit[] }[] = [];
    let container = false;
    const later: CodingAddition[] = [];
    const used = new Set(parsed.facts.directives.map((fact) => fact.attributes.id));
    let nextId = 1;
    const fragmentId = (): string => {
      while (used.has(`x${nextId}`)) nextId++;
      return `x${nextId}`;
    };
    for (const addition of pending) {
      const { slot } = addition;
      if (taken.some((other) => other.plainStart <= slot.end && slot.start <= other.plainEnd)) {
        later.push(addition);
        continue;
      }
      const reuse = firstRound && addition.planned?.pieces === 1;
      const id = reuse ? '' : fragmentId();
      const result = reuse && addition.planned ? addition.planned : codeRange(text, parsed, addition.request, { layout, verify: false, fragmentId: id });
      if (!result.ok || result.start !== slot.start || result.end !== slot.end || result.edits.length === 0) return undefined;
      const fileStart = Math.min(...result.edits.map((edit) => edit.start));
      const fileEnd = Math.max(...result.edits.map((edit) => edit.end));
      if (taken.some((other) => other.fileStart <= fileEnd && fileStart <= other.fileEnd)) {
        later.push(addition);
        continue;
      }
      if (!reuse && result.edits.some((edit) => edit.newText.includes(id))) used.add(id);
      taken.push({ plainStart: slot.start, plainEnd: slot.end, fileStart, fileEnd, edits: result.edits });
      if (result.kind === 'container') container = true;
    }
    taken.sort((a, b) => a.fileStart - b.fileStart);
    const round = taken.flatMap((item) => item.edits);
    const check = verifyEdits(text, parsed.source, round);
    if (!check.ok) return undefined;
    edits = composeEdits(original, edits, round);
    layout = container || later.length === 0 ? undefined : shiftLayout(layout, round, check.text, check.parsed);
    text = check.text;
    parsed = check.parsed;
    pending = later;
    firstRound = false;
  }
  return { text, parsed, edits };
}
