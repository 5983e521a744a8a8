import { diffChars } from 'diff';
import type { Excerpt } from '../model/excerpt';
import type { Source } from '../model/source';
import { codingValueOf, slotKey } from './codingIdentity';

/** What happened to one excerpt between two copies. */
export type CodingChangeKind = 'added' | 'removed' | 'recoded' | 're-ranged' | 'memo' | 'exemplar' | 'attributes';

/** One excerpt change, in research terms: who, which codes, whose words. */
export interface CodingChange {
  kind: CodingChangeKind;
  coder: string | null;
  /** The codes after the change (before, for `removed`). */
  codes: string[];
  /** For `recoded`: codes the excerpt gained and lost. */
  codesAdded?: string[];
  codesRemoved?: string[];
  /** For `memo`: the memo before and after (null: none). */
  memoBefore?: string | null;
  memoAfter?: string | null;
  /** For `re-ranged`: the text before. */
  textBefore?: string;
  speaker: string | null;
  /** The excerpt's plain text (after the change; before, for `removed`). */
  text: string;
  /** 1-based line in the copy that has it (the second copy, except for `removed`). */
  line: number;
  /** Code-point offsets into that copy's plain text: where the excerpt is. */
  start: number;
  end: number;
}

/** How one transcript differs between two copies. */
export interface TranscriptCodingDiff {
  path: string;
  /** `added` or `removed`: the transcript is only in one copy. */
  status: 'changed' | 'added' | 'removed';
  /** Characters (code points) of plain text inserted and deleted; both 0 when the plain text is the same. */
  plainText: { inserted: number; deleted: number };
  changes: CodingChange[];
}

const codePoints = (text: string) => [...text].length;

function changeOf(kind: CodingChangeKind, excerpt: Excerpt, extra: Partial<CodingChange> = {}): CodingChange {
  return { kind, coder: excerpt.coder, codes: excerpt.codes, speaker: excerpt.speaker, text: excerpt.text, line: excerpt.line, start: excerpt.start, end: excerpt.end, ...extra };
}

/**
 * The coding changes of one transcript from `before` to `after`. Excerpts
 * are paired by coder and plain-text range when the plain texts are equal,
 * else by coder and excerpt text; a pair whose values differ is `recoded`,
 * `memo`, `exemplar` or `attributes` (one change per aspect that differs). An
 * unpaired removal and addition by the same coder with the same codes and
 * overlapping text (or, when the plain text changed, the same speaker) are one
 * `re-ranged` change. The rest are `added` and `removed`. Sorted by line.
 */
export function diffTranscriptCodings(before: Source, after: Source): TranscriptCodingDiff {
  const samePlain = before.plainText === after.plainText;
  const keyOf = (excerpt: Excerpt) => (samePlain ? slotKey(excerpt.coder, excerpt.start, excerpt.end) : JSON.stringify([excerpt.coder, excerpt.text]));
  const waiting = new Map<string, Excerpt[]>();
  for (const excerpt of before.excerpts) waiting.set(keyOf(excerpt), [...(waiting.get(keyOf(excerpt)) ?? []), excerpt]);
  const changes: CodingChange[] = [];
  const added: Excerpt[] = [];
  for (const excerpt of after.excerpts) {
    const candidates = waiting.get(keyOf(excerpt));
    if (!candidates || candidates.length === 0) {
      added.push(excerpt);
      continue;
    }
    const old = candidates.shift()!;
    const [was, now] = [codingValueOf(old), codingValueOf(excerpt)];
    const gained = now.codes.filter((code) => !was.codes.includes(code));
    const lost = was.codes.filter((code) => !now.codes.includes(code));
    if (gained.length > 0 || lost.length > 0) changes.push(changeOf('recoded', excerpt, { codesAdded: gained, codesRemoved: lost }));
    if (was.memo !== now.memo) changes.push(changeOf('memo', excerpt, { memoBefore: was.memo, memoAfter: now.memo }));
    if (was.exemplar !== now.exemplar) changes.push(changeOf('exemplar', excerpt));
    if (JSON.stringify(was.attributes) !== JSON.stringify(now.attributes)) changes.push(changeOf('attributes', excerpt));
  }
  const removed = [...waiting.values()].flat();
  for (const excerpt of added) {
    const sameCodes = (other: Excerpt) => JSON.stringify([...other.codes].sort()) === JSON.stringify([...excerpt.codes].sort());
    const near = (other: Excerpt) => (samePlain ? other.start < excerpt.end && excerpt.start < other.end : other.speaker === excerpt.speaker);
    const index = removed.findIndex((other) => other.coder === excerpt.coder && sameCodes(other) && near(other));
    if (index === -1) changes.push(changeOf('added', excerpt));
    else changes.push(changeOf('re-ranged', excerpt, { textBefore: removed.splice(index, 1)[0].text }));
  }
  for (const excerpt of removed) changes.push(changeOf('removed', excerpt));
  changes.sort((a, b) => a.line - b.line);
  let inserted = 0;
  let deleted = 0;
  if (!samePlain) {
    for (const part of diffChars(before.plainText, after.plainText)) {
      if (part.added) inserted += codePoints(part.value);
      else if (part.removed) deleted += codePoints(part.value);
    }
  }
  return { path: after.path, status: 'changed', plainText: { inserted, deleted }, changes };
}

/**
 * The coding changes between two copies of a study, transcript by transcript
 * (paired by path): only transcripts with a change are listed, in path order.
 * A transcript in one copy only is `added` (every excerpt added, all its
 * plain text inserted) or `removed`.
 */
export function diffCodings(before: readonly Source[], after: readonly Source[]): TranscriptCodingDiff[] {
  const empty = (source: Source): Source => ({ ...source, plainText: '', length: 0, excerpts: [] });
  const old = new Map(before.map((source) => [source.path, source]));
  const result: TranscriptCodingDiff[] = [];
  for (const source of after) {
    const was = old.get(source.path);
    old.delete(source.path);
    if (!was) result.push({ ...diffTranscriptCodings(empty(source), source), status: 'added' });
    else {
      const diff = diffTranscriptCodings(was, source);
      if (diff.changes.length > 0 || diff.plainText.inserted + diff.plainText.deleted > 0) result.push(diff);
    }
  }
  for (const source of old.values()) result.push({ ...diffTranscriptCodings(source, empty(source)), path: source.path, status: 'removed' });
  return result.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
