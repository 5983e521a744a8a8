import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../writeFileAtomic';

/** Why an import could not write its files: existing files without `force`, or an unsafe name. */
export class ImportWriteError extends Error {
  override name = 'ImportWriteError';
}

/**
 * Writes imported files into `folder` (created if needed), atomically. Every
 * name must be a plain file name inside the folder (no separator, no `..`, no
 * leading dot): anything else is refused before a byte is written. Files that
 * exist already (symbolic links included) are only replaced with `force`; a
 * replaced link is replaced itself, never written through. Throws
 * `ImportWriteError` naming the files when it refuses.
 */
export async function writeImportedFiles(folder: string, files: { path: string; text: string }[], force: boolean): Promise<string[]> {
  await fs.mkdir(folder, { recursive: true });
  const root = await fs.realpath(folder);
  const targets: string[] = [];
  for (const file of files) {
    if (file.path !== path.basename(file.path) || file.path.startsWith('.') || file.path.includes('\\') || file.path.includes('/')) {
      throw new ImportWriteError(`refused to write ${JSON.stringify(file.path)}: not a plain file name`);
    }
    const target = path.join(root, file.path);
    const relative = path.relative(root, target);
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new ImportWriteError(`refused to write ${file.path}: outside ${folder}`);
    targets.push(target);
  }
  if (!force) {
    const existing: string[] = [];
    for (const [index, target] of targets.entries()) {
      try {
        await fs.lstat(target);
        existing.push(files[index].path);
      } catch {
        // Does not exist: fine.
      }
    }
    if (existing.length > 0) throw new ImportWriteError(`${existing.length} file${existing.length === 1 ? '' : 's'} exist already in ${folder} (${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', …' : ''}); use --force to replace them`);
  }
  for (const [index, target] of targets.entries()) await writeFileAtomic(target, files[index].text, { replaceLinks: true });
  return targets;
}
