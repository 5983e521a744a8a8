import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { CODE_ID } from '../../core/edit/codeRange';
import { checkCodeId, recodeOptions, runRecode, SKIP_UNREADABLE_USAGE } from './rename';

/** `mdqda merge A B… --into C`: a workspace refactoring recorded in the codebook history. */
export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge codes into one across the workspace, recorded in the codebook history',
  usage: [
    'Usage: mdqda merge A B… --into C [paths…] [--step S] [--note TEXT] [--date YYYY-MM-DD] [--codebook FILE] [--dry-run]',
    '',
    'Replaces the codes by C in every transcript (classes that become duplicates collapse into one),',
    'removes the merged codes from the codebook (or drops inherited ones; their children move to C),',
    'defines C with the fields of A when it is new, and appends { action: merge, from: [A, B…], to: [C],',
    'date, step } to its history. The leading arguments that',
    'look like code ids and are not files or folders are the codes; the rest are paths.',
    SKIP_UNREADABLE_USAGE,
  ].join('\n'),
  options: { ...recodeOptions, into: { type: 'string' } },
  async run(args, io) {
    const into = checkCodeId(typeof args.values.into === 'string' ? args.values.into : undefined, '--into');
    const codes: string[] = [];
    let index = 0;
    while (index < args.positionals.length && CODE_ID.test(args.positionals[index]) && !fs.existsSync(path.resolve(io.cwd, args.positionals[index]))) {
      codes.push(args.positionals[index]);
      index++;
    }
    const from = [...new Set(codes)];
    if (from.filter((code) => code !== into).length === 0) throw new UsageError('give the codes to merge before --into (at least one other than the target)');
    const mapping = new Map(from.filter((code) => code !== into).map((code) => [code, into]));
    return runRecode(args, io, { mapping, change: { action: 'merge', from, to: [into] }, paths: args.positionals.slice(index) });
  },
};
