import type { CliArgs, Command } from '../command';
import { UsageError } from '../command';
import type { Excerpt } from '../../core/model/excerpt';
import type { ParsedTranscript } from '../../core/syntax/parseTranscript';
import { uncode } from '../../core/edit/uncode';
import { sameExcerpt } from '../../node/readForEdit';
import { finishEdit, readOneTranscript } from './code';
import { countOf } from '../../core/render/countOf';

/**
 * The one excerpt `--line N` (and `--code`, `--by`) point at: an excerpt with
 * a fragment whose markup covers line N. Several candidates are a usage error
 * listing them, so a script never edits the wrong one.
 */
export function selectExcerpt(parsed: ParsedTranscript, args: CliArgs, codeFilter: boolean): Excerpt {
  const line = Number(args.values.line);
  if (!Number.isInteger(line) || line < 1) throw new UsageError('give the line of the excerpt with --line N');
  const code = typeof args.values.code === 'string' ? args.values.code : undefined;
  const coder = typeof args.values.by === 'string' ? args.values.by : undefined;
  const candidates = parsed.source.excerpts.filter(
    (excerpt) =>
      excerpt.fragments.some((fragment) => fragment.range.startLine <= line && line <= fragment.range.endLine) &&
      (!codeFilter || code === undefined || excerpt.codes.includes(code)) &&
      (coder === undefined || excerpt.coder === coder),
  );
  const path = parsed.source.path;
  if (candidates.length === 0) throw new UsageError(`${path}:${line}: no excerpt here${code ? ` with code ${code}` : ''}${coder ? ` by ${coder}` : ''}`);
  if (candidates.length > 1) {
    const list = candidates.map((excerpt) => `line ${excerpt.line} {${excerpt.codes.map((id) => '.' + id).join(' ')}${excerpt.coder ? ' by=' + excerpt.coder : ''}}`).join('; ');
    throw new UsageError(`${path}:${line}: ${countOf(candidates.length, 'excerpt')} here (${list}): choose one with --code or --by`);
  }
  return candidates[0];
}

/** `mdqda uncode`: removes a code, or a whole excerpt, chosen by line. */
export const uncodeCommand: Command = {
  name: 'uncode',
  summary: 'remove a code from an excerpt, or the whole excerpt (its text stays)',
  usage: [
    'Usage: mdqda uncode FILE --line N [--code ID] [--by CODER] [--all] [--dry-run]',
    '',
    'Chooses the excerpt whose markup covers line N (narrowed by --code and --by). With --code, takes that',
    'code out of it (the markup goes when no code is left); without --code, or with --all, removes the whole',
    'excerpt. Only markup is removed: the plain text stays exactly as it was. --dry-run prints a diff.',
  ].join('\n'),
  options: {
    line: { type: 'string' },
    code: { type: 'string' },
    by: { type: 'string' },
    all: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run(args, io) {
    const read = await readOneTranscript(args, io);
    const excerpt = selectExcerpt(read.parsed, args, true);
    const code = args.values.all === true || typeof args.values.code !== 'string' ? undefined : args.values.code;
    const result = uncode(read.file.text, read.parsed, excerpt, code);
    const again = (parsed: ParsedTranscript, text: string) => {
      const same = sameExcerpt(parsed, excerpt);
      return typeof same === 'string' ? same : uncode(text, parsed, same, code);
    };
    return finishEdit(args, io, read, result, code ? `removed ${code} from the excerpt at line ${excerpt.line}` : `removed the excerpt at line ${excerpt.line}`, again);
  },
};
