import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CliIo, Command } from '../command';
import { UsageError } from '../command';
import { mergeCodebookText } from '../../core/merge/mergeCodebookText';
import { mergeCodings } from '../../core/merge/mergeCodings';
import { countOf } from '../../core/render/countOf';
import { gitMergeFile } from '../../node/gitMergeFile';
import { decodeTranscript } from '../../node/readTranscriptFile';
import { writeFileAtomic } from '../../node/writeFileAtomic';

const transcriptFile = /\.(md|markdown)$/i;
const codebookFile = /\.ya?ml$/i;

/** Merges a codebook by code id and writes OURS: resolves to the exit code, or to why git must merge it as text. */
async function mergeCodebookFile(bytes: Buffer[], ours: string, name: string): Promise<number | string> {
  const texts = bytes.map((content) => decodeTranscript(content, name));
  if (!texts.every((read) => read.ok && read.writable && !read.bom)) return 'the tool cannot read it as a codebook';
  const [baseText, oursText, theirsText] = texts.map((read) => (read.ok ? read.text : ''));
  const merged = mergeCodebookText(baseText, oursText, theirsText);
  if (!merged.ok) return merged.reason;
  await writeFileAtomic(ours, merged.text);
  return 0;
}

/** Merges a transcript's codings and writes OURS: resolves to the exit code, or to why git must merge it as text. */
async function mergeTranscriptFile(bytes: Buffer[], ours: string, name: string, io: CliIo): Promise<number | string> {
  const texts = bytes.map((content) => decodeTranscript(content, name));
  if (texts.some((read) => !read.ok || !read.writable)) return 'the tool cannot read it as a transcript';
  const [baseText, oursText, theirsText] = texts.map((read) => (read.ok ? (read.bom ? '\ufeff' : '') + read.text : ''));
  const merged = mergeCodings(baseText, oursText, theirsText, { path: name });
  if (!merged.ok) return merged.reason;
  await writeFileAtomic(ours, merged.text);
  for (const conflict of merged.conflicts) {
    const quote = conflict.text.length > 60 ? conflict.text.slice(0, 57) + '…' : conflict.text;
    io.stderr(`${name}: both sides changed the excerpt${conflict.coder ? ` by ${conflict.coder}` : ''} at ${conflict.start}–${conflict.end} “${quote}”\n`);
  }
  if (merged.conflicts.length === 0) return 0;
  io.stderr(`${name}: codings merged, ${countOf(merged.conflicts.length, 'conflict')} left in markers\n`);
  return 1;
}

/**
 * `mdqda merge-file BASE OURS THEIRS`: git's merge driver protocol (`%O %A
 * %B`). Transcripts with one plain text get their codings merged by the
 * core; anything else (other plain texts, codebooks, files the tool cannot
 * read) is merged as text by `git merge-file`. The result goes to OURS.
 */
export const mergeFileCommand: Command = {
  name: 'merge-file',
  summary: 'merge driver for git: unions two coders’ codings of one transcript (mdqda git setup installs it)',
  usage: [
    'Usage: mdqda merge-file BASE OURS THEIRS [--path NAME]',
    '',
    'Three-way merge in git’s merge driver protocol (%O %A %B): the result is written to OURS; exit 0 when',
    'clean, 1 with conflicts. When the three transcripts have the same plain text, the result holds the base’s',
    'codings plus what each side added, minus what each side removed; only an excerpt both sides changed',
    'differently (same coder, same text) is shown in conflict markers. Otherwise (plain texts differ, a',
    'codebook, another file) it falls back to `git merge-file`. --path (git’s %P) names the file in messages;',
    'a file it names .yaml or .yml is merged as a codebook (codes by id, history entries from both sides),',
    'any other file that does not end in .md or .markdown as text.',
  ].join('\n'),
  options: { path: { type: 'string' } },
  async run(args, io) {
    if (args.positionals.length !== 3) throw new UsageError('give three files: BASE OURS THEIRS');
    const [base, ours, theirs] = args.positionals.map((file) => path.resolve(io.cwd, file));
    // git hands the driver temporary file names: only --path (%P) tells what the file is.
    const named = typeof args.values.path === 'string';
    const name = named ? (args.values.path as string) : args.positionals[1];
    const bytes = await Promise.all([base, ours, theirs].map((file) => fs.readFile(file).catch(() => undefined)));
    const missing = bytes.findIndex((content) => content === undefined);
    if (missing !== -1) throw new UsageError(`cannot read ${args.positionals[missing]}`);

    let reason: string | number = 'it is not a transcript';
    if (named && codebookFile.test(name)) reason = await mergeCodebookFile(bytes as Buffer[], ours, name);
    else if (!named || transcriptFile.test(name)) reason = await mergeTranscriptFile(bytes as Buffer[], ours, name, io);
    if (typeof reason === 'number') return reason;
    const text = await gitMergeFile(base, ours, theirs, io.cwd);
    if (!text.ok) throw new UsageError(`${name}: ${text.message}`);
    await writeFileAtomic(ours, text.merged);
    io.stderr(`${name}: merged as text by git merge-file (${reason})${text.conflicts > 0 ? `, ${countOf(text.conflicts, 'conflict')}` : ''}\n`);
    return text.conflicts > 0 ? 1 : 0;
  },
};
