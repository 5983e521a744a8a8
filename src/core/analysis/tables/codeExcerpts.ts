import type { Scope, ScopedExcerpt } from './filters';
import type { Cell, Row, RowKind } from './table';

/** Looks up the excerpts of a code, directly or with its sub-codes rolled up. */
export interface CodeExcerpts {
  /** Excerpts coded with `id` itself, in corpus order. */
  direct(id: string): ScopedExcerpt[];
  /** Excerpts coded with `id` or any of its sub-codes in scope, each once, in corpus order. */
  rolled(id: string): ScopedExcerpt[];
  /** `rolled` when `rollup`, else `direct`. */
  of(id: string, rollup: boolean): ScopedExcerpt[];
}

/** Indexes the scope's excerpts by code, once per table. */
export function indexCodeExcerpts(scope: Scope): CodeExcerpts {
  const byCode = new Map<string, ScopedExcerpt[]>();
  for (const item of scope.excerpts) {
    for (const id of item.codes) {
      const list = byCode.get(id);
      if (list) list.push(item);
      else byCode.set(id, [item]);
    }
  }
  const direct = (id: string): ScopedExcerpt[] => byCode.get(id) ?? [];
  // Rolled-up lists are built once for every code, bottom-up (children before parents): a deep
  // hierarchy costs one pass, not one walk of a subtree per code.
  let rolledOf: Map<string, ScopedExcerpt[]> | null = null;
  const rolled = (id: string): ScopedExcerpt[] => {
    if (!rolledOf) {
      const built = new Map<string, ScopedExcerpt[]>();
      const order = scope.tree.ordered();
      for (let index = order.length - 1; index >= 0; index--) {
        const code = order[index]!.id;
        const found = new Set<ScopedExcerpt>(direct(code));
        for (const child of scope.tree.get(code)?.children ?? []) for (const item of built.get(child) ?? []) found.add(item);
        built.set(code, found.size === 0 ? [] : [...found].sort((a, b) => a.order - b.order));
      }
      rolledOf = built;
    }
    return rolledOf.get(id) ?? direct(id);
  };
  return { direct, rolled, of: (id, rollup) => (rollup ? rolled(id) : direct(id)) };
}

/** The label of a code row: `T1 Meaning of co-production`, or the id alone when the name repeats it. */
export function codeLabel(id: string, name: string | null): string {
  if (!name || name === id) return id;
  return `${id} ${name}`;
}

/**
 * A row for a code: label, colour and known flag from the scope's codebook;
 * a code missing from it is flagged `not-in-codebook` and labelled so. As of
 * a step, the row of codings merged later is flagged `not-separable` and the
 * rows of the codes it stands for `merged-later` (docs/codebook.md).
 */
export function codeRow(scope: Scope, id: string, depth: number, cells: Cell[], flags: string[] = [], kind: RowKind = 'code'): Row {
  const code = scope.tree.get(id);
  const known = code !== undefined;
  // As of a step: the row of codings merged later (not separable), and the rows of the codes merged.
  const merged = scope.step?.merged ?? [];
  if (merged.some((row) => row.id === id)) flags = ['not-separable', ...flags];
  else if (merged.some((row) => row.members.includes(id))) flags = ['merged-later', ...flags];
  return {
    key: id,
    label: known ? codeLabel(id, code.name) : `${id} (not in codebook)`,
    kind,
    depth,
    code: { id, name: code?.name ?? id, color: code?.color ?? null, known },
    flags: known ? flags : ['not-in-codebook', ...flags],
    cells,
  };
}
