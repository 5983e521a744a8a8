import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CliArgs, CliIo, Command } from '../command';
import { UsageError } from '../command';
import { formatOf } from '../workspaceArgs';
import { writeOutput } from '../writeOutput';
import { escapeControl } from '../../core/refi/escapeControl';
import { importCodebookFile } from '../../core/refi/importCodebookFile';
import { importProject } from '../../core/refi/importProject';
import type { ImportReport } from '../../core/refi/importReport';
import { renderImportReport } from '../../core/refi/renderImportReport';
import { ImportWriteError, writeImportedFiles } from '../../node/refi/writeImportedFiles';
import { describeSpecialFile } from '../../node/readTranscriptFile';
import { isTranscriptImport, runTranscriptImport, transcriptImportOptions, transcriptImportUsage } from './importTranscripts';

/** Largest file read (bytes). */
const MAX_INPUT_BYTES = 1024 * 1024 * 1024;

/** What an importer is given: the file as named and read, the parsed options. */
export interface ImportInput {
  /** The file as given on the command line. */
  file: string;
  bytes: Uint8Array;
  args: CliArgs;
  io: CliIo;
  format: 'md' | 'json';
  force: boolean;
  /** `-o` as given (undefined without it). */
  output: string | undefined;
}

/**
 * One kind of file `mdqda import` reads. The first kind whose `accepts`
 * says yes imports the file; add a kind to `IMPORTERS` to read another.
 */
export interface Importer {
  /** Whether this importer reads the file (by name, or by its first bytes). */
  accepts(file: string, bytes: Uint8Array): boolean;
  /** Imports and writes; throws `UsageError` for bad input. Returns the exit code. */
  run(input: ImportInput): Promise<number>;
}

/** Writes files, turning a refusal (existing files, not a folder) into a one-line usage error. */
async function writeFiles(folder: string, files: { path: string; text: string }[], force: boolean): Promise<void> {
  try {
    await writeImportedFiles(folder, files, force);
  } catch (error) {
    if (error instanceof ImportWriteError) throw new UsageError(error.message);
    throw error;
  }
}

function printReport(input: ImportInput, report: ImportReport, to: 'stdout' | 'stderr' = 'stdout'): void {
  input.io[to](input.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderImportReport(report));
}

/** A REFI-QDA codebook (`.qdc`) into codebook YAML: to `-o FILE`, else stdout (the report then on stderr). */
const codebookImporter: Importer = {
  accepts: (file) => /\.qdc$/i.test(file),
  async run(input) {
    const result = importCodebookFile(new TextDecoder().decode(input.bytes), path.basename(input.file));
    if (!result.ok) throw new UsageError(`${input.file}: ${result.error}`);
    if (input.output && input.output !== '-') {
      const target = path.resolve(input.io.cwd, input.output);
      await writeFiles(path.dirname(target), [{ path: path.basename(target), text: result.yaml }], input.force);
      printReport(input, result.report);
    } else {
      await writeOutput(input.args, input.io, result.yaml);
      printReport(input, result.report, 'stderr');
    }
    return 0;
  },
};

/** A REFI-QDA project (`.qdpx`, or a bare `.qde`) into transcripts and codebook.yaml in the `-o` folder. */
const projectImporter: Importer = {
  accepts: () => true,
  async run(input) {
    if (!input.output || input.output === '-') throw new UsageError('give the folder to write the transcripts to: -o FOLDER');
    const result = importProject(input.bytes, { fileName: path.basename(input.file) });
    if (!result.ok) throw new UsageError(`${input.file}: ${result.error}`);
    await writeFiles(path.resolve(input.io.cwd, input.output), result.files, input.force);
    printReport(input, result.report);
    return 0;
  },
};

/** The kinds of file read, in the order they are asked; the last accepts anything. */
const IMPORTERS: Importer[] = [codebookImporter, projectImporter];

async function readInput(file: string, cwd: string): Promise<Uint8Array> {
  const input = path.resolve(cwd, file);
  try {
    const stat = await fs.stat(input);
    if (!stat.isFile()) throw new UsageError(`${file}: not a regular file (${describeSpecialFile(stat)})`);
    if (stat.size > MAX_INPUT_BYTES) throw new UsageError(`${file}: larger than ${MAX_INPUT_BYTES} bytes`);
    const bytes = await fs.readFile(input);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** `mdqda import FILE`: a REFI-QDA project into Markdown transcripts and codebook.yaml, or a `.qdc` into codebook YAML (SPEC §7). */
export const importCommand: Command = {
  name: 'import',
  summary: 'import a REFI-QDA project (.qdpx) or codebook (.qdc), or transcripts (.docx, .vtt, .srt, .txt)',
  usage: [
    'Usage: mdqda import FILE.qdpx -o FOLDER [--force] [--format md|json]   (a bare .qde too)',
    '       mdqda import FILE.qdc [-o codebook.yaml] [--force] [--format md|json]',
    '',
    'A project becomes one Markdown transcript per text source plus codebook.yaml in FOLDER;',
    'a codebook becomes codebook YAML (stdout without -o). The report (stdout) lists everything',
    'not imported with its GUID and why, and the reading used for selection positions.',
    'Existing files are only replaced with --force.',
    '',
    transcriptImportUsage,
  ].join('\n'),
  options: { force: { type: 'boolean' }, ...transcriptImportOptions },
  async run(args, io) {
    if (isTranscriptImport(args.positionals)) return runTranscriptImport(args, io);
    try {
      const format = formatOf(args, ['md', 'json']) as 'md' | 'json';
      const [file, ...rest] = args.positionals;
      if (!file || rest.length > 0) throw new UsageError('give one file to import');
      const bytes = await readInput(file, io.cwd);
      const input: ImportInput = { file, bytes, args, io, format, force: args.values.force === true, output: typeof args.values.output === 'string' ? args.values.output : undefined };
      const importer = IMPORTERS.find((candidate) => candidate.accepts(file, bytes)) as Importer;
      return await importer.run(input);
    } catch (error) {
      // Names from the command line or the package may hold control characters: print them escaped.
      if (error instanceof UsageError) throw new UsageError(escapeControl(error.message));
      throw error;
    }
  },
};
