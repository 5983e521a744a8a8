import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeStaleLock, withFolderLocks } from './folderLock';
import { isProcessAlive, ownerOfTemporary, removeStaleTemporaries } from './replaceFile';
import { writeFileAtomic } from './writeFileAtomic';

/**
 * Where journals live, relative to the folder they belong to: a hidden folder,
 * which the transcript search skips, holding JSON files (never Markdown).
 */
export const JOURNAL_FOLDER = path.join('.mdqda', 'journal');

/** One file of a multi-file edit. Paths are relative to the journal's folder. */
export interface JournalEntry {
  /** The file replaced (its real path: symbolic links resolved). */
  target: string;
  /** The temporary file holding the new content, beside the target. */
  temporary: string;
  /** SHA-1 of the bytes the edit was computed on, and of the new bytes. */
  oldHash: string;
  newHash: string;
}

/**
 * A multi-file edit in progress. `prepared`: temporary files are being
 * written and no file has been replaced; rolled back by removing them.
 * `committed`: every temporary file is complete and replacing has begun;
 * finished by replacing the files that still have their old content.
 */
export interface Journal {
  version: 1;
  pid: number;
  host: string;
  state: 'prepared' | 'committed';
  files: JournalEntry[];
}

/** A journal on disk: its file and the folder its paths are relative to. */
export interface OpenJournal {
  file: string;
  root: string;
  journal: Journal;
}

/** SHA-1 of bytes, hex (as `readTranscriptFile` hashes). */
export function hashOf(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * Writes a new journal in state `prepared` under `root` before any temporary
 * file of the edit exists, so that a later run can find every file the edit
 * may leave behind.
 */
export async function startJournal(root: string, files: JournalEntry[]): Promise<OpenJournal> {
  const folder = path.join(root, JOURNAL_FOLDER);
  await fs.mkdir(folder, { recursive: true });
  const journal: Journal = { version: 1, pid: process.pid, host: os.hostname(), state: 'prepared', files };
  const file = path.join(folder, `edit-${process.pid}-${Date.now()}.json`);
  await writeFileAtomic(file, JSON.stringify(journal));
  return { file, root, journal };
}

/** Marks the journal `committed` (atomically): from now on an interrupted edit is finished, not rolled back. */
export async function commitJournal(open: OpenJournal): Promise<void> {
  open.journal.state = 'committed';
  await writeFileAtomic(open.file, JSON.stringify(open.journal));
}

/** Removes a finished journal, and its folders when they are left empty. */
export async function endJournal(open: OpenJournal): Promise<void> {
  await fs.rm(open.file, { force: true });
  const folder = path.dirname(open.file);
  for (const empty of [folder, path.dirname(folder)]) {
    try {
      await fs.rmdir(empty);
    } catch {
      return;
    }
  }
}

/** True for an entry this tool could have written: a temporary file of the tool's name beside its target. */
function isEntry(value: unknown): value is JournalEntry {
  const entry = value as Record<string, unknown>;
  if (typeof entry !== 'object' || entry === null || !['target', 'temporary', 'oldHash', 'newHash'].every((key) => typeof entry[key] === 'string')) return false;
  const { target, temporary } = entry as unknown as JournalEntry;
  return path.dirname(temporary) === path.dirname(target) && path.basename(temporary).startsWith(`.${path.basename(target)}.`) && ownerOfTemporary(path.basename(temporary)) !== undefined;
}

function isJournal(value: unknown): value is Journal {
  const journal = value as Journal;
  return (
    typeof journal === 'object' &&
    journal !== null &&
    journal.version === 1 &&
    Number.isInteger(journal.pid) &&
    typeof journal.host === 'string' &&
    (journal.state === 'prepared' || journal.state === 'committed') &&
    Array.isArray(journal.files) &&
    journal.files.every(isEntry)
  );
}

async function hashOfFile(file: string): Promise<string | undefined> {
  try {
    return hashOf(await fs.readFile(file));
  } catch {
    return undefined;
  }
}

/** Replaces what can be replaced of a committed journal; resolves to the targets left as they are. */
async function finishJournal(open: OpenJournal): Promise<{ replaced: number; left: string[] }> {
  const { root, journal } = open;
  let replaced = 0;
  const left: string[] = [];
  await withFolderLocks(
    journal.files.map((entry) => path.dirname(path.resolve(root, entry.target))),
    async () => {
      for (const entry of journal.files) {
        const target = path.resolve(root, entry.target);
        const temporary = path.resolve(root, entry.temporary);
        const now = await hashOfFile(target);
        if (now !== entry.newHash) {
          if (now === entry.oldHash && (await hashOfFile(temporary)) === entry.newHash) {
            await fs.rename(temporary, target);
            replaced++;
            continue;
          }
          left.push(entry.target);
        }
        await fs.rm(temporary, { force: true });
      }
    },
  );
  return { replaced, left };
}

/**
 * Finishes or rolls back the multi-file edits of dead processes journaled
 * under `root`: a `prepared` edit is rolled back (its temporary files
 * removed; no file had been replaced), a `committed` one is finished (each
 * file that still has its old content gets the new one; a file changed since
 * by someone else is left as it is and named). Stale temporary files in the
 * journal folder are removed first, those and stale locks in the folders of
 * the recovered edits last. Resolves to one line per recovered edit for
 * stderr; journals of live processes and of other users are left alone,
 * unreadable ones are named.
 */
export async function recoverJournals(root: string): Promise<string[]> {
  const folder = path.join(root, JOURNAL_FOLDER);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  await removeStaleTemporaries(folder);
  const messages: string[] = [];
  const touched = new Set<string>();
  for (const name of names.filter((entry) => entry.endsWith('.json') && ownerOfTemporary(entry) === undefined)) {
    const file = path.join(folder, name);
    let journal: unknown;
    try {
      // Only the user's own journals are acted on: one in a shared folder above could name any file.
      if ((await fs.lstat(file)).uid !== (process.getuid?.() ?? 0)) continue;
      journal = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch {
      continue;
    }
    if (!isJournal(journal)) {
      messages.push(`${file}: not a journal this version of mdqda can read: left as it is`);
      continue;
    }
    if (journal.host !== os.hostname() || isProcessAlive(journal.pid)) continue;
    const open: OpenJournal = { file, root, journal };
    for (const entry of journal.files) touched.add(path.dirname(path.resolve(root, entry.target)));
    const count = `${journal.files.length} file${journal.files.length === 1 ? '' : 's'}`;
    if (journal.state === 'prepared') {
      await Promise.all(journal.files.map((entry) => fs.rm(path.resolve(root, entry.temporary), { force: true })));
      messages.push(`an edit of ${count} by process ${journal.pid} was interrupted before it replaced any file: rolled back (nothing had changed)`);
    } else {
      const { replaced, left } = await finishJournal(open);
      messages.push(`an edit of ${count} by process ${journal.pid} was interrupted: finished it (${replaced} replaced now, ${journal.files.length - replaced - left.length} done before)`);
      for (const target of left) messages.push(`${target}: changed since the interrupted edit, left as it is: run the edit again for it`);
    }
    await endJournal(open);
  }
  // The dead processes may have left the drafts of their folder locks, or the locks (taken just before the commit).
  for (const target of touched) {
    await removeStaleTemporaries(target);
    await removeStaleLock(target);
  }
  for (const empty of [folder, path.dirname(folder)]) {
    try {
      await fs.rmdir(empty);
    } catch {
      break;
    }
  }
  return messages;
}
