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
 * `ImportWriteError` naming the files when it refuses, and naming the folder
 * or file when the folder cannot be made (an existing file has its name) or
 * a file cannot be written.
 */
export async function writeImportedFiles(folder: string, files: { path: string; text: string }[], force: boolean): Promise<string[]> {
  let root: string;
  try {
    await fs.mkdir(folder, { recursive: true });
    root = await fs.realpath(folder);
    if (!(await fs.stat(root)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportWriteError(`${folder}: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'exists and is not a folder' : `cannot create the folder (${code ?? String(error)})`}`);
  }
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
  for (const [index, target] of targets.entries()) {
    try {
      await writeFileAtomic(target, files[index].text, { replaceLinks: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ImportWriteError(`${files[index].path}: cannot write it in ${folder} (${code === 'EISDIR' ? 'a folder has that name' : (code ?? String(error))})`);
    }
  }
  return targets;
}
