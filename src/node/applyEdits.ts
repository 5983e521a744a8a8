import { promises as fs, readFileSync, renameSync, type Stats } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { applyTextEdits, type TextEdit } from '../core/edit/textEdit';
import { commitJournal, endJournal, hashOf, startJournal, type OpenJournal } from './editJournal';
import { withFolderLocks } from './folderLock';
import { decodeTranscript } from './readTranscriptFile';
import { removeStaleTemporaries, resolveReplaceTarget, temporaryPathOf, writeTemporary } from './replaceFile';

/** The edits of one file, with the text they were computed on. */
export interface FileEdits {
  /** Absolute path. */
  absolute: string;
  /** Path shown in diffs and messages (relative, `/`-separated). */
  display: string;
  /** The decoded text the edits were computed on, without byte order mark. */
  text: string;
  bom: boolean;
  /** SHA-1 of the file bytes when read; the file must still have them when written. */
  hash: string;
  edits: TextEdit[];
  /**
   * Computes the edit again on the file's new text when the file changed on
   * disk after it was read (someone else wrote it): resolves to the edits of
   * the new text, or a message saying why the edit cannot be made there.
   * Without it a changed file is refused.
   */
  redo?: (text: string) => TextEdit[] | string;
}

/** Thrown when a file changed on disk after it was read and the edit could not be made again; nothing has been written. */
export class FileChangedError extends Error {
  override name = 'FileChangedError';
}

/** Thrown when replacing failed after the journal was committed: some files are replaced, and the next run finishes the edit. */
export class InterruptedEditError extends Error {
  override name = 'InterruptedEditError';
}

/** What `applyFileEdits` did. */
export interface AppliedEdits {
  /** Display paths of the files replaced. */
  written: string[];
  /** Files edited again on a newer text because someone else wrote them meanwhile (display paths). */
  redone: string[];
  /**
   * Files left as they were because they changed on disk in the last moment,
   * while the others were being replaced, and the edit could not be made on
   * their new text: one message each.
   */
  refused: string[];
  /** What could not be kept of a replaced file (its owner, say). */
  notes: string[];
}

/** The unified diff of all edits (files without edits are left out), as `diff -u` prints it. */
export function diffOfEdits(files: readonly FileEdits[]): string {
  return files
    .filter((file) => file.edits.length > 0)
    .map((file) => createTwoFilesPatch(`a/${file.display}`, `b/${file.display}`, file.text, applyTextEdits(file.text, file.edits), '', '', { context: 3 }).replace(/^=+\n/, ''))
    .join('');
}

/** One file on its way to being replaced. */
interface Pending {
  file: FileEdits;
  real: string;
  stat: Stats | undefined;
  temporary: string;
  /** Hash of the bytes the new content was computed on, and the new bytes. */
  base: string;
  data: Buffer;
}

