import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { checkCodeId, recodeOptions, runRecode, SKIP_UNREADABLE_USAGE } from './rename';

/** `mdqda split OLD NEW --at FILE:LINE`: moves chosen excerpts to a new code, recorded in the history. */
export const splitCommand: Command = {
  name: 'split',
  summary: 'move chosen excerpts of a code to a new code, recorded in the codebook history',
  usage: [
    'Usage: mdqda split OLD NEW --at FILE:LINE [--at FILE:LINE…] [--by CODER] [--name TEXT] [paths…] [--step S] [--dry-run]',
    '',
    'In the excerpts coded OLD whose markup covers the given lines (and by CODER, if given), OLD becomes NEW;',
    'the other excerpts keep OLD. NEW is added to the codebook (named --name, beside OLD) unless it exists,',
    'and { action: split, from: [OLD], to: [OLD, NEW], date, step } is appended to its history.',
    SKIP_UNREADABLE_USAGE,
  ].join('\n'),
  options: { ...recodeOptions, at: { type: 'string', multiple: true }, by: { type: 'string' }, name: { type: 'string' } },
  async run(args, io) {
    const [from, to, ...paths] = args.positionals;
    checkCodeId(from, 'OLD');
    checkCodeId(to, 'NEW');
    if (from === to) throw new UsageError('OLD and NEW are the same code');
    const places = ((args.values.at as string[] | undefined) ?? []).map((value) => {
      const match = /^(.+):(\d+)$/.exec(value);
      if (!match) throw new UsageError(`--at must look like interviews/p1.md:42, got '${value}'`);
      return { file: path.resolve(io.cwd, match[1]), line: Number(match[2]) };
    });
    if (places.length === 0) throw new UsageError('choose the excerpts to move with --at FILE:LINE');
    const coder = typeof args.values.by === 'string' ? args.values.by : undefined;
    const found = new Set<number>();
    return runRecode(args, io, {
      mapping: new Map([[from, to]]),
      change: { action: 'split', from: [from], to: [from, to], newName: typeof args.values.name === 'string' ? args.values.name : undefined },
      paths,
      only(source, absolute) {
        const starts = new Set<number>();
        for (const [index, place] of places.entries()) {
          if (path.resolve(absolute) !== place.file) continue;
          for (const excerpt of source.excerpts) {
            if (!excerpt.codes.includes(from) || (coder !== undefined && excerpt.coder !== coder)) continue;
            if (!excerpt.fragments.some((fragment) => fragment.range.startLine <= place.line && place.line <= fragment.range.endLine)) continue;
            found.add(index);
            for (const fragment of excerpt.fragments) starts.add(fragment.range.startOffset);
          }
        }
        return starts.size > 0 ? starts : undefined;
      },
      check() {
        const missing = places.map((place, index) => ({ place, index })).filter((item) => !found.has(item.index));
        if (missing.length === 0) return undefined;
        return missing.map(({ place }) => `${path.relative(io.cwd, place.file)}:${place.line}: no excerpt coded ${from}${coder ? ` by ${coder}` : ''} here`).join('; ');
      },
    });
  },
};
