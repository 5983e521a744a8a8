/**
 * The id `rootId` and the ids of all its descendants, given each code's
 * parent id. A descendant in `keep` is left out with its own descendants
 * (default: none). Cycle-safe and iterative; linear in the number of links.
 */
export function collectSubtree(
  rootId: string,
  links: Iterable<{ id: string; parent: string | null }>,
  keep: ReadonlySet<string> = new Set(),
): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const { id, parent } of links) {
    if (parent === null) continue;
    const siblings = childrenOf.get(parent);
    if (siblings) siblings.push(id);
    else childrenOf.set(parent, [id]);
  }
  const subtree = new Set([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    for (const child of childrenOf.get(stack.pop()!) ?? []) {
      if (subtree.has(child) || keep.has(child)) continue;
      subtree.add(child);
      stack.push(child);
    }
  }
  return subtree;
}
