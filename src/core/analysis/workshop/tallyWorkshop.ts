import { codebookSteps } from '../../codebook/codebookAsOf';
import { stepView } from '../../codebook/stepView';
import type { Codebook } from '../../model/codebook';
import type { Diagnostic } from '../../model/diagnostic';
import { labeller, workshopChanges, type CodebookChange } from './workshopChanges';
import { spanOfRef } from './spanOfRef';
import type { Workshop } from './workshop';

/** The tally of one candidate card. */
export interface CandidateTally {
  id: string;
  /** Name as the codebook stood before the workshop's step (else now, else the candidate's note); the id when unknown. */
  name: string;
  /** False when neither the codebook nor its history knows the id. */
  known: boolean;
  /** Poll votes, and who gave them (participant ids, in file order). */
  votes: number;
  voters: string[];
  /** Participants who put the card in the inner circle (most important). */
  inner: number;
  innerBy: string[];
  /** Participants who put the card in the outer circle. */
  outer: number;
  outerBy: string[];
  /** Participants who placed the card in neither circle. */
  unplaced: number;
  unplacedBy: string[];
  /** 1 = most votes; ties broken by inner-circle placements; equal candidates share a rank (1, 2, 2, 4). */
  rank: number;
}

/** What one participant did. */
export interface ParticipantTally {
  id: string;
  name: string | null;
  votes: string[];
  inner: string[];
  outer: string[];
  /** Candidates the participant placed in neither circle, in candidate order. */
  unplaced: string[];
  notes: string | null;
}

/** The tallied workshop (the JSON of `mdqda workshop --format json`, docs/workshop.md). */
export interface WorkshopTally {
  title: string | null;
  date: string | null;
  step: string | null;
  /** The step whose codebook named the candidates (the one before `step`), when known. */
  candidatesFrom: string | null;
  participants: ParticipantTally[];
  /** Candidates in rank order (ties in the order written). */
  candidates: CandidateTally[];
  /** The codebook changes recorded for `step`. */
  changes: CodebookChange[];
  notes: string | null;
  /** How the rank is computed, and what the counts mean. */
  rules: string[];
}

/** The tally, with the diagnostics of checking the candidates against the codebook. */
export interface WorkshopTallyResult {
  tally: WorkshopTally;
  diagnostics: Diagnostic[];
}

/**
 * Tallies a parsed workshop: per candidate the poll votes, inner and outer
 * circle placements, who placed it and who did not, and a rank (votes, then
 * inner-circle placements; equal candidates share a rank); per participant
 * the candidates left unplaced; then the codebook changes recorded for the
 * workshop's step. With a codebook, a candidate that neither the codebook (as
 * it stood before the step, or now) nor its history knows is an
 * `unknown-candidate` warning at the place it is written, and a step the
 * history does not name is an `unknown-step` warning (no changes listed).
 */
export function tallyWorkshop(workshop: Workshop, codebook: Codebook | null = null): WorkshopTallyResult {
  const diagnostics: Diagnostic[] = [];
  let before: Codebook | null = null;
  let candidatesFrom: string | null = null;
  let changes: CodebookChange[] = [];
  if (codebook) {
    const steps = codebookSteps(codebook);
    const index = workshop.step === null ? -1 : steps.indexOf(workshop.step);
    if (workshop.step !== null && index < 0) {
      diagnostics.push({
        path: workshop.path,
        line: 1,
        column: 1,
        severity: 'warning',
        ruleId: 'unknown-step',
        message: `the codebook history records no step '${workshop.step}' (steps: ${steps.join(', ') || '(none)'}): no codebook changes to show`,
      });
    }
    if (index > 0) {
      candidatesFrom = steps[index - 1] ?? null;
      // The same reading of the step as the tables and the pack (`stepView`).
      before = candidatesFrom === null ? null : (stepView(codebook, candidatesFrom)?.codebook ?? null);
    }
    if (index >= 0 && workshop.step !== null) changes = workshopChanges(codebook, workshop.step);
  }
  const historyIds = new Set<string>();
  if (codebook) {
    for (const entry of [...codebook.history, ...[...codebook.codes.values()].flatMap((code) => code.history)]) {
      for (const id of [...entry.from, ...entry.to]) historyIds.add(id);
    }
  }
  const labelNow = codebook ? labeller(codebook) : (id: string) => id;
  const nameOf = (id: string): string => {
    const name = before?.codes.get(id)?.name ?? codebook?.codes.get(id)?.name;
    if (name !== undefined) return name;
    const label = labelNow(id);
    return label === id ? id : label.slice(id.length + 1);
  };

  const participants: ParticipantTally[] = workshop.participants.map((participant) => {
    const placed = new Set([...participant.inner, ...participant.outer].map((ref) => ref.id));
    return {
      id: participant.id,
      name: participant.name,
      votes: participant.votes.map((ref) => ref.id),
      inner: participant.inner.map((ref) => ref.id),
      outer: participant.outer.map((ref) => ref.id),
      unplaced: workshop.candidates.map((ref) => ref.id).filter((id) => !placed.has(id)),
      notes: participant.notes,
    };
  });

  const rows: CandidateTally[] = workshop.candidates.map((ref) => {
    const known = codebook === null || before?.codes.has(ref.id) === true || codebook.codes.has(ref.id) || historyIds.has(ref.id);
    if (!known) {
      diagnostics.push({
        path: workshop.path,
        ...spanOfRef(ref),
        severity: 'warning',
        ruleId: 'unknown-candidate',
        message: `candidate ${ref.id} is not a code of the codebook, now or in its history`,
      });
    }
    const voters = participants.filter((p) => p.votes.includes(ref.id)).map((p) => p.id);
    const innerBy = participants.filter((p) => p.inner.includes(ref.id)).map((p) => p.id);
    const outerBy = participants.filter((p) => p.outer.includes(ref.id)).map((p) => p.id);
    const unplacedBy = participants.filter((p) => p.unplaced.includes(ref.id)).map((p) => p.id);
    return {
      id: ref.id,
      name: nameOf(ref.id),
      known,
      votes: voters.length,
      voters,
      inner: innerBy.length,
      innerBy,
      outer: outerBy.length,
      outerBy,
      unplaced: unplacedBy.length,
      unplacedBy,
      rank: 0,
    };
  });
  const ordered = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.votes - a.row.votes || b.row.inner - a.row.inner || a.index - b.index)
    .map((item) => item.row);
  ordered.forEach((row, index) => {
    const previous = ordered[index - 1];
    row.rank = previous && previous.votes === row.votes && previous.inner === row.inner ? previous.rank : index + 1;
  });

  return {
    tally: {
      title: workshop.title,
      date: workshop.date,
      step: workshop.step,
      candidatesFrom,
      participants,
      candidates: ordered,
      changes,
      notes: workshop.notes,
      rules: [
        'Votes: participants who chose the candidate in the poll. Inner / outer: participants who placed its card in the inner circle (most important) or the outer circle; unplaced: neither.',
        'Rank: most votes first, ties broken by inner-circle placements; candidates equal on both share a rank.',
      ],
    },
    diagnostics,
  };
}