function contentOf(bom: boolean, text: string, edits: TextEdit[]): Buffer {
  return Buffer.from((bom ? '\ufeff' : '') + applyTextEdits(text, edits), 'utf8');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The bytes of a file someone else is writing, once they stay the same for a
 * moment: an editor that saves in place truncates the file before it writes,
 * and an edit made again on what was caught in between would lose its text.
 */
async function settledBytes(file: string, seen: Buffer): Promise<Buffer> {
  let last = seen;
  for (let attempt = 0; attempt < 20; attempt++) {
    await sleep(25);
    const now = await fs.readFile(file);
    if (now.equals(last)) return now;
    last = now;
  }
  return last;
}

/**
 * The new content of a file that no longer has the bytes its edit was computed
 * on: the edit made again on its current text (once it has settled), or a
 * message (also when it has no `redo`, or is no longer readable UTF-8 text).
 */
async function redoOnCurrent(item: Pending, seen: Buffer): Promise<{ base: string; data: Buffer } | string> {
  const changed = `${item.file.display} changed on disk while it was being edited`;
  if (!item.file.redo) return changed;
  const bytes = await settledBytes(item.real, seen);
  const read = decodeTranscript(bytes, item.file.display);
  if (!read.ok || !read.writable) return `${changed} and cannot be read as UTF-8 text now`;
  const edits = item.file.redo(read.text);
  if (typeof edits === 'string') return `${changed}, and the edit cannot be made on its new text: ${edits}`;
  return { base: read.hash, data: contentOf(read.bom, read.text, edits) };
}

/** Writes an item's temporary file again: used when its content had to be computed again. */
async function rewriteTemporary(item: Pending, data: Buffer, notes: string[]): Promise<void> {
  await fs.rm(item.temporary, { force: true });
  item.data = data;
  notes.push(...writeTemporary(item.temporary, data, item.stat, item.file.display));
}

/**
 * Writes the edits of several files as one step, as far as a file system
 * allows:
 *
 * 1. Every target is resolved (a symbolic link to its target; a file with
 *    several hard links is refused with `UnsafeReplaceError`).
 * 2. With `journalRoot`, a journal listing every file goes to
 *    `journalRoot/.mdqda/journal/` (see `editJournal`), so that a run killed
 *    from here on is rolled back or finished by the next command.
 * 3. Every new text goes to a temporary file beside its target, with the
 *    target's mode and owner (any failure removes them: nothing written).
 * 4. Under the locks of the target folders (see `withFolderLocks`, which
 *    other runs of this tool honour), every file is checked to still have the
 *    bytes it was read with; a changed one is edited again on its new text
 *    through `redo`, else everything is refused with `FileChangedError`
 *    (nothing written).
 * 5. The journal is committed, and each file is checked once more right
 *    before its temporary file is renamed over it (compare-and-swap). Writers
 *    that do not take the locks (an editor) can still slip in between that
 *    last read and the rename: a window of one hash and one system call. A
 *    file changed in the last moment is edited again, or left as it was and
 *    reported in `refused`. A failure after the commit leaves the journal and
 *    the temporary files for the next run to finish the edit, and rejects
 *    with `InterruptedEditError`.
 *
 * Byte order marks and line terminators stay as they were (edits only insert
 * what the engine wrote).
 */
export async function applyFileEdits(files: readonly FileEdits[], options: { journalRoot?: string } = {}): Promise<AppliedEdits> {
  const result: AppliedEdits = { written: [], redone: [], refused: [], notes: [] };
  const pending: Pending[] = [];
  const edited = files.filter((candidate) => candidate.edits.length > 0);
  const targets = edited.map((file) => resolveReplaceTarget(file.absolute));
  edited.forEach((file, index) => {
    const { real, stat } = targets[index];
    pending.push({ file, real, stat, temporary: temporaryPathOf(real), base: file.hash, data: contentOf(file.bom, file.text, file.edits) });
  });
  if (pending.length === 0) return result;
  const folders = [...new Set(pending.map((item) => path.dirname(item.real)))];
  let journal: OpenJournal | undefined;
  const entries = () =>
    pending.map((item) => ({
      target: path.relative(options.journalRoot as string, item.real),
      temporary: path.relative(options.journalRoot as string, item.temporary),
      oldHash: item.base,
      newHash: hashOf(item.data),
    }));
  try {
    if (options.journalRoot) journal = await startJournal(options.journalRoot, entries());
    for (const item of pending) result.notes.push(...writeTemporary(item.temporary, item.data, item.stat, item.file.display));
    await withFolderLocks(folders, async () => {
      await Promise.all(folders.map(removeStaleTemporaries));
      for (const item of pending) {
        // Synchronous reads: many small files are read faster so than with a round trip each.
        const bytes = readFileSync(item.real);
        if (hashOf(bytes) === item.base) continue;
        const again = await redoOnCurrent(item, bytes);
        if (typeof again === 'string') throw new FileChangedError(`${again}: nothing was written, run the command again`);
        await rewriteTemporary(item, again.data, result.notes);
        item.base = again.base;
        result.redone.push(item.file.display);
      }
      if (journal) {
        journal.journal.files = entries();
        await commitJournal(journal);
      }
      for (const item of pending) {
        let bytes = readFileSync(item.real);
        for (let attempt = 0; attempt < 3 && hashOf(bytes) !== item.base; attempt++) {
          const again = await redoOnCurrent(item, bytes);
          if (typeof again === 'string') break;
          await rewriteTemporary(item, again.data, result.notes);
          item.base = again.base;
          result.redone.push(item.file.display);
          bytes = readFileSync(item.real);
        }
        // The compare-and-swap: nothing but this comparison lies between the last read and the rename
        // (both synchronous: no other work of this process can run in between).
        if (hashOf(bytes) === item.base) {
          renameSync(item.temporary, item.real);
          result.written.push(item.file.display);
        } else {
          await fs.rm(item.temporary, { force: true });
          result.refused.push(`${item.file.display} changed on disk while the other files were being replaced, and the edit cannot be made on its new text: it was left as it is`);
        }
      }
    });
  } catch (error) {
    // Once committed, the journal and the temporary files stay: the next run finishes the edit.
    if (journal?.journal.state === 'committed') {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new InterruptedEditError(`replacing the files failed halfway (${reason}): ${result.written.length} of ${pending.length} are replaced; the next mdqda command run here finishes the edit`);
    }
    await Promise.all(pending.map((item) => fs.rm(item.temporary, { force: true })));
    if (journal) await endJournal(journal);
    throw error;
  }
  if (journal) await endJournal(journal);
  return result;
}
