import path from 'node:path';
import type { CliArgs, CliIo } from '../command';
import { UsageError } from '../command';
import { formatOf } from '../workspaceArgs';
import { importTranscript, type ImportedTranscript } from '../../core/ingest/importTranscript';
import { parseSpeakerMap, type SpeakerMap } from '../../core/ingest/speakerMap';
import { chooseTranscriptNames } from '../../core/ingest/transcriptNames';
import { existingTranscripts } from '../../node/ingest/existingTranscripts';
import { readTranscriptInputs } from '../../node/ingest/readTranscriptInputs';
import { ImportWriteError, writeImportedFiles } from '../../node/refi/writeImportedFiles';

/** Options `mdqda import` takes for transcripts (beside `-o`, `--force`, `--format`). */
export const transcriptImportOptions = {
  type: { type: 'string' },
  timestamps: { type: 'string' },
  speakers: { type: 'string' },
} as const;

/** Usage lines of the transcript import, for `mdqda import --help`. */
export const transcriptImportUsage = [
  'Usage: mdqda import FILE|FOLDER… -o FOLDER [--type TYPE] [--timestamps keep|drop]',
  '                    [--speakers "Speaker 1=Interviewer,Speaker 2=P3"] [--force] [--format md|json]',
  '',
  'Word (.docx), WebVTT (.vtt), SubRip (.srt) and plain-text (.txt) transcripts become one',
  'Markdown transcript each in FOLDER, with front matter and one **Name:** paragraph per turn.',
  'A folder gives its own transcript files. One summary line per file (turns, speakers, words,',
  'anything skipped). If any file cannot be read, nothing is written.',
].join('\n');

/** Whether the paths ask for a transcript import rather than a REFI-QDA one (.qdpx, .qde, .qdc). */
export function isTranscriptImport(positionals: string[]): boolean {
  return positionals.length > 0 && !positionals.some((file) => /\.(qdpx|qde|qdc)$/i.test(file));
}

function optionsOf(args: CliArgs): { type: string; timestamps: boolean; speakers: SpeakerMap | undefined } {
  const type = typeof args.values.type === 'string' ? args.values.type.trim() : 'interview';
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,59}$/u.test(type)) throw new UsageError(`--type: "${type}" is not a source type (letters, digits, space, _ . -)`);
  const timestamps = typeof args.values.timestamps === 'string' ? args.values.timestamps : 'keep';
  if (timestamps !== 'keep' && timestamps !== 'drop') throw new UsageError(`--timestamps: use keep or drop, not "${timestamps}"`);
  let speakers: SpeakerMap | undefined;
  if (typeof args.values.speakers === 'string') {
    const parsed = parseSpeakerMap(args.values.speakers);
    if (!parsed.ok) throw new UsageError(parsed.error);
    speakers = parsed.map;
  }
  return { type, timestamps: timestamps === 'keep', speakers };
}

function summaryLine(input: string, output: string, result: ImportedTranscript): string {
  const { turns, speakers, words } = result.summary;
  const who = speakers.length > 0 ? ` (${speakers.join(', ')})` : '';
  const skipped = result.skipped.length > 0 ? `; skipped: ${result.skipped.join('; ')}` : '';
  return `${input} → ${output}: ${turns} turn${turns === 1 ? '' : 's'}, ${speakers.length} speaker${speakers.length === 1 ? '' : 's'}${who}, ${words} word${words === 1 ? '' : 's'}${skipped}\n`;
}

/**
 * `mdqda import FILE|FOLDER… -o FOLDER` for transcripts (SPEC §7): reads every
 * file, converts all of them in memory, and writes only when every one could
 * be read (else one line per bad file on stderr, exit 2, nothing written).
 * Existing files are replaced only with `--force`.
 */
export async function runTranscriptImport(args: CliArgs, io: CliIo): Promise<number> {
  const format = formatOf(args, ['md', 'json']);
  const output = typeof args.values.output === 'string' ? args.values.output : undefined;
  if (!output || output === '-') throw new UsageError('give the folder to write the transcripts to: -o FOLDER');
  const options = optionsOf(args);
  const { inputs, emptyFolders } = await readTranscriptInputs(args.positionals, io.cwd);
  if (emptyFolders.length > 0) throw new UsageError(`${emptyFolders[0]}: no transcripts in this folder (.docx, .vtt, .srt, .txt)`);
  const folder = path.resolve(io.cwd, output);
  const names = chooseTranscriptNames(inputs.map((input) => input.fileName), await existingTranscripts(folder));
  const problems: string[] = [];
  const results: { input: string; output: string; result: ImportedTranscript }[] = [];
  for (const [index, input] of inputs.entries()) {
    if (!input.bytes) {
      problems.push(`${input.display}: ${input.error}`);
      continue;
    }
    if (inputs.length > 10) io.stderr(`importing ${index + 1}/${inputs.length}: ${input.display}\n`);
    const result = await importTranscript(input.bytes, input.fileName, { id: names[index].id, type: options.type, timestamps: options.timestamps, speakers: options.speakers });
    if (result.ok) results.push({ input: input.display, output: names[index].fileName, result });
    else problems.push(`${input.display}: ${result.error}`);
  }
  if (options.speakers && problems.length === 0) {
    const used = new Set(results.flatMap((item) => [...item.result.renamed]));
    const unknown = [...options.speakers.keys()].filter((name) => !used.has(name));
    if (unknown.length > 0) {
      const where = inputs.length === 1 ? inputs[0].display : `any of the ${inputs.length} files`;
      problems.push(`${where}: --speakers names ${unknown.map((name) => `"${name}"`).join(', ')}, who never speak${unknown.length === 1 ? 's' : ''} in ${inputs.length === 1 ? 'it' : 'them'}`);
    }
  }
  if (problems.length > 0) {
    for (const problem of problems) io.stderr(`mdqda import: ${problem}\n`);
    io.stderr('mdqda import: nothing written\n');
    return 2;
  }
  try {
    await writeImportedFiles(folder, results.map((item) => ({ path: item.output, text: item.result.markdown })), args.values.force === true);
  } catch (error) {
    if (error instanceof ImportWriteError) throw new UsageError(error.message);
    throw error;
  }
  if (format === 'json') {
    const report = results.map((item) => ({ input: item.input, output: path.join(output, item.output), ...item.result.summary, skipped: item.result.skipped }));
    io.stdout(JSON.stringify(report, null, 2) + '\n');
  } else {
    for (const item of results) io.stdout(summaryLine(item.input, path.join(output, item.output), item.result));
  }
  return 0;
}
