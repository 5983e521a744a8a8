import { promises as fs } from 'node:fs';
import path from 'node:path';
import { mergeCopies, type MergedCopies, type StudyCopy } from '../core/analysis/agreement/mergeCopies';
import type { Diagnostic } from '../core/model/diagnostic';
import type { Source } from '../core/model/source';
import { parseTranscript } from '../core/syntax/parseTranscript';
import { gitRun as runGit } from './gitRun';
import { DEFAULT_MAX_BYTES, decodeTranscript, readTranscriptFile, tooLargeDiagnostic } from './readTranscriptFile';

/** Options of {@link compareCopies} and {@link readCopy}. */
export interface CompareCopiesOptions {
  /** Folder the copies (relative folders, or the git repository) are resolved from. */
  cwd: string;
  /** For git refs: pathspecs (relative to `cwd`) that restrict the files read; default `.`. */
  paths?: readonly string[];
  /** Files larger than this, on disk or in git, are skipped with a `file-too-large` warning; default 10 MiB. */
  maxBytes?: number;
}

/** One copy as read: its name, where it came from, its parsed sources and the problems met reading them. */
export interface ReadCopy extends StudyCopy {
  kind: 'folder' | 'git';
  sources: Source[];
  diagnostics: Diagnostic[];
}

/** The copies merged for `computeAgreement`, or a one-line message for exit code 2. */
export type CompareCopiesOutcome =
  | { ok: true; first: ReadCopy; second: ReadCopy; merged: MergedCopies }
  | { ok: false; message: string };

const markdownFile = /\.(md|markdown)$/i;

async function listMarkdown(root: string, folder = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, folder), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listMarkdown(root, relative)));
    else if (entry.isFile() && markdownFile.test(entry.name)) files.push(relative);
  }
  return files;
}

async function readFolder(spec: string, absolute: string, maxBytes: number): Promise<ReadCopy> {
  const sources: Source[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const relative of await listMarkdown(absolute)) {
    const read = await readTranscriptFile(path.join(absolute, relative), relative, maxBytes);
    diagnostics.push(...read.diagnostics);
    if (!read.ok) continue;
    sources.push(parseTranscript(read.text, { path: relative, hash: read.hash, bom: read.bom, writable: read.writable }));
  }
  return { name: path.basename(absolute) || spec, kind: 'folder', sources, diagnostics };
}

/** Splits the output of `git cat-file --batch` into the contents of each object, in order. */
function splitBatch(output: Buffer): Buffer[] {
  const blobs: Buffer[] = [];
  let at = 0;
  while (at < output.length) {
    const newline = output.indexOf(0x0a, at);
    if (newline < 0) break;
    const header = output.subarray(at, newline).toString().split(' ');
    const size = Number(header[2]);
    if (header[1] === 'missing' || !Number.isFinite(size)) {
      at = newline + 1;
      continue;
    }
    blobs.push(output.subarray(newline + 1, newline + 1 + size));
    at = newline + 1 + size + 1;
  }
  return blobs;
}

/** A file of a git tree, from `git ls-tree -l`. */
interface TreeFile {
  mode: string;
  type: string;
  oid: string;
  size: number;
  path: string;
}

/** Parses the NUL-separated output of `git ls-tree -r -l -z`: `mode type oid size<TAB>path`. */
function parseTreeListing(output: Buffer): TreeFile[] {
  return output
    .toString()
    .split('\0')
    .filter((line) => line.length > 0)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode = '', type = '', oid = '', size = ''] = line.slice(0, tab).split(/ +/);
      return { mode, type, oid, size: Number(size), path: line.slice(tab + 1) };
    });
}

