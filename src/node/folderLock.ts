import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive, temporaryPathOf } from './replaceFile';

/*
 * Why a lock beside the hash comparison: two runs of this tool could both
 * compare a file before either renames over it; the lock closes that window
 * between them (editors do not take it, so the comparison right before each
 * rename stays). Why one lock per folder: a file is replaced by a rename
 * inside its folder, so two commands that write the same file share its
 * folder whatever workspace root each was given. Why a PID: Node has no
 * flock, and a lock file of a killed process must be told from a live one.
 */

/** The lock file of a folder: held by a process of this tool while it replaces files in the folder. */
export const LOCK_NAME = '.mdqda.lock';

/** Thrown when a folder stays locked by a running process longer than the caller waits; nothing has been written. */
export class FolderLockedError extends Error {
  override name = 'FolderLockedError';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The holder written in a lock file: `PID HOST`. */
function holderOf(text: string): { pid: number; host: string } | undefined {
  const match = /^(\d+) (\S+)\n?$/.exec(text);
  return match ? { pid: Number(match[1]), host: match[2] } : undefined;
}

/** True when the holder can be seen to be gone: a process of this machine that no longer runs. */
function isDead(holder: { pid: number; host: string } | undefined): boolean {
  return holder !== undefined && holder.host === os.hostname() && !isProcessAlive(holder.pid);
}

async function readHolder(file: string): Promise<{ pid: number; host: string } | undefined | null> {
  try {
    return holderOf(await fs.readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes the lock of a folder when its holder is a dead process of this
 * machine. The lock is first renamed aside, then read again: if it turns out to
 * be a fresh lock of a live process (taken between our read and the rename), it
 * is linked back. Resolves to true when a stale lock was removed.
 */
export async function removeStaleLock(folder: string): Promise<boolean> {
  const lock = path.join(folder, LOCK_NAME);
  const holder = await readHolder(lock).catch(() => undefined);
  if (!holder || !isDead(holder)) return false;
  const aside = temporaryPathOf(lock);
  try {
    await fs.rename(lock, aside);
  } catch {
    return false;
  }
  const moved = await readHolder(aside).catch(() => undefined);
  if (moved && !isDead(moved)) await fs.link(aside, lock).catch(() => undefined);
  await fs.rm(aside, { force: true });
  return moved !== undefined && moved !== null && isDead(moved);
}

/**
 * Takes the lock of one folder: a lock file made complete in a temporary file,
 * then hard-linked into place (link fails when the name exists, as O_EXCL
 * does, and the lock never exists half written). Waits while a live process
 * holds it, breaks the lock of a dead one, and rejects with `FolderLockedError`
 * after `timeoutMs`. Resolves to the lock file's path.
 */
async function lockFolder(folder: string, timeoutMs: number): Promise<string> {
  const lock = path.join(folder, LOCK_NAME);
  const started = Date.now();
  const draft = temporaryPathOf(lock);
  await fs.writeFile(draft, `${process.pid} ${os.hostname()}\n`, { flag: 'wx' });
  try {
    for (;;) {
      try {
        await fs.link(draft, lock);
        return lock;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (await removeStaleLock(folder)) continue;
      if (Date.now() - started > timeoutMs) {
        const holder = await readHolder(lock).catch(() => undefined);
        throw new FolderLockedError(
          `${folder} is being written by another mdqda process${holder ? ` (${holder.pid} on ${holder.host})` : ''}: nothing was written; try again, or remove ${lock} if that process no longer runs`,
        );
      }
      await sleep(5 + Math.random() * 20);
    }
  } finally {
    await fs.rm(draft, { force: true });
  }
}

async function unlockFolder(lock: string): Promise<void> {
  const holder = await readHolder(lock).catch(() => undefined);
  if (holder && holder.pid === process.pid && holder.host === os.hostname()) await fs.rm(lock, { force: true });
}

/**
 * Runs `work` while holding the locks of the given folders (taken in sorted
 * order, so that two processes never wait for each other's second lock),
 * then releases them, also when `work` fails. Only processes of this tool
 * honour the locks; `timeoutMs` defaults to 30 s.
 */
export async function withFolderLocks<T>(folders: Iterable<string>, work: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const held: string[] = [];
  try {
    for (const folder of [...new Set(folders)].sort()) held.push(await lockFolder(folder, timeoutMs));
    return await work();
  } finally {
    for (const lock of held.reverse()) await unlockFolder(lock);
  }
}
