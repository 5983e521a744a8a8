import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { readTranscriptFile } from '../../node/readTranscriptFile';
import { parseTranscript } from '../../core/syntax/parseTranscript';
import { writeOutput } from '../writeOutput';

export const plainCommand: Command = {
  name: 'plain',
  summary: 'print the plain text of a transcript (markup removed)',
  usage: 'Usage: mdqda plain FILE [-o FILE]\n\nPrints the plain text (SPEC §3): the transcript without `code` markup and front matter.',
  options: {},
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('give exactly one transcript file');
    const file = args.positionals[0];
    const read = await readTranscriptFile(path.resolve(io.cwd, file), file);
    if (!read.ok) throw new UsageError(`${file}: ${read.diagnostics[0]?.message ?? 'cannot read'}`);
    const source = parseTranscript(read.text, { path: file });
    await writeOutput(args, io, source.plainText);
    return 0;
  },
};
