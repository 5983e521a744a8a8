import { parseTranscriptWithMap } from '../syntax/parseTranscript';
import { codingSlots, slotValueKey, type CodingSlot } from './codingIdentity';
import { conflictMarkers, type ConflictLabels } from './conflictMarkers';
import { realiseCodings } from './realiseCodings';
import { stripCodings } from './stripCodings';

/** One excerpt both sides changed differently: same coder, same plain-text range. */
export interface CodingConflict {
  coder: string | null;
  /** Code-point offsets into the plain text. */
  start: number;
  end: number;
  /** The excerpt's plain text. */
  text: string;
}

/** Options of {@link mergeCodings}. */
export interface MergeCodingsOptions {
  /** Path used in the parse (source id, messages); default `transcript.md`. */
  path?: string;
  /** Labels of the conflict markers. */
  labels?: ConflictLabels;
}

/**
 * The outcome of a three-way coding merge: the merged text (with conflict
 * markers when `conflicts` is not empty), or why this merge does not apply
 * and the caller must merge the text another way (`git merge-file`).
 */
export type MergeCodingsResult =
  | { ok: true; text: string; conflicts: CodingConflict[] }
  | { ok: false; reason: string };

/**
 * Three-way merge of the codings of one transcript. When base, ours and
 * theirs have the same plain text, the result holds the base's codings plus
 * what each side added, minus what each side removed, written into the text
 * by the edit engine (codings of different coders on the same text nest side
 * by side). A coding is identified by its slot: coder and plain-text range;
 * its value is its codes, memo, exemplar mark and other attributes. A slot
 * both sides changed to different values is a conflict: the result keeps
 * every other merge and shows that excerpt's lines in conflict markers, ours
 * above, theirs below.
 *
 * Texts other than codings (front matter, formatting) may change on one side
 * (or the same way on both): the result is built on that side's text. Not ok,
 * with the reason, when the plain texts differ, both sides changed the
 * uncoded text differently, or the engine cannot write a coding. Never throws
 * for any text; a leading byte order mark is kept as the built-on side had it.
 */
export function mergeCodings(base: string, ours: string, theirs: string, options: MergeCodingsOptions = {}): MergeCodingsResult {
  const path = options.path ?? 'transcript.md';
  const sides = [base, ours, theirs].map((text) => {
    const bom = text.charCodeAt(0) === 0xfeff;
    const body = bom ? text.slice(1) : text;
    const parsed = parseTranscriptWithMap(body, { path, bom: false });
    return { bom, body, parsed };
  });
  const [b, o, t] = sides;
  if (o.parsed.source.plainText !== b.parsed.source.plainText || t.parsed.source.plainText !== b.parsed.source.plainText) {
    return { ok: false, reason: 'the plain texts differ' };
  }
  const [strippedBase, strippedOurs, strippedTheirs] = sides.map((side) => stripCodings(side.body, side.parsed));
  let built = o;
  if (strippedOurs === strippedBase && strippedTheirs !== strippedBase) built = t;
  else if (strippedOurs !== strippedBase && strippedTheirs !== strippedBase && strippedOurs !== strippedTheirs) {
    return { ok: false, reason: 'both sides changed the text outside the codings' };
  }

  const [baseSlots, ourSlots, theirSlots] = sides.map((side) => codingSlots(side.parsed.source.excerpts));
  const mergedOurs = new Map<string, CodingSlot>();
  const mergedTheirs = new Map<string, CodingSlot>();
  const conflicts: CodingConflict[] = [];
  for (const key of new Set([...baseSlots.keys(), ...ourSlots.keys(), ...theirSlots.keys()])) {
    const [was, mine, other] = [baseSlots, ourSlots, theirSlots].map((slots) => slots.get(key));
    const [wasKey, mineKey, otherKey] = [was, mine, other].map((slot) => slotValueKey(slot?.values ?? []));
    let pick = mine;
    let pickTheirs = mine;
    if (mineKey === wasKey) pick = pickTheirs = other;
    else if (otherKey !== wasKey && otherKey !== mineKey) {
      pickTheirs = other;
      const slot = (mine ?? other)!;
      conflicts.push({ coder: slot.coder, start: slot.start, end: slot.end, text: [...b.parsed.source.plainText].slice(slot.start, slot.end).join('') });
    }
    if (pick) mergedOurs.set(key, pick);
    if (pickTheirs) mergedTheirs.set(key, pickTheirs);
  }

  const prefix = built.bom ? '\ufeff' : '';
  const first = realiseCodings(built.body, path, mergedOurs, built.parsed);
  if (!first.ok) return { ok: false, reason: first.error };
  if (conflicts.length === 0) return { ok: true, text: prefix + first.text, conflicts };
  const second = realiseCodings(built.body, path, mergedTheirs, built.parsed);
  if (!second.ok) return { ok: false, reason: second.error };
  conflicts.sort((x, y) => x.start - y.start || x.end - y.end);
  return { ok: true, text: prefix + conflictMarkers(first.text, second.text, options.labels, built.parsed.source.eol), conflicts };
}
