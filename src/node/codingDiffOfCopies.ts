import { diffCodings, type TranscriptCodingDiff } from '../core/merge/diffCodings';
import type { Source } from '../core/model/source';
import { readCopy } from './compareCopies';
import { gitRun } from './gitRun';

/** The coding diff of two copies, with the sources of the second (to open what it lists), or why a copy cannot be read. */
export type CodingDiffOutcome = { ok: true; diffs: TranscriptCodingDiff[]; after: Source[] } | { ok: false; message: string };

/** The top folder of the git repository holding `cwd`, or undefined when it is in none. */
export async function gitTopLevel(cwd: string): Promise<string | undefined> {
  const top = await gitRun(['rev-parse', '--show-toplevel'], cwd);
  return top.code === 0 ? top.stdout.toString().trim() : undefined;
}

/** Keeps the sources under one of `paths` (repository-relative, `/`-separated); all when none are given. */
function underPaths(sources: Source[], paths: readonly string[]): Source[] {
  if (paths.length === 0) return sources;
  const prefixes = paths.map((entry) => entry.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/$/, ''));
  return sources.filter((source) => prefixes.some((prefix) => prefix === '' || source.path === prefix || source.path.startsWith(prefix + '/')));
}

/**
 * Reads two copies of the study (git refs or folders, as `readCopy` reads
 * them, from `cwd`), narrowed to `paths`, and gives their coding diff: what
 * `mdqda diff` prints and the extension's Coding Changes view shows.
 */
export async function codingDiffOfCopies(first: string, second: string, options: { cwd: string; paths?: readonly string[] }): Promise<CodingDiffOutcome> {
  const paths = options.paths ?? [];
  const copies: Source[][] = [];
  for (const spec of [first, second]) {
    const copy = await readCopy(spec, { cwd: options.cwd, paths: paths.length > 0 ? paths : undefined });
    if (typeof copy === 'string') return { ok: false, message: copy };
    copies.push(underPaths(copy.sources, paths));
  }
  return { ok: true, diffs: diffCodings(copies[0], copies[1]), after: copies[1] };
}
