import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { checkWorkshop } from '../../core/analysis/workshop/checkWorkshop';
import { renderWorkshopCsv } from '../../core/analysis/workshop/renderWorkshopCsv';
import { renderWorkshopJson } from '../../core/analysis/workshop/renderWorkshopJson';
import { renderWorkshopMarkdown } from '../../core/analysis/workshop/renderWorkshopMarkdown';
import type { Diagnostic } from '../../core/model/diagnostic';
import { loadCodebooks } from '../../node/loadCodebooks';
import { formatOf } from '../workspaceArgs';
import { writeOutput } from '../writeOutput';
import { countOf } from '../../core/render/countOf';
import { describeSpecialFile } from '../../node/readTranscriptFile';
import { formatDiagnostic } from './lint';

function line(diagnostic: Diagnostic): string {
  return formatDiagnostic(diagnostic) + '\n';
}

/** The folder itself, or the folder of a file; a path that does not exist is a usage error. */
async function folderOf(wanted: string, shown: string): Promise<string> {
  try {
    const stat = await fs.stat(wanted);
    return stat.isDirectory() ? wanted : path.dirname(wanted);
  } catch {
    throw new UsageError(`${shown}: no such file or folder`);
  }
}

/**
 * `mdqda workshop FILE [paths…]`: reads a step-3 workshop file
 * (docs/workshop.md), checks it against the codebook of the workspace (the
 * `--codebook` files, else `codebook.yaml` in the first path, by default the
 * folder of FILE; transcripts are not read) and prints the tally: votes, inner and outer
 * circle placements and rank per candidate, who left which card unplaced, and
 * the codebook changes recorded for the workshop's step. Errors in the file
 * are printed as `path:line:col: error: …` and exit 2; warnings are printed
 * and the tally is still made.
 */
export const workshopCommand: Command = {
  name: 'workshop',
  summary: 'step 3: tally a workshop file (poll votes, inner/outer circle) and the codebook changes that followed',
  usage: [
    'Usage: mdqda workshop FILE [paths…] [--format md|csv|json] [-o FILE]',
    '',
    'FILE is a workshop file (YAML: date, step, candidates, participants with votes, inner, outer, notes;',
    'see docs/workshop.md). The codebook is --codebook FILE, else codebook.yaml in the first path (default: the folder of FILE).',
    'Prints per candidate the votes, inner and outer circle counts, who placed it and a rank; per participant',
    'the cards left unplaced; then the codebook history entries of the workshop step (merges, additions, renames).',
    'Errors in FILE (unknown ids, a card in both circles, a participant twice…) exit 2 with path:line:col.',
  ].join('\n'),
  options: {},
  async run(args, io) {
    const [file, ...paths] = args.positionals;
    if (!file) throw new UsageError('give the workshop file: mdqda workshop FILE [paths…]');
    const format = formatOf(args, ['md', 'csv', 'json']);
    const absolute = path.resolve(io.cwd, file);
    let text: string;
    try {
      const stat = await fs.stat(absolute);
      if (!stat.isFile()) throw new UsageError(`${file}: not a regular file (${describeSpecialFile(stat)})`);
      text = await fs.readFile(absolute, 'utf8');
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    // Only the codebook is needed: transcripts are not read.
    const root = paths[0] !== undefined ? await folderOf(path.resolve(io.cwd, paths[0]), paths[0]) : path.dirname(absolute);
    const codebooks = (args.values.codebook as string[] | undefined)?.map((name) => path.resolve(io.cwd, name)) ?? [];
    const loaded = await loadCodebooks(codebooks, root);
    const missing = loaded.diagnostics.find((diagnostic) => diagnostic.ruleId === 'codebook-not-found');
    if (missing) throw new UsageError(missing.message);
    const { tally, diagnostics } = checkWorkshop(text, file, loaded.codebook);
    for (const diagnostic of diagnostics) io.stderr(line(diagnostic));
    if (tally === null) {
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      io.stderr(`mdqda workshop: ${file}: ${countOf(errors.length, 'error')}; no tally\n`);
      return 2;
    }
    const output = format === 'csv' ? renderWorkshopCsv(tally) : format === 'json' ? renderWorkshopJson(tally) : renderWorkshopMarkdown(tally);
    await writeOutput(args, io, output);
    return 0;
  },
};
