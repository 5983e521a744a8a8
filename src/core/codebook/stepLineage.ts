import type { Codebook } from '../model/codebook';

/** Actions whose `to` codes came out of their `from` codes. */
const DERIVING = new Set(['merge', 'split', 'rename']);

/** A code being resolved: the codes it depends on, and what they gave so far. */
interface Frame {
  id: string;
  deps: string[];
  next: number;
  found: string[];
  /** `derived`: following the history entries that made it; `parent`: falling back to its parent. */
  phase: 'derived' | 'parent';
}

/**
 * Maps the codes of today's codebook back to the codes that stood at an
 * earlier step, so excerpts coded after a merge or rename can be counted for
 * the candidates they came from. `stepCodebook` is the codebook as of the
 * step (`codebookAsOf`), `codebook` the current one. The returned function
 * gives, for a code id:
 *
 * - the id itself when the code existed at the step;
 * - else the codes at the step it was derived from, following `merge`,
 *   `split` and `rename` entries of the history backwards (`T4` → `TC4`,
 *   `TC5`, `TC6`);
 * - else, for a code added later, what its parent maps to (`T4b` → the
 *   codes `T4` maps to; `T3b` → `T3`);
 * - else nothing (an empty list): the code has no counterpart at the step.
 *
 * Cycles in the history are cut; the result never repeats an id. The walk is
 * iterative, so a chain of any depth (history or parents) resolves without
 * growing the call stack.
 */
export function stepLineage(codebook: Codebook, stepCodebook: Codebook): (id: string) => string[] {
  const derivedFrom = new Map<string, string[]>();
  const record = (to: readonly string[], from: readonly string[]): void => {
    for (const id of to) {
      const list = derivedFrom.get(id) ?? [];
      for (const source of from) if (source !== id) list.push(source);
      derivedFrom.set(id, list);
    }
  };
  for (const entry of codebook.history) if (DERIVING.has(entry.action)) record(entry.to, entry.from);
  for (const code of codebook.codes.values()) {
    for (const entry of code.history) if (DERIVING.has(entry.action)) record(entry.to.length > 0 ? entry.to : [code.id], entry.from);
  }
  const cache = new Map<string, string[]>();
  const visiting = new Set<string>();
  const stack: Frame[] = [];
  /** The answer for `id` when it is known at once; else pushes a frame and returns undefined. */
  const enter = (id: string): string[] | undefined => {
    const known = cache.get(id);
    if (known) return known;
    if (stepCodebook.codes.has(id)) return [id];
    if (visiting.has(id)) return [];
    visiting.add(id);
    stack.push({ id, deps: derivedFrom.get(id) ?? [], next: 0, found: [], phase: 'derived' });
    return undefined;
  };
  return (start) => {
    let value = enter(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (value !== undefined) {
        for (const item of value) if (!frame.found.includes(item)) frame.found.push(item);
        value = undefined;
      }
      if (frame.next < frame.deps.length) {
        value = enter(frame.deps[frame.next++]!);
        continue;
      }
      if (frame.phase === 'derived' && frame.found.length === 0) {
        const parent = codebook.codes.get(frame.id)?.parent ?? null;
        frame.phase = 'parent';
        frame.deps = parent !== null ? [parent] : [];
        frame.next = 0;
        continue;
      }
      stack.pop();
      visiting.delete(frame.id);
      cache.set(frame.id, frame.found);
      value = frame.found;
    }
    return [...(value ?? [])];
  };
}
