import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { formatOf } from '../workspaceArgs';
import { writeOutput } from '../writeOutput';
import { importCodebookFile } from '../../core/refi/importCodebookFile';
import { importProject } from '../../core/refi/importProject';
import { renderImportReport } from '../../core/refi/renderImportReport';
import { ImportWriteError, writeImportedFiles } from '../../node/refi/writeImportedFiles';
import { describeSpecialFile } from '../../node/readTranscriptFile';
import { isTranscriptImport, runTranscriptImport, transcriptImportOptions, transcriptImportUsage } from './importTranscripts';

/** Largest package read (bytes). */
const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

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
    const format = formatOf(args, ['md', 'json']);
    const [file, ...rest] = args.positionals;
    if (!file || rest.length > 0) throw new UsageError('give one file to import');
    const input = path.resolve(io.cwd, file);
    let bytes: Buffer;
    try {
      const stat = await fs.stat(input);
      if (!stat.isFile()) throw new UsageError(`${file}: not a regular file (${describeSpecialFile(stat)})`);
      if (stat.size > MAX_PACKAGE_BYTES) throw new UsageError(`${file}: larger than ${MAX_PACKAGE_BYTES} bytes`);
      bytes = await fs.readFile(input);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const force = args.values.force === true;
    const output = typeof args.values.output === 'string' ? args.values.output : undefined;

    if (/\.qdc$/i.test(file)) {
      const result = importCodebookFile(new TextDecoder().decode(bytes), path.basename(file));
      if (!result.ok) throw new UsageError(`${file}: ${result.error}`);
      if (output && output !== '-') {
        try {
          await writeImportedFiles(path.dirname(path.resolve(io.cwd, output)), [{ path: path.basename(output), text: result.yaml }], force);
        } catch (error) {
          if (error instanceof ImportWriteError) throw new UsageError(error.message);
          throw error;
        }
        io.stdout(format === 'json' ? JSON.stringify(result.report, null, 2) + '\n' : renderImportReport(result.report));
      } else {
        await writeOutput(args, io, result.yaml);
        io.stderr(renderImportReport(result.report));
      }
      return 0;
    }

    if (!output || output === '-') throw new UsageError('give the folder to write the transcripts to: -o FOLDER');
    const result = importProject(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fileName: path.basename(file) });
    if (!result.ok) throw new UsageError(`${file}: ${result.error}`);
    try {
      await writeImportedFiles(path.resolve(io.cwd, output), result.files, force);
    } catch (error) {
      if (error instanceof ImportWriteError) throw new UsageError(error.message);
      throw error;
    }
    io.stdout(format === 'json' ? JSON.stringify(result.report, null, 2) + '\n' : renderImportReport(result.report));
    return 0;
  },
};
