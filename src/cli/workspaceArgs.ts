import fs from 'node:fs';
import path from 'node:path';
import type { CliArgs, CliIo } from './command';
import { UsageError } from './command';
import { codesThatRollUp } from '../core/analysis/codesThatRollUp';
import type { Codebook } from '../core/model/codebook';
import type { Source } from '../core/model/source';
import { loadWorkspace, type Workspace } from '../node/loadWorkspace';
import { describeSpecialFile } from '../node/readTranscriptFile';
import { findPackageRoot } from '../node/presets';
import { countOf } from '../core/render/countOf';

/** The example study the CLI reads when run from the repository without paths. */
export const EXAMPLE_CORPUS = 'examples/coproduction-study';

/**
 * The paths a command works on: those given, else the bundled example study
 * when the command runs inside the repository, else the current folder.
 */
export function defaultPaths(positionals: string[], cwd: string): string[] {
  if (positionals.length > 0) return positionals;
  const packageRoot = findPackageRoot();
  if (packageRoot) {
    const example = path.join(packageRoot, EXAMPLE_CORPUS);
    const relative = path.relative(packageRoot, path.resolve(cwd));
    const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    if (inside && fs.existsSync(example)) return [example];
  }
  return ['.'];
}

/** The output format asked for with `--format`, checked against what the command offers. */
export function formatOf(args: CliArgs, allowed: string[], fallback = 'md'): string {
  const format = typeof args.values.format === 'string' ? args.values.format : fallback;
  if (!allowed.includes(format)) throw new UsageError(`unknown format '${format}' (use ${allowed.join(', ')})`);
  return format;
}

/**
 * Loads the workspace for a command from its positional paths and the common
 * options; prints progress on stderr for long work. A path that does not exist
 * is a usage error (exit 2) naming it, and so is one that is not a regular
 * file or folder (a FIFO, a device: never read, so never waited on).
 */
export async function workspaceFromArgs(args: CliArgs, io: CliIo, positionals = args.positionals): Promise<Workspace> {
  const paths = defaultPaths(positionals, io.cwd);
  const codebooks = (args.values.codebook as string[] | undefined)?.map((file) => path.resolve(io.cwd, file));
  const started = Date.now();
  const workspace = await loadWorkspace({ paths, cwd: io.cwd, codebooks, cache: args.values['no-cache'] !== true });
  const missing = workspace.diagnostics.find((diagnostic) => diagnostic.ruleId === 'path-not-found');
  if (missing) throw new UsageError(`${missing.path}: no such file or folder`);
  // Only a path named on the command line can be a FIFO, device or socket here: folder searches take regular files.
  const special = workspace.diagnostics.find((diagnostic) => diagnostic.ruleId === 'not-a-regular-file');
  if (special) throw new UsageError(`${special.path}: ${special.message.replace(/^skipped: /, '')}; give transcript files or folders`);
  const elapsed = Date.now() - started;
  if (elapsed > 2000) io.stderr(`mdqda: indexed ${countOf(workspace.sources.length, 'transcript')} in ${(elapsed / 1000).toFixed(1)} s\n`);
  return workspace;
}

/**
 * Checks each `--codebook FILE` before a command runs: a file that does not
 * exist, or is not a regular file (a folder, a FIFO: never opened), is a
 * usage error (exit 2) naming it, whatever the command.
 */
export function checkCodebookOptions(args: CliArgs, cwd: string): void {
  const given = args.values.codebook;
  for (const file of Array.isArray(given) ? given : typeof given === 'string' ? [given] : []) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path.resolve(cwd, file));
    } catch (error) {
      // Worded as the codebook loader words it (`codebook-not-found`).
      throw new UsageError(`Cannot read codebook ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    if (!stat.isFile()) throw new UsageError(`Cannot read codebook ${file}: not a regular file (${describeSpecialFile(stat)})`);
  }
}

/** With `--rollup`, warns on stderr when no code used in `sources` has a parent in `codebook`: nothing would roll up. */
export function warnWhenNothingRollsUp(args: CliArgs, io: CliIo, command: string, sources: readonly Source[], codebook: Codebook): void {
  if (args.values.rollup !== true || codesThatRollUp(sources, codebook).length > 0) return;
  const why = codebook.codes.size === 0 ? 'there is no codebook (give --codebook FILE)' : 'no code used here has a parent in the codebook';
  io.stderr(`mdqda ${command}: warning: --rollup: ${why}; nothing rolls up\n`);
}
