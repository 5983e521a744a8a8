/**
 * The workshop resource pack of analysis step 3 as data: one card per
 * candidate code, computed once by `buildPack` and rendered to Markdown,
 * printable HTML or JSON. Plain data only (no Maps, no functions).
 */
import type { Quote, TableProblem } from '../tables/table';

/** Excerpts and sources counted in one column (`--by` value or source). */
export interface PackCount {
  key: string;
  label: string;
  excerpts: number;
  sources: number;
}

/** A sub-code listed on a card, with what it counts (its own sub-codes rolled up). */
export interface PackSubCode {
  id: string;
  name: string;
  description: string | null;
  /** 1 for a child of the candidate, 2 for a grandchild… */
  depth: number;
  excerpts: number;
  sources: number;
}

/** Another candidate that shares coded text with this one. */
export interface PackRelated {
  id: string;
  name: string;
  /** Excerpts of this card that share at least one character with a coding of the other candidate. */
  excerpts: number;
}

/** One card: a candidate code as the codebook stood after the step. */
export interface PackCard {
  id: string;
  name: string;
  description: string | null;
  color: string | null;
  example: string | null;
  /** Excerpts coded with the candidate or its sub-codes (each once), distinct sources, coders who coded them. */
  excerpts: number;
  sources: number;
  coders: string[];
  /** Counts per column of the pack, in column order. */
  columns: PackCount[];
  /** Exemplar quotes first, then the most typical excerpts by the tables' rule. */
  quotes: Quote[];
  subCodes: PackSubCode[];
  /** Codes of today's codebook counted on the card because they were created after the step (renamed, split, merged or added later). */
  countedThrough: string[];
  /**
   * Cards whose counts cannot be told apart from this one: on the card of a
   * merged row (`TC4 + TC5 + TC6`), the candidates it stands for; on such a
   * candidate's card, the merged row's card. Empty otherwise.
   */
  notSeparable: string[];
  /** Other candidates sharing coded text with this one, most first; none listed with 0. */
  related: PackRelated[];
  /** Questions for the workshop discussion, worded from the numbers above. */
  prompts: string[];
}

/** The resource pack (the JSON of `mdqda pack --format json`, docs/workshop.md). */
export interface ResourcePack {
  title: string;
  /** Code group the candidates come from. */
  group: string;
  /** The step whose codebook gave the candidates; null for the current codebook. */
  step: string | null;
  /** `source` or the attribute the columns split by. */
  by: string;
  columns: { key: string; label: string }[];
  /** Every coder with an excerpt in scope, sorted. */
  coders: string[];
  /** Number of sources in scope. */
  sources: number;
  cards: PackCard[];
  /** Rules the numbers and quotes follow, filters applied. */
  notes: string[];
}

/** A pack, or null when an error made it impossible, with the problems found. */
export interface PackResult {
  pack: ResourcePack | null;
  problems: TableProblem[];
}