async function readRef(ref: string, options: CompareCopiesOptions, maxBytes: number): Promise<ReadCopy | string> {
  const listing = await runGit(['ls-tree', '-r', '-l', '-z', '--full-name', ref, '--', ...(options.paths?.length ? options.paths : ['.'])], options.cwd);
  if (listing.code !== 0) return `cannot list the files of git ref '${ref}': ${listing.stderr.trim().split('\n')[0]}`;
  // Regular files only, as on disk (a symbolic link's blob is the path it points to).
  const files = parseTreeListing(listing.stdout).filter((entry) => entry.type === 'blob' && entry.mode !== '120000' && markdownFile.test(entry.path));
  const diagnostics: Diagnostic[] = [];
  // Sizes are checked before any blob is read: a file over the limit never reaches memory.
  const entries = files.filter((entry) => {
    if (!(entry.size > maxBytes)) return true;
    diagnostics.push(tooLargeDiagnostic(entry.path, entry.size, maxBytes));
    return false;
  });
  const batch = await runGit(['cat-file', '--batch'], options.cwd, entries.map((entry) => entry.oid).join('\n') + '\n');
  if (batch.code !== 0) return `cannot read the files of git ref '${ref}': ${batch.stderr.trim().split('\n')[0]}`;
  const blobs = splitBatch(batch.stdout);
  const sources: Source[] = [];
  entries.forEach((entry, index) => {
    const bytes = blobs[index];
    if (!bytes) return;
    const read = decodeTranscript(bytes, entry.path);
    diagnostics.push(...read.diagnostics);
    if (!read.ok) return;
    sources.push(parseTranscript(read.text, { path: entry.path, hash: read.hash, bom: read.bom, writable: read.writable }));
  });
  return { name: ref, kind: 'git', sources, diagnostics };
}

/**
 * Reads one copy of the study: `spec` is a folder (relative to `cwd`; every
 * Markdown file under it, skipping dot folders and node_modules) or else a git
 * ref of the repository at `cwd`, read with `git ls-tree` and `git cat-file`
 * without checking anything out. Files over `maxBytes` (checked before reading,
 * in git from the tree's sizes), binary files and unreadable ones are skipped
 * with the diagnostics `readTranscriptFile` gives. Its name (its coders are `coder@name`, and
 * `name` the coder of excerpts without `by=`) is the folder's base name or the
 * ref as written. Resolves to a message when `spec` is neither.
 */
export async function readCopy(spec: string, options: CompareCopiesOptions): Promise<ReadCopy | string> {
  const absolute = path.resolve(options.cwd, spec);
  const stat = await fs.stat(absolute).catch(() => undefined);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (stat?.isDirectory()) return readFolder(spec, absolute, maxBytes);
  // A name starting with '-' would reach git as an option.
  if (!spec.startsWith('-')) {
    const verify = await runGit(['rev-parse', '--verify', '--quiet', `${spec}^{commit}`], options.cwd);
    if (verify.code === 0) return readRef(spec, options, maxBytes);
  }
  return `'${spec}' is neither a folder nor a git ref${stat ? ' (it is a file)' : ''}`;
}

/**
 * Reads two copies of the same transcripts (folders or git refs, see
 * {@link readCopy}) and merges them onto the first copy's plain text with
 * `mergeCopies`: each coder is a coder of a copy, `rk@main` and `rk@coding/rk`
 * (by the paths as given when two folders share a base name). Resolves to a one-line message when a copy cannot be read,
 * has no Markdown files, shares no source id with the other, or has a
 * transcript too different from the other copy's to align.
 */
export async function compareCopies(first: string, second: string, options: CompareCopiesOptions): Promise<CompareCopiesOutcome> {
  if (first === second) return { ok: false, message: `both copies are '${first}'; give two different folders or refs` };
  const copies: ReadCopy[] = [];
  for (const spec of [first, second]) {
    const copy = await readCopy(spec, options);
    if (typeof copy === 'string') return { ok: false, message: copy };
    if (copy.sources.length === 0) return { ok: false, message: `copy '${spec}' has no Markdown transcripts` };
    copies.push(copy);
  }
  const [a, b] = copies as [ReadCopy, ReadCopy];
  if (a.name === b.name) {
    // Two folders with one base name: the folders as given tell the copies (and their coders) apart.
    a.name = first;
    b.name = second;
  }
  const merged = mergeCopies(a, b);
  if (merged.sources.length === 0) {
    return { ok: false, message: `the copies share no transcript: no source id of '${first}' is in '${second}'` };
  }
  const unmatched = merged.alignments.find((alignment) => alignment.gaveUp);
  if (unmatched) {
    return {
      ok: false,
      message: `${unmatched.path}: transcript '${unmatched.source}' differs too much between '${first}' and '${second}' (${unmatched.secondPath}) to be aligned`,
    };
  }
  return { ok: true, first: a, second: b, merged };
}
