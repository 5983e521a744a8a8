import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Command } from '../command';
import { UsageError } from '../command';
import { formatOf } from '../workspaceArgs';
import { pseudonymiseTranscript, pseudonymMapProblem, type PseudonymMap } from '../../core/ingest/pseudonymiseTranscript';
import { applyFileEdits, diffOfEdits, FileChangedError, type FileEdits } from '../../node/applyEdits';
import { findTranscripts } from '../../node/findTranscripts';
import { readForEdit } from '../../node/readForEdit';

/** Reads the map file: a YAML mapping of real names to pseudonyms. */
async function readPseudonymMap(file: string, cwd: string): Promise<PseudonymMap> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new UsageError(`${file}: not YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${file}: write one "Real Name: Pseudonym" line per name`);
  const map: PseudonymMap = new Map();
  for (const [name, pseudonym] of Object.entries(value as Record<string, unknown>)) {
    if (typeof pseudonym !== 'string' && typeof pseudonym !== 'number') throw new UsageError(`${file}: the pseudonym of "${name}" is not a text`);
    map.set(name, String(pseudonym));
  }
  if (map.size === 0) throw new UsageError(`${file}: no names in the map`);
  const problem = pseudonymMapProblem(map);
  if (problem) throw new UsageError(`${file}: ${problem}`);
  return map;
}

/** `mdqda pseudonymise --map names.yaml [paths]` (SPEC §6): names replaced across transcripts through the edit engine. */
export const pseudonymiseCommand: Command = {
  name: 'pseudonymise',
  summary: 'replace names by pseudonyms across transcripts; codings stay on their text',
  usage: [
    'Usage: mdqda pseudonymise --map names.yaml [paths…] [--dry-run] [--format md|json]',
    '',
    'names.yaml maps real names to pseudonyms, one per line ("Jane Doe: P3"). Every whole-word',
    'occurrence, case as written and the longest name first, is replaced in the text, the turn labels',
    'and the front matter of the transcripts under paths (default: the current folder). Coding markup',
    'and its attributes (memo="…") are never touched, codings stay on their text. Every file is',
    'checked before any is written. --dry-run prints the diff. The report counts replacements per',
    'name and file.',
  ].join('\n'),
  options: { map: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(args, io) {
    const format = formatOf(args, ['md', 'json']);
    if (typeof args.values.map !== 'string') throw new UsageError('give the names to replace: --map names.yaml');
    const map = await readPseudonymMap(args.values.map, io.cwd);
    const { files: found, missing } = await findTranscripts(args.positionals.length > 0 ? args.positionals : ['.'], io.cwd);
    if (missing.length > 0) throw new UsageError(`${missing[0]}: no such file or folder`);
    const files: FileEdits[] = [];
    const report: { file: string; replaced: Record<string, number>; skipped: string[] }[] = [];
    for (const file of found) {
      const read = readForEdit(file.absolute, file.relative);
      if (typeof read === 'string') throw new UsageError(`${read}: nothing was changed`);
      const result = pseudonymiseTranscript(read.file.text, read.parsed, map);
      if (!result.ok) throw new UsageError(`${file.relative}: ${result.error}: nothing was changed`);
      if (result.edits.length > 0) files.push({ ...read.file, edits: result.edits });
      if (result.counts.size > 0 || result.skipped.length > 0) report.push({ file: file.relative, replaced: Object.fromEntries(result.counts), skipped: result.skipped });
    }
    const dryRun = args.values['dry-run'] === true;
    if (dryRun) io.stdout(diffOfEdits(files));
    else {
      try {
        await applyFileEdits(files);
      } catch (error) {
        if (error instanceof FileChangedError) throw new UsageError(error.message);
        throw new UsageError(`cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)}): nothing was changed`);
      }
    }
    const out = dryRun ? io.stderr : io.stdout;
    if (format === 'json') out(JSON.stringify(report, null, 2) + '\n');
    else {
      for (const item of report) {
        const counts = Object.entries(item.replaced).map(([name, count]) => `${name} → ${map.get(name)} ×${count}`);
        out(`${item.file}: ${counts.join(', ') || 'nothing replaced'}${item.skipped.length > 0 ? `; left alone: ${item.skipped.join('; ')}` : ''}\n`);
      }
      const total = report.reduce((sum, item) => sum + Object.values(item.replaced).reduce((a, b) => a + b, 0), 0);
      out(`${total} replacement${total === 1 ? '' : 's'} in ${files.length} of ${found.length} transcripts${dryRun ? ' (dry run, nothing written)' : ''}\n`);
    }
    return 0;
  },
};
