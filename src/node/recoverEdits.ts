import { promises as fs } from 'node:fs';
import path from 'node:path';
import { JOURNAL_FOLDER, recoverJournals } from './editJournal';
import { removeStaleLock } from './folderLock';
import { removeStaleTemporaries } from './replaceFile';

/** The folder of a path: itself when it is a folder, else its parent; undefined when it does not exist. */
async function folderOf(place: string): Promise<string | undefined> {
  try {
    return (await fs.stat(place)).isDirectory() ? place : path.dirname(place);
  } catch {
    return undefined;
  }
}

function ancestorsOf(folder: string): string[] {
  const chain = [folder];
  while (path.dirname(chain[chain.length - 1]) !== chain[chain.length - 1]) chain.push(path.dirname(chain[chain.length - 1]));
  return chain;
}

/**
 * Cleans up after runs of this tool that were killed, before a command reads
 * anything: finishes or rolls back the interrupted multi-file edits journaled
 * in the given folders or any folder above them (see `recoverJournals`), then
 * removes the temporary files and locks that dead processes left in the given
 * folders themselves (not their subfolders; an edit cleans its own folders
 * before it writes). `places` are absolute paths of files or folders; those
 * that do not exist are ignored. Resolves to one line per thing done, for stderr.
 */
export async function recoverInterruptedEdits(places: string[]): Promise<string[]> {
  const folders = [...new Set((await Promise.all(places.map(folderOf))).filter((folder): folder is string => folder !== undefined))];
  const messages: string[] = [];
  const searched = new Set<string>();
  for (const folder of folders) {
    for (const ancestor of ancestorsOf(folder)) {
      if (searched.has(ancestor)) continue;
      searched.add(ancestor);
      if (await folderOf(path.join(ancestor, JOURNAL_FOLDER))) messages.push(...(await recoverJournals(ancestor)));
    }
  }
  for (const folder of folders) {
    const removed = await removeStaleTemporaries(folder);
    if (await removeStaleLock(folder)) removed.push('the lock of a dead process');
    if (removed.length > 0) messages.push(`${folder}: removed what killed runs left behind (${removed.length === 1 ? removed[0] : `${removed.length} files`})`);
  }
  return messages;
}
