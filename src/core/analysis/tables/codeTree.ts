import { descendantsOf, groupOf, resolveCodeId } from '../../codebook/queryCodes';
import type { Code, Codebook } from '../../model/codebook';

/** A code in depth-first codebook order, with its depth below the first code listed. */
export interface CodeAtDepth {
  id: string;
  depth: number;
}

/** Hierarchy queries over one codebook, computed once. */
export interface CodeTree {
  /** The code with this id or alias, or undefined when the codebook lacks it. */
  get(id: string): Code | undefined;
  /** The canonical id of `id` (an alias resolves to its code); unknown ids come back unchanged. */
  resolve(id: string): string;
  /** Whether `id` (or an alias) names a code of the codebook. */
  has(id: string): boolean;
  /** The group of a code, inherited from its nearest ancestor that sets one; null when none does. */
  groupOf(id: string): string | null;
  /** Ids of every descendant of `id` (not `id` itself), in codebook order. */
  descendantsOf(id: string): string[];
  /** Every code in depth-first codebook order, roots at depth 0. */
  ordered(): CodeAtDepth[];
  /**
   * The codes of `group` in depth-first order; depth counts from the group's
   * top codes (a code whose parent is outside the group is at depth 0).
   */
  inGroup(group: string): CodeAtDepth[];
  /** Every group named in the codebook, in codebook order. */
  groups(): string[];
}

/**
 * Builds the hierarchy queries of a codebook on the codebook module's
 * queries, adding codebook order with depths and a cache for alias lookups.
 * A broken hierarchy (a parent that does not exist, a cycle) never loops:
 * each code is visited once.
 */
export function buildCodeTree(codebook: Codebook): CodeTree {
  const resolved = new Map<string, string>();
  const resolve = (id: string): string => {
    let found = resolved.get(id);
    if (found === undefined) {
      found = resolveCodeId(codebook, id) ?? id;
      resolved.set(id, found);
    }
    return found;
  };
  const get = (id: string): Code | undefined => codebook.codes.get(resolve(id));

  const order: CodeAtDepth[] = [];
  const seen = new Set<string>();
  const visit = (id: string, depth: number): void => {
    const code = codebook.codes.get(id);
    if (!code || seen.has(id)) return;
    seen.add(id);
    order.push({ id, depth });
    for (const child of code.children) visit(child, depth + 1);
  };
  for (const root of codebook.roots) visit(root, 0);
  for (const code of codebook.codes.values()) {
    if (!seen.has(code.id) && (code.parent === null || !codebook.codes.has(code.parent))) visit(code.id, 0);
  }
  for (const code of codebook.codes.values()) visit(code.id, 0);

  const groups = new Map<string, string | null>();
  const groupOfCode = (id: string): string | null => {
    const key = resolve(id);
    if (!groups.has(key)) groups.set(key, groupOf(codebook, key));
    return groups.get(key) ?? null;
  };

  const inGroup = (group: string): CodeAtDepth[] => {
    const members = order.filter((entry) => groupOfCode(entry.id) === group);
    const memberIds = new Set(members.map((entry) => entry.id));
    const depths = new Map<string, number>();
    return members.map((entry) => {
      const parent = codebook.codes.get(entry.id)?.parent ?? null;
      const depth = parent !== null && memberIds.has(parent) ? (depths.get(parent) ?? 0) + 1 : 0;
      depths.set(entry.id, depth);
      return { id: entry.id, depth };
    });
  };

  const groupNames = (): string[] => {
    const names: string[] = [];
    for (const entry of order) {
      const group = groupOfCode(entry.id);
      if (group !== null && !names.includes(group)) names.push(group);
    }
    return names;
  };

  return {
    get,
    resolve,
    has: (id) => get(id) !== undefined,
    groupOf: groupOfCode,
    descendantsOf: (id) => descendantsOf(codebook, resolve(id)),
    ordered: () => order.slice(),
    inGroup,
    groups: groupNames,
  };
}
