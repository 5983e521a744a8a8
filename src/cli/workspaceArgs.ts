import fs from 'node:fs';
import path from 'node:path';
import type { CliArgs, CliIo } from './command';
import { UsageError } from './command';
import { loadWorkspace, type Workspace } from '../node/loadWorkspace';
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
 * is a usage error (exit 2) naming it.
 */
export async function workspaceFromArgs(args: CliArgs, io: CliIo, positionals = args.positionals): Promise<Workspace> {
  const paths = defaultPaths(positionals, io.cwd);
  const codebooks = (args.values.codebook as string[] | undefined)?.map((file) => path.resolve(io.cwd, file));
  const started = Date.now();
  const workspace = await loadWorkspace({ paths, cwd: io.cwd, codebooks, cache: args.values['no-cache'] !== true });
  const missing = workspace.diagnostics.find((diagnostic) => diagnostic.ruleId === 'path-not-found');
  if (missing) throw new UsageError(`${missing.path}: no such file or folder`);
  const elapsed = Date.now() - started;
  if (elapsed > 2000) io.stderr(`mdqda: indexed ${countOf(workspace.sources.length, 'transcript')} in ${(elapsed / 1000).toFixed(1)} s\n`);
  return workspace;
}
