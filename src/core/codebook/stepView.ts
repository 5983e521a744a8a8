import type { Code, Codebook } from '../model/codebook';
import { codebookAsOf } from './codebookAsOf';
import { stepLineage } from './stepLineage';

/** One row for step codes that a later code merged: their codings since then cannot be told apart. */
export interface MergedLater {
  /** The row's id: the step codes joined with ` + ` (`TC4 + TC5 + TC6`), never a valid code id. */
  id: string;
  /** The step codes it stands for, in the step codebook's order. */
  members: string[];
  /** Today's codes counted in the row, in codebook order. */
  written: string[];
  /** The top ones of `written` (those whose parent is not also counted in the row): `T4`. */
  into: string[];
}

/** Today's codings read as of an earlier step of the codebook history (docs/codebook.md, "Counting as of a step"). */
export interface StepView {
  step: string;
  /**
   * The codebook as it stood after the step (`codebookAsOf`), plus one code per
   * {@link MergedLater} row, placed after the last of its members under their
   * common parent (a root when they have none) and in their common group.
   */
  codebook: Codebook;
  /**
   * The code of `codebook` that codings written today under `id` (an id of
   * the current codebook, aliases resolved) count for: the id itself when it
   * existed at the step; the old id of a renamed code; the code a later code
   * was split from; the {@link MergedLater} row of a code made by merging
   * several step codes; for a code added later, what its parent counts for;
   * null for a code of today's codebook with no counterpart at the step. An id
   * neither codebook knows comes back unchanged (an unknown code).
   */
  countFor(id: string): string | null;
  merged: MergedLater[];
}

/** The separator of the ids in a {@link MergedLater} row id. */
export const MERGED_SEPARATOR = ' + ';

/**
 * How today's codings count as of `step` (one definition for every table,
 * the resource pack and the workshop tally). Undefined when no history entry
 * names the step. The input is not changed.
 */
export function stepView(codebook: Codebook, step: string): StepView | undefined {
  const asOf = codebookAsOf(codebook, step);
  if (!asOf) return undefined;
  const lineage = stepLineage(codebook, asOf);
  const rank = new Map([...asOf.codes.keys()].map((id, index) => [id, index]));
  const merged = new Map<string, MergedLater>();
  const counted = new Map<string, string | null>();
  for (const code of codebook.codes.values()) {
    const at = lineage(code.id).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    if (at.length <= 1) {
      counted.set(code.id, at[0] ?? null);
      continue;
    }
    const id = at.join(MERGED_SEPARATOR);
    const row = merged.get(id) ?? { id, members: at, written: [], into: [] };
    merged.set(id, row);
    row.written.push(code.id);
    counted.set(code.id, id);
  }
  for (const row of merged.values()) {
    row.into = row.written.filter((id) => {
      const parent = codebook.codes.get(id)?.parent ?? null;
      return parent === null || counted.get(parent) !== row.id;
    });
  }
  return {
    step,
    codebook: withMergedRows(asOf, [...merged.values()]),
    countFor: (id) => (counted.has(id) ? counted.get(id)! : id),
    merged: [...merged.values()],
  };
}

/** A copy of `codebook` with one code per merged row, after the last of its members. */
function withMergedRows(codebook: Codebook, rows: MergedLater[]): Codebook {
  if (rows.length === 0) return codebook;
  const after = new Map<string, Code[]>();
  const codes = new Map<string, Code>();
  for (const code of codebook.codes.values()) codes.set(code.id, { ...code, children: [...code.children] });
  const roots = [...codebook.roots];
  for (const row of rows) {
    const members = row.members.map((id) => codes.get(id)!);
    const common = <T>(pick: (code: Code) => T): T | null => (members.every((code) => pick(code) === pick(members[0]!)) ? pick(members[0]!) : null);
    const parent = common((code) => code.parent);
    const code: Code = {
      id: row.id,
      name: `(merged later into ${row.into.join(', ')}; not separable)`,
      description: `Excerpts coded ${row.written.join(', ')}: ${row.members.join(', ')} were merged later, and these codings cannot be split back among them.`,
      color: null,
      parent,
      children: [],
      group: common((code) => code.group),
      level: common((code) => code.level),
      aliases: [],
      example: null,
      history: [],
      preset: null,
      extra: {},
      origin: null,
    };
    const last = row.members[row.members.length - 1]!;
    after.set(last, [...(after.get(last) ?? []), code]);
    const siblings = parent === null ? roots : codes.get(parent)!.children;
    const position = Math.max(...row.members.map((id) => siblings.indexOf(id)));
    siblings.splice(position < 0 ? siblings.length : position + 1, 0, row.id);
  }
  const ordered = new Map<string, Code>();
  for (const code of codes.values()) {
    ordered.set(code.id, code);
    for (const extra of after.get(code.id) ?? []) ordered.set(extra.id, extra);
  }
  return { ...codebook, codes: ordered, roots };
}

/**
 * Sentences for the notes of a table or pack as of a step: the merged rows
 * and what they hold, the codes counted through the code they came from, and
 * the codes not counted. `used` are today's codes of the excerpts counted
 * (aliases resolved); only those are described. Empty when nothing was mapped.
 */
export function describeStepView(view: StepView, used: Iterable<string>): string[] {
  const through = new Map<string, string[]>();
  const absent: string[] = [];
  const rows = new Map<string, string[]>();
  for (const id of new Set(used)) {
    const at = view.countFor(id);
    if (at === null) absent.push(id);
    else if (view.merged.some((row) => row.id === at)) rows.set(at, [...(rows.get(at) ?? []), id]);
    else if (at !== id) through.set(at, [...(through.get(at) ?? []), id]);
  }
  const notes: string[] = [];
  for (const row of view.merged) {
    const used = rows.get(row.id);
    if (!used) continue;
    const written = row.written.filter((id) => used.includes(id));
    notes.push(
      `${row.id}: excerpts coded ${written.join(', ')} after ${row.members.join(', ')} were merged into ${row.into.join(', ')}; codings written under an id a later step created cannot be split back among the codes it merged, so they count in this one row, and ${row.members.join(', ')} count only what was coded with them directly.`,
    );
  }
  if (through.size > 0) {
    const list = [...through].map(([at, ids]) => `${ids.join(', ')} for ${at}`).join('; ');
    notes.push(`Codes created after ${view.step} count for the code they came from (a renamed code for its old id, a code split off or added later for its source or parent): ${list}.`);
  }
  if (absent.length > 0) notes.push(`Not counted: ${absent.join(', ')}, created after ${view.step} with no counterpart then.`);
  return notes;
}
