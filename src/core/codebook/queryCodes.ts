import type { Codebook } from '../model/codebook';
import { codesDepthFirst } from './codesDepthFirst';

/**
 * Ids of the descendants of `id`, depth first in codebook order, `id`
 * itself excluded. An unknown id yields an empty list; a malformed hand-built
 * hierarchy with a cycle is walked once; any depth is walked iteratively.
 */
export function descendantsOf(codebook: Codebook, id: string): string[] {
  return codesDepthFirst(codebook, [id])
    .slice(1)
    .map((entry) => entry.id);
}

/** Ids of the ancestors of `id`, nearest first. An unknown id or a root yields an empty list. */
export function ancestorsOf(codebook: Codebook, id: string): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  let parent = codebook.codes.get(id)?.parent ?? null;
  while (parent !== null && !seen.has(parent) && codebook.codes.has(parent)) {
    seen.add(parent);
    out.push(parent);
    parent = codebook.codes.get(parent)!.parent;
  }
  return out;
}

/**
 * The group of a code: its own, else its nearest ancestor's; null when
 * neither has one or the id is unknown.
 */
export function groupOf(codebook: Codebook, id: string): string | null {
  for (const current of [id, ...ancestorsOf(codebook, id)]) {
    const group = codebook.codes.get(current)?.group ?? null;
    if (group !== null) return group;
  }
  return null;
}

/**
 * The group of every code, own or inherited from its nearest ancestor that
 * has one (null when none does), computed in one pass: a parent is met
 * before its children in depth-first order; a code of a malformed cycle
 * falls back to {@link groupOf}.
 */
export function groupsOfCodes(codebook: Codebook): Map<string, string | null> {
  const groups = new Map<string, string | null>();
  for (const { id } of codesDepthFirst(codebook)) {
    const code = codebook.codes.get(id)!;
    const parent = code.parent;
    const inherited = parent === null ? null : groups.has(parent) ? groups.get(parent)! : groupOf(codebook, parent);
    groups.set(id, code.group ?? inherited);
  }
  return groups;
}

/** Ids of the codes whose group, own or inherited, is `group` (exact match), in codebook order. */
export function codesInGroup(codebook: Codebook, group: string): string[] {
  const groups = groupsOfCodes(codebook);
  return [...codebook.codes.keys()].filter((id) => groups.get(id) === group);
}

/**
 * The id of the code that `idOrAlias` names: the code with that id, else the
 * first code (in codebook order) with that alias. Undefined when none does.
 * Matching is exact (case-sensitive), like the classes in the markup.
 */
export function resolveCodeId(codebook: Codebook, idOrAlias: string): string | undefined {
  if (codebook.codes.has(idOrAlias)) return idOrAlias;
  for (const code of codebook.codes.values()) {
    if (code.aliases.includes(idOrAlias)) return code.id;
  }
  return undefined;
}
