import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { applyTextEdits, type TextEdit } from '../core/edit/textEdit';

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
}

/** Thrown when a file changed on disk after it was read; nothing has been written. */
export class FileChangedError extends Error {
  override name = 'FileChangedError';
}

/** The unified diff of all edits (files without edits are left out), as `diff -u` prints it. */
export function diffOfEdits(files: readonly FileEdits[]): string {
  return files
    .filter((file) => file.edits.length > 0)
    .map((file) => createTwoFilesPatch(`a/${file.display}`, `b/${file.display}`, file.text, applyTextEdits(file.text, file.edits), '', '', { context: 3 }).replace(/^=+\n/, ''))
    .join('');
}

/**
 * Writes the edits of several files as one step, as far as a file system
 * allows: every file is first checked to still have the bytes it was read
 * with (else `FileChangedError`, nothing written), then every new text is
 * written to a temporary file beside its target (any failure removes them,
 * nothing written), and only then are the temporary files renamed over the
 * targets. Byte order marks and line terminators stay as they were (edits
 * only insert what the engine wrote). Resolves to the paths written.
 */
export async function applyFileEdits(files: readonly FileEdits[]): Promise<string[]> {
  const changed = files.filter((file) => file.edits.length > 0);
  const hashes = await Promise.all(changed.map(async (file) => createHash('sha1').update(await fs.readFile(file.absolute)).digest('hex')));
  const moved = changed.find((file, index) => hashes[index] !== file.hash);
  if (moved) throw new FileChangedError(`${moved.display} changed on disk while it was being edited: nothing was written, run the command again`);
  const temporaries = changed.map((file, index) => ({
    temporary: path.join(path.dirname(file.absolute), `.${path.basename(file.absolute)}.${process.pid}.${index}.mdqda.tmp`),
    target: file.absolute,
    text: (file.bom ? '\ufeff' : '') + applyTextEdits(file.text, file.edits),
  }));
  try {
    await Promise.all(
      temporaries.map(async (item) => {
        await fs.writeFile(item.temporary, item.text, 'utf8');
        try {
          await fs.chmod(item.temporary, (await fs.stat(item.target)).mode);
        } catch {
          // Keep the default mode when the target's cannot be read.
        }
      }),
    );
  } catch (error) {
    await Promise.all(temporaries.map((item) => fs.rm(item.temporary, { force: true })));
    throw error;
  }
  for (const item of temporaries) await fs.rename(item.temporary, item.target);
  return changed.map((file) => file.display);
}
