import type { Command } from '../command';
import { UsageError } from '../command';
import { setExcerptAttributes, type ExcerptAttributeChange } from '../../core/edit/setExcerptAttributes';
import type { ParsedTranscript } from '../../core/syntax/parseTranscript';
import { sameExcerpt } from '../../node/readForEdit';
import { finishEdit, readOneTranscript } from './code';
import { selectExcerpt } from './uncode';

/** `mdqda memo`: sets, changes or removes a memo; turns exemplar on or off. */
export const memoCommand: Command = {
  name: 'memo',
  summary: "set, change or remove an excerpt's memo; mark it as an exemplar or not",
  usage: [
    'Usage: mdqda memo FILE --line N [--code ID] [--by CODER] (--set TEXT | --remove) [--exemplar | --not-exemplar] [--dry-run]',
    '',
    'Chooses the excerpt whose markup covers line N (narrowed by --code and --by) and edits only its',
    'attributes: the memo is quoted so that quotes, line breaks and backslashes read back exactly.',
  ].join('\n'),
  options: {
    line: { type: 'string' },
    code: { type: 'string' },
    by: { type: 'string' },
    set: { type: 'string' },
    remove: { type: 'boolean' },
    exemplar: { type: 'boolean' },
    'not-exemplar': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run(args, io) {
    const change: ExcerptAttributeChange = {};
    if (typeof args.values.set === 'string' && args.values.remove) throw new UsageError('give --set TEXT or --remove, not both');
    if (typeof args.values.set === 'string') change.memo = args.values.set;
    if (args.values.remove) change.memo = null;
    if (args.values.exemplar && args.values['not-exemplar']) throw new UsageError('give --exemplar or --not-exemplar, not both');
    if (args.values.exemplar) change.exemplar = true;
    if (args.values['not-exemplar']) change.exemplar = false;
    if (change.memo === undefined && change.exemplar === undefined) throw new UsageError('nothing to change: give --set TEXT, --remove, --exemplar or --not-exemplar');
    const read = await readOneTranscript(args, io);
    const excerpt = selectExcerpt(read.parsed, args, true);
    const result = setExcerptAttributes(read.file.text, read.parsed, excerpt, change);
    const again = (parsed: ParsedTranscript, text: string) => {
      const same = sameExcerpt(parsed, excerpt);
      return typeof same === 'string' ? same : setExcerptAttributes(text, parsed, same, change);
    };
    return finishEdit(args, io, read, result, `changed the excerpt at line ${excerpt.line}`, again);
  },
};
