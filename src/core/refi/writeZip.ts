import { zipSync, type Zippable } from 'fflate';

/** One file of a zip package. */
export interface ZipFile {
  path: string;
  data: Uint8Array;
}

// A fixed time, built from local-time fields because the zip format stores local
// time: every machine, in any time zone, writes the same bytes.
const FIXED_TIME = () => new Date(2000, 0, 1, 0, 0, 0);

/**
 * A zip archive of `files`, in the order given, deflated, with one fixed
 * modification time: the same files always give byte-identical archives.
 */
export function writeZip(files: ZipFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const file of files) tree[file.path] = [file.data, { mtime: FIXED_TIME(), level: 6 }];
  return zipSync(tree);
}
