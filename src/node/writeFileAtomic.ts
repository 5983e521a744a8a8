import { promises as fs } from 'node:fs';
import { resolveReplaceTarget, temporaryPathOf, writeTemporary } from './replaceFile';

/**
 * Writes a file atomically: the data goes to a temporary file in the same
 * folder, which is then renamed over the target, so readers never see a
 * partial file and a failure leaves the old file untouched. A symbolic link is
 * followed (its target is replaced, the link stays); the replaced file's mode,
 * owner and group are kept where the system allows. Rejects with
 * `UnsafeReplaceError` (nothing written) for a file with several hard links or
 * a link to a missing file. With `replaceLinks` (for files from untrusted
 * input) the name itself is replaced instead, link or not: nothing is ever
 * written through a link. Resolves to notes on what could not be kept.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: { replaceLinks?: boolean } = {}): Promise<string[]> {
  const { real, stat } = options.replaceLinks ? { real: target, stat: undefined } : resolveReplaceTarget(target);
  const temporary = temporaryPathOf(real);
  const notes = writeTemporary(temporary, data, stat, target);
  try {
    await fs.rename(temporary, real);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  return notes;
}
