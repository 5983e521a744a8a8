import { closeSync, fchmodSync, fchownSync, fstatSync, lstatSync, openSync, promises as fs, realpathSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';

/** Thrown when a file cannot be replaced without changing what it is (a hard link, a dangling symbolic link); nothing has been written. */
export class UnsafeReplaceError extends Error {
  override name = 'UnsafeReplaceError';
}

/** Temporary files of this tool: `.NAME.PID.N.mdqda.tmp` beside the file they replace. */
const TEMPORARY = /^\..+\.(\d+)\.\d+\.mdqda\.tmp$/;
let counter = 0;

/**
 * The path of a new temporary file beside `target`, named with this process's
 * id (so that a later run can tell it belongs to a dead process) and a counter.
 */
export function temporaryPathOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${counter++}.mdqda.tmp`);
}

/** The process id in a temporary file's name (see `temporaryPathOf`); undefined for other names. */
export function ownerOfTemporary(name: string): number | undefined {
  const match = TEMPORARY.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** True when a process with this id runs on this machine (a process of another user counts as running). */
export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of dead processes in one folder (not its
 * subfolders). Resolves to the names removed; an unreadable folder removes nothing.
 */
export async function removeStaleTemporaries(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const stale = names.filter((name) => {
    const pid = ownerOfTemporary(name);
    return pid !== undefined && !isProcessAlive(pid);
  });
  await Promise.all(stale.map((name) => fs.rm(path.join(folder, name), { force: true })));
  return stale;
}

/**
 * The file a write to `target` must replace: the target of a symbolic link
 * (followed to the end), else `target` itself; a file that does not exist yet
 * resolves to itself in its folder's real path. Throws
 * `UnsafeReplaceError` for a symbolic link to a missing file and for a file
 * with more than one hard link: replacing it by rename would break the links,
 * and writing it in place would give up the all-or-nothing write.
 * Synchronous, as `writeTemporary` is: an edit of 1,000 files waited on 2,000
 * round trips of asynchronous calls, each longer than the system call.
 */
export function resolveReplaceTarget(target: string): { real: string; stat: Stats | undefined } {
  let real: string;
  try {
    real = realpathSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let link: Stats | undefined;
    try {
      link = lstatSync(target);
    } catch {
      link = undefined;
    }
    if (link?.isSymbolicLink()) throw new UnsafeReplaceError(`${target} is a symbolic link to a missing file: nothing was written`);
    return { real: path.join(realpathSync(path.dirname(target)), path.basename(target)), stat: undefined };
  }
  const stat = statSync(real);
  if (stat.isFile() && stat.nlink > 1) {
    throw new UnsafeReplaceError(
      `${target} has ${stat.nlink} hard links: replacing it would break them and writing it in place could leave it half written, so nothing was written (copy it to a file of its own first)`,
    );
  }
  return { real, stat };
}

/**
 * Writes `data` to a new temporary file that takes the mode, owner and group
 * of `like` (the file it will replace). It is not flushed to disk: the
 * journal guards against a killed process, not against a power cut. Gives notes for
 * what could not be kept (changing the owner needs privileges; the file then
 * belongs to the user running the tool). The temporary file is removed when
 * the write fails. Synchronous system calls on one descriptor: writing the
 * temporary files of 1,000 transcripts with five asynchronous calls each
 * (open, write, chmod, stat, close) took 0.6 s of waiting on round trips.
 */
export function writeTemporary(temporary: string, data: string | Uint8Array, like: Stats | undefined, display: string): string[] {
  const notes: string[] = [];
  const descriptor = openSync(temporary, 'wx', like ? like.mode & 0o7777 : 0o666);
  try {
    writeFileSync(descriptor, data);
    if (like) {
      // Opened with the mode, which the umask may have narrowed: set again only then.
      const own = fstatSync(descriptor);
      if ((own.mode & 0o7777) !== (like.mode & 0o7777)) fchmodSync(descriptor, like.mode & 0o7777);
      if (own.uid !== like.uid || own.gid !== like.gid) {
        try {
          fchownSync(descriptor, like.uid, like.gid);
          // Changing the owner can clear set-user-id bits: set the mode again.
          if (like.mode & 0o6000) fchmodSync(descriptor, like.mode & 0o7777);
        } catch (error) {
          notes.push(`${display}: could not keep its owner ${like.uid}:${like.gid} (${(error as NodeJS.ErrnoException).code ?? String(error)}): it now belongs to ${own.uid}:${own.gid}`);
        }
      }
    }
  } catch (error) {
    closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(descriptor);
  return notes;
}
