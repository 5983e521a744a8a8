import type { Codebook } from '../model/codebook';

/** A code in depth-first order, with its depth below the code the walk started from. */
export interface CodeAtDepth {
  id: string;
  depth: number;
}

/**
 * The codes of a codebook in depth-first codebook order, each after its
 * parent and before its next sibling, with its depth. By default the walk
 * starts from the roots, then from codes whose parent is missing, then from
 * any code not reached yet (a hand-built hierarchy with a cycle), all at
 * depth 0; given `starts`, it walks only from those (unknown ids skipped).
 * Each code is listed once. Iterative: a hierarchy of any depth is walked
 * without growing the call stack.
 */
export function codesDepthFirst(codebook: Codebook, starts?: readonly string[]): CodeAtDepth[] {
  const order: CodeAtDepth[] = [];
  const seen = new Set<string>();
  const walkFrom = (start: string): void => {
    const stack: CodeAtDepth[] = [{ id: start, depth: 0 }];
    while (stack.length > 0) {
      const { id, depth } = stack.pop()!;
      const code = codebook.codes.get(id);
      if (!code || seen.has(id)) continue;
      seen.add(id);
      order.push({ id, depth });
      for (let index = code.children.length - 1; index >= 0; index--) stack.push({ id: code.children[index]!, depth: depth + 1 });
    }
  };
  if (starts) {
    for (const id of starts) walkFrom(id);
    return order;
  }
  for (const root of codebook.roots) walkFrom(root);
  for (const code of codebook.codes.values()) {
    if (!seen.has(code.id) && (code.parent === null || !codebook.codes.has(code.parent))) walkFrom(code.id);
  }
  for (const code of codebook.codes.values()) walkFrom(code.id);
  return order;
}
