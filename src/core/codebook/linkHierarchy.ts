import type { Code, Origin } from '../model/codebook';
import type { Diagnostic } from '../model/diagnostic';
import type { Reference } from './codebookFile';
import { diagnosticAt as at } from './diagnosticAt';
import { nearestIds } from './nearestCodeIds';

/** A merged code before its hierarchy is checked. */
export interface UnlinkedCode {
  /** The code; `parent`, `children` and `group` are filled in by `linkHierarchy`. `group` holds the code's own group. */
  code: Code;
  /** The parent id asked for (nesting or `parent:`), if any. */
  parentId: string | null;
  /** Where the parent was asked for. */
  parentOrigin: Origin | null;
  /** The aliases as written, with where. */
  aliases: Reference[];
}

/** The linked codes and root ids. */
export interface LinkedCodes {
  codes: Map<string, Code>;
  roots: string[];
}

/**
 * Links parents and children, checks the hierarchy and the aliases, and
 * fills in inherited groups. Pushes to `diagnostics`:
 * `unknown-parent` (the code becomes a root), `hierarchy-cycle` (the last
 * code of the cycle in codebook order becomes a root), `alias-conflict`
 * (an alias equal to another code's id or alias; the alias is left out).
 * Codes keep their order; children and roots follow it.
 */
export function linkHierarchy(unlinked: UnlinkedCode[], diagnostics: Diagnostic[]): LinkedCodes {
  const byId = new Map(unlinked.map((item) => [item.code.id, item]));
  const order = new Map(unlinked.map((item, index) => [item.code.id, index]));
  const parentOf = new Map<string, string | null>();

  for (const item of unlinked) {
    const wanted = item.parentId;
    if (wanted !== null && !byId.has(wanted)) {
      const near = nearestIds([...byId.keys()], wanted, 3);
      const hint = near.length > 0 ? `; did you mean ${near.map((id) => `\`${id}\``).join(', ')}?` : '';
      diagnostics.push(
        at(item.parentOrigin ?? item.code.origin, 'error', 'unknown-parent', `Code ${item.code.id} has an unknown parent \`${wanted}\`${hint}`),
      );
    }
    parentOf.set(item.code.id, wanted !== null && byId.has(wanted) ? wanted : null);
  }

  breakCycles(unlinked, parentOf, order, diagnostics);

  const codes = new Map<string, Code>();
  const roots: string[] = [];
  for (const item of unlinked) {
    const parent = parentOf.get(item.code.id) ?? null;
    codes.set(item.code.id, { ...item.code, parent, children: [], aliases: [] });
    if (parent === null) roots.push(item.code.id);
  }
  for (const code of codes.values()) {
    if (code.parent !== null) codes.get(code.parent)!.children.push(code.id);
  }
  // Groups flow down from the roots; iterative, so a hierarchy of any depth is linked.
  const pending: [string, string | null][] = roots.map((root): [string, string | null] => [root, null]).reverse();
  while (pending.length > 0) {
    const [id, group] = pending.pop()!;
    const code = codes.get(id)!;
    code.group = code.group ?? group;
    for (let index = code.children.length - 1; index >= 0; index--) pending.push([code.children[index]!, code.group]);
  }

  checkAliases(unlinked, codes, diagnostics);
  return { codes, roots };
}

/** Finds each cycle of `parentOf`, reports it once, and cuts it at its last code in codebook order. */
function breakCycles(
  unlinked: UnlinkedCode[],
  parentOf: Map<string, string | null>,
  order: Map<string, number>,
  diagnostics: Diagnostic[],
): void {
  const settled = new Set<string>();
  for (const item of unlinked) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null = item.code.id;
    while (current !== null && !settled.has(current)) {
      if (onPath.has(current)) {
        const cycle = path.slice(path.indexOf(current));
        const last = cycle.reduce((a, b) => (order.get(a)! > order.get(b)! ? a : b));
        const start = cycle.indexOf(last);
        const shown = [...cycle.slice(start), ...cycle.slice(0, start), last].reverse();
        const cut = unlinked[order.get(last)!]!;
        diagnostics.push(
          at(
            cut.parentOrigin ?? cut.code.origin,
            'error',
            'hierarchy-cycle',
            `The hierarchy has a cycle (${shown.join(' → ')}, each the parent of the next); ${last} is treated as a root`,
          ),
        );
        parentOf.set(last, null);
        break;
      }
      onPath.add(current);
      path.push(current);
      current = parentOf.get(current) ?? null;
    }
    for (const id of path) settled.add(id);
  }
}

function checkAliases(unlinked: UnlinkedCode[], codes: Map<string, Code>, diagnostics: Diagnostic[]): void {
  const aliasOwner = new Map<string, string>();
  for (const item of unlinked) {
    const code = codes.get(item.code.id)!;
    for (const alias of item.aliases) {
      if (alias.value === code.id || code.aliases.includes(alias.value)) continue;
      const clash = codes.has(alias.value)
        ? `the id of code ${alias.value}`
        : aliasOwner.has(alias.value)
          ? `already an alias of code ${aliasOwner.get(alias.value)}`
          : null;
      if (clash !== null) {
        diagnostics.push(at(alias.origin, 'error', 'alias-conflict', `Alias \`${alias.value}\` of code ${code.id} is ${clash}`));
        continue;
      }
      aliasOwner.set(alias.value, code.id);
      code.aliases.push(alias.value);
    }
  }
}
