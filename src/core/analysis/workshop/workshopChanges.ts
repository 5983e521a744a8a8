import type { Codebook, HistoryEntry } from '../../model/codebook';

/** A change of the codebook recorded for a step, with the names of the codes involved. */
export interface CodebookChange {
  action: string;
  from: string[];
  to: string[];
  date: string | null;
  note: string | null;
  /** `from` and `to` ids with the names known for them (the codebook, or a candidate's note), `id Name`. */
  fromLabels: string[];
  toLabels: string[];
}

function sameEntry(a: HistoryEntry, b: HistoryEntry): boolean {
  return a.action === b.action && a.from.join() === b.from.join() && a.to.join() === b.to.join();
}

/**
 * The codebook changes recorded for `step` (e.g. the merges and additions
 * that followed a workshop): the codebook-level `history` entries of that
 * step in order, then those in codes' own histories that the codebook level
 * does not already record (an entry without `to` in a code's history applies
 * to that code). Codes are labelled with their current name, else the note
 * of the `candidate`/`add` entry that introduced them alone, else their id.
 * A step nobody wrote gives an empty list.
 */
export function workshopChanges(codebook: Codebook, step: string): CodebookChange[] {
  const entries: HistoryEntry[] = codebook.history.filter((entry) => entry.step === step);
  for (const code of codebook.codes.values()) {
    for (const entry of code.history) {
      if (entry.step !== step) continue;
      const owned = entry.to.length > 0 ? entry : { ...entry, to: [code.id] };
      if (!entries.some((known) => sameEntry(known, owned))) entries.push(owned);
    }
  }
  const label = labeller(codebook);
  return entries.map((entry) => ({
    action: entry.action,
    from: [...entry.from],
    to: [...entry.to],
    date: entry.date,
    note: entry.note,
    fromLabels: entry.from.map(label),
    toLabels: entry.to.map(label),
  }));
}

/** `id Name` for a code id: the codebook's name, else the note of the entry that introduced it alone, else the id. */
export function labeller(codebook: Codebook): (id: string) => string {
  const notes = new Map<string, string>();
  const introduced = [...codebook.history, ...[...codebook.codes.values()].flatMap((code) => code.history)];
  for (const entry of introduced) {
    if (['candidate', 'add', 'added'].includes(entry.action) && entry.to.length === 1 && entry.note && !notes.has(entry.to[0]!)) notes.set(entry.to[0]!, entry.note);
  }
  return (id) => {
    const name = codebook.codes.get(id)?.name ?? notes.get(id);
    return name && name !== id ? `${id} ${name}` : id;
  };
}
