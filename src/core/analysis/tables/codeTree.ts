import { codesDepthFirst } from '../../codebook/codesDepthFirst';
import { descendantsOf, groupsOfCodes, resolveCodeId } from '../../codebook/queryCodes';
import type { Code, Codebook } from '../../model/codebook';

import type { CodeAtDepth } from '../../codebook/codesDepthFirst';

export type { CodeAtDepth } from '../../codebook/codesDepthFirst';

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
  /** Whether `id` is `ancestor` or one of its descendants (both resolved; unknown ids: only when equal). Constant time. */
  isWithin(id: string, ancestor: string): boolean;
  /** Whether some descendant of `id` passes `test`, stopping at the first that does. */
  someDescendant(id: string, test: (descendant: string) => boolean): boolean;
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
 * each code is visited once, iteratively, so any depth is fine.
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

  const order: CodeAtDepth[] = codesDepthFirst(codebook);
  // In depth-first order a code's descendants directly follow it: its subtree is the range [position, end).
  const ids = order.map((entry) => entry.id);
  const position = new Map(ids.map((id, index) => [id, index]));
  const end = new Array<number>(order.length).fill(order.length);
  const open: number[] = [];
  order.forEach((entry, index) => {
    while (open.length > 0 && order[open[open.length - 1]!]!.depth >= entry.depth) end[open.pop()!] = index;
    open.push(index);
  });
  const rangeOf = (id: string): [number, number] | undefined => {
    const at = position.get(resolve(id));
    return at === undefined ? undefined : [at, end[at]!];
  };
  const groups = groupsOfCodes(codebook);
  const groupOfCode = (id: string): string | null => groups.get(resolve(id)) ?? null;

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
    descendantsOf: (id) => {
      const range = rangeOf(id);
      return range ? ids.slice(range[0] + 1, range[1]) : descendantsOf(codebook, resolve(id));
    },
    isWithin: (id, ancestor) => {
      const at = position.get(resolve(id));
      const range = rangeOf(ancestor);
      return resolve(id) === resolve(ancestor) || (at !== undefined && range !== undefined && range[0] <= at && at < range[1]);
    },
    someDescendant: (id, test) => {
      const range = rangeOf(id);
      if (!range) return false;
      for (let index = range[0] + 1; index < range[1]; index++) if (test(ids[index]!)) return true;
      return false;
    },
    ordered: () => order.slice(),
    inGroup,
    groups: groupNames,
  };
}
