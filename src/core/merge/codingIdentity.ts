import type { Excerpt } from '../model/excerpt';

/** What a coding says about its text: its codes, memo, exemplar mark and other attributes. */
export interface CodingValue {
  /** Code ids, sorted (the order classes are written in carries no meaning). */
  codes: string[];
  memo: string | null;
  exemplar: boolean;
  /** Attributes other than class, id, by, memo and exemplar, sorted by name. */
  attributes: [string, string][];
}

/** The excerpts of one coder on one stretch of plain text: the unit the merge compares. */
export interface CodingSlot {
  coder: string | null;
  /** Code-point offsets into the plain text (the excerpt's first fragment start, last fragment end). */
  start: number;
  end: number;
  /** What the excerpts there say, one value per excerpt, in a canonical order. */
  values: CodingValue[];
}

/**
 * The key of a slot: coder and plain-text range. Two codings with the same
 * key are "the same excerpt" to the merge; their values are compared.
 */
export function slotKey(coder: string | null, start: number, end: number): string {
  return JSON.stringify([coder, start, end]);
}

/** The canonical value of an excerpt (the `id=` of its fragments is left out: it only joins them). */
export function codingValueOf(excerpt: Excerpt): CodingValue {
  return {
    codes: [...excerpt.codes].sort(),
    memo: excerpt.memo,
    exemplar: excerpt.exemplar,
    attributes: Object.entries(excerpt.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

/** A string that is equal for two slots exactly when their values are equal. */
export function slotValueKey(values: readonly CodingValue[]): string {
  return JSON.stringify(values.map((value) => JSON.stringify(value)).sort());
}

/**
 * The codings of a transcript by slot (coder and range), each slot with the
 * values of its excerpts. An empty list gives an empty map.
 */
export function codingSlots(excerpts: readonly Excerpt[]): Map<string, CodingSlot> {
  const slots = new Map<string, CodingSlot>();
  for (const excerpt of excerpts) {
    const key = slotKey(excerpt.coder, excerpt.start, excerpt.end);
    let slot = slots.get(key);
    if (!slot) {
      slot = { coder: excerpt.coder, start: excerpt.start, end: excerpt.end, values: [] };
      slots.set(key, slot);
    }
    slot.values.push(codingValueOf(excerpt));
  }
  for (const slot of slots.values()) slot.values.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return slots;
}
