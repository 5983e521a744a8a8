import type { Code, Codebook, HistoryEntry } from '../../model/codebook';

/** The codebook after a step, or null with a one-line reason. */
export type CodebookAsOfResult = { codebook: Codebook; message: null } | { codebook: null; message: string };

const CREATES = new Set(['add', 'added', 'merge', 'rename', 'split', 'candidate']);
const REPLACES = new Set(['merge', 'rename', 'split', 'drop']);

function compareSteps(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The codebook as it stood after `step`, read from its history: codes a later
 * entry adds (or creates by merge, rename or split) are left out with their
 * sub-codes, and codes a later merge, rename, split or drop replaced come
 * back as stubs named by their id (their note as description). Steps compare
 * in natural order (`step2` < `step10`). A step no history entry names gives
 * null and a message listing the steps recorded.
 * Known debt: the codebook module's `codebookAsOf` will replace this once it
 * lands; this keeps the `--as-of` filter honest until then.
 */
export function codebookAsOfStep(codebook: Codebook, step: string): CodebookAsOfResult {
  const entries: HistoryEntry[] = [...codebook.history];
  for (const code of codebook.codes.values()) {
    for (const entry of code.history) entries.push({ ...entry, to: entry.to.length > 0 ? entry.to : [code.id] });
  }
  const steps = [...new Set(entries.map((entry) => entry.step).filter((s): s is string => s !== null))].sort(compareSteps);
  if (!steps.includes(step)) {
    return {
      codebook: null,
      message: `the codebook history records no step '${step}' (steps: ${steps.length > 0 ? steps.join(', ') : '(none)'})`,
    };
  }
  const later = entries.filter((entry) => entry.step !== null && compareSteps(entry.step, step) > 0);
  const removed = new Set<string>();
  for (const entry of later) if (CREATES.has(entry.action)) for (const id of entry.to) removed.add(id);
  // A stub takes the group of the code that later replaced it, so `--group` still finds it.
  const groupOf = (ids: string[]): string | null => ids.map((id) => codebook.codes.get(id)?.group ?? null).find((g) => g !== null) ?? null;
  const stubs = new Map<string, { note: string | null; group: string | null }>();
  for (const entry of later) {
    if (!REPLACES.has(entry.action)) continue;
    for (const id of entry.from) if (!codebook.codes.has(id)) stubs.set(id, { note: entry.note, group: groupOf(entry.to) });
  }
  for (const entry of entries) {
    if (entry.action === 'candidate' && entry.step !== null && compareSteps(entry.step, step) <= 0) {
      for (const id of entry.to) if (!codebook.codes.has(id) && !stubs.has(id)) stubs.set(id, { note: entry.note, group: null });
    }
  }
  // A removed code takes its sub-codes with it.
  let grew = true;
  while (grew) {
    grew = false;
    for (const code of codebook.codes.values()) {
      if (!removed.has(code.id) && code.parent !== null && removed.has(code.parent)) {
        removed.add(code.id);
        grew = true;
      }
    }
  }
  const codes = new Map<string, Code>();
  for (const code of codebook.codes.values()) {
    if (removed.has(code.id)) continue;
    codes.set(code.id, { ...code, children: code.children.filter((child) => !removed.has(child)) });
  }
  const roots = codebook.roots.filter((id) => !removed.has(id));
  for (const [id, stub] of stubs) {
    if (removed.has(id) || codes.has(id)) continue;
    codes.set(id, {
      id,
      name: id,
      description: stub.note,
      color: null,
      parent: null,
      children: [],
      group: stub.group,
      level: null,
      aliases: [],
      example: null,
      history: [],
      preset: null,
      extra: {},
      origin: null,
    });
    roots.push(id);
  }
  const history = codebook.history.filter((entry) => entry.step === null || compareSteps(entry.step, step) <= 0);
  return { codebook: { ...codebook, codes, roots, history }, message: null };
}
