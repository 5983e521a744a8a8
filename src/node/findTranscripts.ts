import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Folders never searched for transcripts. */
const IGNORED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.tools', '.mdqda-cache', 'dist', 'out']);

/** A transcript file found on disk. */
export interface FoundFile {
  absolute: string;
  /** Path relative to the workspace root, `/`-separated. */
  relative: string;
  /** True when the user named the file itself (it is indexed even without codings). */
  explicit: boolean;
}

/**
 * Lists the Markdown files (`.md`, `.markdown`) under the given paths: a
 * folder is searched recursively (skipping hidden folders, `node_modules`,
 * `.git` and build folders), a file is taken as it is. Paths that do not exist
 * are returned in `missing`. Results are sorted by relative path, without duplicates.
 */
export async function findTranscripts(paths: string[], root: string): Promise<{ files: FoundFile[]; missing: string[] }> {
  const found = new Map<string, FoundFile>();
  const missing: string[] = [];
  const add = (absolute: string, explicit: boolean, relative = toRelative(root, absolute)) => {
    const existing = found.get(absolute);
    if (existing) existing.explicit ||= explicit;
    else found.set(absolute, { absolute, relative, explicit });
  };
  /** Searches a folder whose path relative to the root is `relative` (a name is joined to it rather than resolved again). */
  const walk = async (folder: string, relative: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      const entryRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !IGNORED_FOLDERS.has(entry.name)) await walk(absolute, entryRelative);
      } else if (entry.isFile() && isMarkdown(entry.name)) {
        add(absolute, false, entryRelative);
      }
    }
  };
  for (const wanted of paths) {
    const absolute = path.resolve(root, wanted);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      missing.push(wanted);
      continue;
    }
    if (stat.isDirectory()) await walk(absolute, toRelative(root, absolute));
    else add(absolute, true);
  }
  const files = [...found.values()].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return { files, missing };
}

function isMarkdown(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

/** `absolute` relative to `root`, with `/` separators. */
export function toRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}
