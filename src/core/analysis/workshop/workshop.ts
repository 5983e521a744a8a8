/**
 * The data of a step-3 workshop file (docs/workshop.md): the candidate codes
 * put before the participants, each participant's poll votes and where they
 * placed each card (inner circle: most important; outer circle). Plain data:
 * every id keeps where it was written, so later checks can point at it.
 */
import type { Origin } from '../../model/codebook';
import type { Diagnostic } from '../../model/diagnostic';

/** A code id as written in the workshop file, with its position. */
export interface IdRef {
  id: string;
  origin: Origin;
}

/** One participant of the workshop. */
export interface WorkshopParticipant {
  /** Short id or initials, unique in the file (`L1`, `HS`). */
  id: string;
  /** Display name or role label, when given. */
  name: string | null;
  /** Candidate ids the participant voted for in the poll (each once). */
  votes: IdRef[];
  /** Candidate ids placed in the inner circle (most important). */
  inner: IdRef[];
  /** Candidate ids placed in the outer circle. */
  outer: IdRef[];
  notes: string | null;
  /** Where the participant's entry starts. */
  origin: Origin;
}

/** A workshop as read from its file. */
export interface Workshop {
  /** Path of the file, as given to the parser. */
  path: string;
  title: string | null;
  /** ISO date (YYYY-MM-DD), when given and well formed. */
  date: string | null;
  /** The analysis step the workshop was (`step3`), matched against the codebook history. */
  step: string | null;
  /** Most votes each participant had in the poll, when the file says so. */
  votesEach: number | null;
  /** The candidate codes on the cards, in the order written (each once). */
  candidates: IdRef[];
  participants: WorkshopParticipant[];
  notes: string | null;
}

/** A workshop file after parsing: what could be read, and the problems found. */
export interface ParsedWorkshop {
  workshop: Workshop;
  diagnostics: Diagnostic[];
}
