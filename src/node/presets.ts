import fs from 'node:fs';
import path from 'node:path';
import { PRESET_NAME_PATTERN } from '../core/codebook/codebookFile';
import type { CodebookText } from '../core/codebook/mergeCodebooks';

const PACKAGE_NAME = 'markdown-qda';

/**
 * The package root: the nearest folder at or above `start` that holds a
 * `package.json` named `markdown-qda` and a `presets/` folder. `start`
 * defaults to this module's folder, which is `src/node/` when run from source
 * and `dist/` when bundled. Undefined when there is none.
 */
export function findPackageRoot(start: string = __dirname): string | undefined {
  let folder = path.resolve(start);
  for (;;) {
    if (isPackageRoot(folder)) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function isPackageRoot(folder: string): boolean {
  try {
    if (!fs.statSync(path.join(folder, 'presets')).isDirectory()) return false;
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown };
    return manifest.name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** Folder of the bundled presets, or undefined when the package root cannot be found. */
export function presetsFolder(root: string | undefined = findPackageRoot()): string | undefined {
  return root === undefined ? undefined : path.join(root, 'presets');
}

/** Names of the bundled presets (`presets/NAME.yaml`), sorted; empty when there are none. */
export function listPresets(root: string | undefined = findPackageRoot()): string[] {
  const folder = presetsFolder(root);
  if (folder === undefined) return [];
  try {
    return fs
      .readdirSync(folder)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => file.slice(0, -'.yaml'.length))
      .filter((name) => PRESET_NAME_PATTERN.test(name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Text and absolute path of bundled preset `name`; undefined when the name is
 * not a plain preset name (letters, digits, `_`, `-`) or the file is missing.
 */
export function readPreset(name: string, root: string | undefined = findPackageRoot()): CodebookText | undefined {
  const folder = presetsFolder(root);
  if (folder === undefined || !PRESET_NAME_PATTERN.test(name)) return undefined;
  const file = path.join(folder, `${name}.yaml`);
  try {
    return { text: fs.readFileSync(file, 'utf8'), path: file };
  } catch {
    return undefined;
  }
}
