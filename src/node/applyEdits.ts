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
  for (const file of changed) {
    const bytes = await fs.readFile(file.absolute);
    const hash = createHash('sha1').update(bytes).digest('hex');
    if (hash !== file.hash) throw new FileChangedError(`${file.display} changed on disk while it was being edited: nothing was written, run the command again`);
  }
  const temporaries: { temporary: string; target: string }[] = [];
  try {
    for (const [index, file] of changed.entries()) {
      const temporary = path.join(path.dirname(file.absolute), `.${path.basename(file.absolute)}.${process.pid}.${index}.mdqda.tmp`);
      temporaries.push({ temporary, target: file.absolute });
      const text = (file.bom ? '\ufeff' : '') + applyTextEdits(file.text, file.edits);
      await fs.writeFile(temporary, text, 'utf8');
      try {
        await fs.chmod(temporary, (await fs.stat(file.absolute)).mode);
      } catch {
        // Keep the default mode when the target's cannot be read.
      }
    }
  } catch (error) {
    await Promise.all(temporaries.map((item) => fs.rm(item.temporary, { force: true })));
    throw error;
  }
  for (const item of temporaries) await fs.rename(item.temporary, item.target);
  return changed.map((file) => file.display);
}
