import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { gitRun } from '../../node/gitRun';
import { writeFileAtomic } from '../../node/writeFileAtomic';

/** The `.gitattributes` lines that route transcripts and codebooks to the driver. */
export const MERGE_ATTRIBUTES = ['*.md merge=mdqda', '*.markdown merge=mdqda', 'codebook.yaml merge=mdqda'];

/** Quotes a word for the POSIX shell git runs the driver with (bare when it is safe). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that runs this mdqda again: the Node binary and the script as this process was started. */
export function invokedCommand(argv: readonly string[] = process.argv): string {
  const [node, script] = argv;
  if (!script) return 'mdqda';
  return `${shellQuote(node)} ${shellQuote(path.resolve(script))}`;
}

/**
 * The lines of `wanted` that `existing` (a `.gitattributes` text) lacks, compared
 * by their words, so that spacing differences do not add a line twice.
 */
export function missingLines(existing: string, wanted: readonly string[]): string[] {
  const have = new Set(existing.split(/\r?\n/).map((line) => line.trim().split(/\s+/).join(' ')));
  return wanted.filter((line) => !have.has(line));
}

/** `mdqda git setup`: installs the merge driver in the repository at the working folder. */
export const gitSetupCommand: Command = {
  name: 'git',
  summary: 'git setup: install the coding merge driver in this repository (.gitattributes and git config)',
  usage: [
    'Usage: mdqda git setup [--command CMD] [--dry-run]',
    '',
    'Adds `*.md merge=mdqda`, `*.markdown merge=mdqda` and `codebook.yaml merge=mdqda` to the .gitattributes',
    'at the root of the repository (lines already there are not added twice), and sets merge.mdqda.name and',
    'merge.mdqda.driver (`CMD merge-file %O %A %B --path %P`) in the repository’s config. CMD defaults to',
    'the way this mdqda was started (node and the script path). --dry-run prints what it would write.',
  ].join('\n'),
  options: { command: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(args, io) {
    if (args.positionals.length !== 1 || args.positionals[0] !== 'setup') throw new UsageError('the only git sub-command is `setup`: mdqda git setup [--dry-run]');
    const top = await gitRun(['rev-parse', '--show-toplevel'], io.cwd);
    if (top.code !== 0) throw new UsageError(`not inside a git repository (${top.stderr.trim().split('\n')[0] || 'git is not available'})`);
    const root = top.stdout.toString().trim();
    const attributesFile = path.join(root, '.gitattributes');
    const existing = await fs.readFile(attributesFile, 'utf8').catch(() => '');
    const missing = missingLines(existing, MERGE_ATTRIBUTES);
    const command = typeof args.values.command === 'string' ? args.values.command : invokedCommand();
    const settings: [string, string][] = [
      ['merge.mdqda.name', 'Markdown QDA: merge codings'],
      ['merge.mdqda.driver', `${command} merge-file %O %A %B --path %P`],
    ];
    if (args.values['dry-run']) {
      io.stdout(missing.length > 0 ? `${attributesFile}: would add\n${missing.map((line) => `  ${line}\n`).join('')}` : `${attributesFile}: nothing to add\n`);
      for (const [key, value] of settings) io.stdout(`git config ${key} ${shellQuote(value)}\n`);
      return 0;
    }
    if (missing.length > 0) {
      const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
      await writeFileAtomic(attributesFile, existing + separator + missing.map((line) => line + '\n').join(''));
    }
    for (const [key, value] of settings) {
      const set = await gitRun(['config', '--local', key, value], root);
      if (set.code !== 0) throw new UsageError(`cannot set ${key}: ${set.stderr.trim().split('\n')[0]}`);
    }
    io.stderr(`${path.relative(io.cwd, attributesFile) || '.gitattributes'}: ${missing.length > 0 ? `added ${missing.join(', ')}` : 'already routes transcripts to mdqda'}; merge.mdqda.driver set\n`);
    return 0;
  },
};
