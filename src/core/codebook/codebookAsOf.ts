import type { Code, Codebook, HistoryEntry } from '../model/codebook';
import { collectSubtree } from './collectSubtree';

/** A history entry placed in time, with the code it belongs to (null for codebook-level entries). */
interface TimedEntry {
  entry: HistoryEntry;
  /** 2 × step index for an entry of a step; one more for a step-less entry after it; -1 before any step. */
  time: number;
  /** The code object whose `history` holds the entry, or null. */
  owner: Code | null;
  /** Position among all entries: codebook-level first, then per code in codebook order. */
  sequence: number;
}

/**
 * The step labels of a codebook's history, in order. When every label ends
 * in a number (`step1`, `step2`, `s10`), they are sorted by text with numbers
 * compared as numbers; otherwise they keep their order of first appearance,
 * the codebook-level `history` first, then each code's `history` in codebook
 * order.
 */
export function codebookSteps(codebook: Codebook): string[] {
  const seen = new Set<string>();
  for (const entry of codebook.history) if (entry.step !== null) seen.add(entry.step);
  for (const code of codebook.codes.values()) {
    for (const entry of code.history) if (entry.step !== null) seen.add(entry.step);
  }
  const steps = [...seen];
  if (!steps.every((label) => /\d$/.test(label))) return steps;
  const collator = new Intl.Collator('en', { numeric: true });
  return steps.sort((a, b) => collator.compare(a, b));
}

/**
 * The codebook as it stood after `step`, found by undoing, newest first, the
 * history entries that came later (docs/codebook.md, "The codebook as of a
 * step", gives the rules). Returns undefined when no history entry names
 * `step`. The input is not changed; codes that are kept are copies.
 */
export function codebookAsOf(codebook: Codebook, step: string): Codebook | undefined {
  const steps = codebookSteps(codebook);
  const index = steps.indexOf(step);
  if (index < 0) return undefined;
  const horizon = 2 * index;

  const working = new WorkingCodebook(codebook);
  const timed = placeInTime(codebook, working, steps);
  const later = timed
    .filter((item) => item.time > horizon)
    .sort((a, b) => b.time - a.time || b.sequence - a.sequence);
  for (const item of later) working.undo(item.entry, item.owner, timed);

  const kept = new Set(timed.filter((item) => item.time <= horizon).map((item) => item.entry));
  return working.toCodebook(
    codebook.history.filter((entry) => kept.has(entry)),
    (entry) => kept.has(entry),
  );
}

function placeInTime(codebook: Codebook, working: WorkingCodebook, steps: string[]): TimedEntry[] {
  const out: TimedEntry[] = [];
  const place = (entries: HistoryEntry[], owner: Code | null): void => {
    let previous = -1;
    for (const entry of entries) {
      const time = entry.step !== null ? 2 * steps.indexOf(entry.step) : previous < 0 ? -1 : previous + 1;
      if (entry.step !== null) previous = time;
      out.push({ entry, time, owner, sequence: out.length });
    }
  };
  place(codebook.history, null);
  for (const code of working.originals()) place(code.history, code);
  return out;
}

const ADDING = new Set(['add', 'added', 'candidate']);

/** A mutable copy of the codes, in order, that history entries are undone on. */
class WorkingCodebook {
  private order: string[];
  private readonly codes = new Map<string, Code>();

  constructor(private readonly source: Codebook) {
    for (const code of source.codes.values()) {
      this.codes.set(code.id, { ...code, children: [], aliases: [...code.aliases] });
    }
    this.order = [...source.codes.keys()];
  }

  /** The working copies, in codebook order, before any undo. */
  originals(): Code[] {
    return this.order.map((id) => this.codes.get(id)!);
  }

  undo(entry: HistoryEntry, owner: Code | null, all: TimedEntry[]): void {
    if (owner !== null && this.codes.get(owner.id) !== owner) return; // its code is already gone
    const to = entry.to.length > 0 ? entry.to : owner ? [owner.id] : [];
    const action = entry.action;
    if (ADDING.has(action)) {
      for (const id of to) this.remove(id);
    } else if (action === 'merge' || action === 'split') {
      const like = to.map((id) => this.codes.get(id)).find((code) => code !== undefined) ?? null;
      let position = like ? this.order.indexOf(like.id) : this.order.length;
      for (const id of to) if (!entry.from.includes(id)) this.remove(id);
      position = Math.min(position, this.order.length);
      for (const id of entry.from) if (this.restore(id, like, position, all)) position++;
    } else if (action === 'rename') {
      entry.from.forEach((oldId, i) => {
        const newId = to[i];
        if (newId !== undefined) this.rename(newId, oldId);
      });
    } else if (action === 'drop') {
      for (const id of entry.from.length > 0 ? entry.from : to) this.restore(id, null, this.order.length, all);
    }
    // `recolour`, `describe` and unknown actions keep no old value: nothing to undo.
  }

  toCodebook(history: HistoryEntry[], keep: (entry: HistoryEntry) => boolean): Codebook {
    const codes = new Map<string, Code>();
    for (const id of this.order) {
      const code = this.codes.get(id)!;
      codes.set(id, { ...code, children: [], history: code.history.filter(keep) });
    }
    for (const code of codes.values()) if (code.parent !== null && !codes.has(code.parent)) code.parent = null;
    cutCycles(codes);
    const roots: string[] = [];
    for (const code of codes.values()) {
      if (code.parent === null) roots.push(code.id);
      else codes.get(code.parent)!.children.push(code.id);
    }
    return { codes, roots, history, citations: this.source.citations, files: this.source.files };
  }

  /** Removes a code and its descendants. */
  private remove(id: string): void {
    if (!this.codes.has(id)) return;
    const doomed = collectSubtree(id, this.codes.values());
    for (const gone of doomed) this.codes.delete(gone);
    this.order = this.order.filter((other) => !doomed.has(other));
  }

  /**
   * Brings back a code that a later change removed, beside `like` (same
   * parent, group, level and preset), named after the note of the entry that
   * introduced it, else its id. Returns false when it is already there.
   */
  private restore(id: string, like: Code | null, position: number, all: TimedEntry[]): boolean {
    if (this.codes.has(id)) return false;
    const introduced = all.find(
      (item) => ADDING.has(item.entry.action) && item.entry.to.length === 1 && item.entry.to[0] === id,
    );
    this.codes.set(id, {
      id,
      name: introduced?.entry.note ?? id,
      description: null,
      color: null,
      parent: like?.parent ?? null,
      children: [],
      group: like?.group ?? null,
      level: like?.level ?? null,
      aliases: [],
      example: null,
      history: introduced ? [introduced.entry] : [],
      preset: like?.preset ?? null,
      extra: {},
      origin: introduced?.entry.origin ?? null,
    });
    this.order.splice(position, 0, id);
    return true;
  }

  /** Gives code `newId` back its old id `oldId` (no-op when `newId` is gone or `oldId` is taken). */
  private rename(newId: string, oldId: string): void {
    const code = this.codes.get(newId);
    if (!code || this.codes.has(oldId)) return;
    code.id = oldId;
    code.aliases = code.aliases.filter((alias) => alias !== oldId);
    this.codes.delete(newId);
    this.codes.set(oldId, code);
    this.order = this.order.map((id) => (id === newId ? oldId : id));
    for (const other of this.codes.values()) if (other.parent === newId) other.parent = oldId;
  }
}

/**
 * Makes a root of the code that closes each cycle of parents (a restored code
 * can land beside a code that was its own descendant). Iterative and linear.
 */
function cutCycles(codes: Map<string, Code>): void {
  const settled = new Set<string>();
  for (const start of codes.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null = start;
    while (current !== null && !settled.has(current)) {
      if (onPath.has(current)) {
        codes.get(path[path.length - 1]!)!.parent = null;
        break;
      }
      onPath.add(current);
      path.push(current);
      current = codes.get(current)!.parent;
    }
    for (const id of path) settled.add(id);
  }
}
