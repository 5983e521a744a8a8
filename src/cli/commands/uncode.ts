import path from 'node:path';
import type { CliArgs, CliIo, Command } from '../command';
import { UsageError } from '../command';
import type { Excerpt } from '../../core/model/excerpt';
import type { ParsedTranscript } from '../../core/syntax/parseTranscript';
import { uncode } from '../../core/edit/uncode';
import { basisOf, readForEdit, reparseForEdit, sameExcerpt } from '../../node/readForEdit';
import { finishEdit, readOneTranscript, writeError } from './code';
import { countOf } from '../../core/render/countOf';
import { uncodeCoder } from '../../core/merge/uncodeCoder';
import { applyFileEdits, diffOfEdits, type FileEdits } from '../../node/applyEdits';
import { workspaceFromArgs } from '../workspaceArgs';

/**
 * `mdqda uncode --all --coder CODER [paths]`: removes every excerpt of one
 * coder from every transcript of the workspace (markup only; the plain text
 * stays). All files are edited in memory and checked before any is written,
 * then written by the multi-file path rename uses; `--dry-run` prints the
 * diff. Resolves to the exit code.
 */
async function uncodeCoderEverywhere(args: CliArgs, io: CliIo, coder: string): Promise<number> {
  const workspace = await workspaceFromArgs(args, io);
  const files: FileEdits[] = [];
  let excerpts = 0;
  for (const source of workspace.sources.filter((candidate) => candidate.excerpts.some((excerpt) => excerpt.coder === coder))) {
    const read = readForEdit(path.join(workspace.root, source.path), source.path);
    if (typeof read === 'string') throw new UsageError(`${read}: nothing was changed`);
    const result = uncodeCoder(read.file.text, read.parsed, coder);
    if (!result.ok) throw new UsageError(`${source.path}: ${result.error}: nothing was changed`);
    if (result.edits.length === 0) continue;
    excerpts += read.parsed.source.excerpts.filter((excerpt) => excerpt.coder === coder).length;
    const basis = basisOf(read);
    const redo = (text: string) => {
      const again = reparseForEdit(basis, text);
      if (typeof again === 'string') return again;
      const edits = uncodeCoder(text, again, coder);
      return edits.ok ? edits.edits : edits.error;
    };
    files.push({ ...read.file, edits: result.edits, redo });
  }
  if (args.values['dry-run']) io.stdout(diffOfEdits(files));
  else {
    let applied;
    try {
      applied = await applyFileEdits(files, { journalRoot: workspace.root });
    } catch (error) {
      throw writeError(error, 'the transcripts');
    }
    const notes = [...applied.notes, ...applied.redone.map((display) => `${display}: changed on disk meanwhile, edited again on its new text`), ...applied.refused];
    for (const note of notes) io.stderr(`mdqda: ${note}\n`);
    if (applied.refused.length > 0) return 2;
  }
  io.stderr(`mdqda: removed ${countOf(excerpts, 'excerpt')} by ${coder} in ${countOf(files.length, 'transcript')}${args.values['dry-run'] ? ' (dry run, nothing written)' : ''}\n`);
  return 0;
}

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
    '       mdqda uncode --all --coder CODER [paths…] [--dry-run]',
    '',
    'Chooses the excerpt whose markup covers line N (narrowed by --code and --by). With --code, takes that',
    'code out of it (the markup goes when no code is left); without --code, or with --all, removes the whole',
    'excerpt. Only markup is removed: the plain text stays exactly as it was. --dry-run prints a diff.',
    'With --all --coder CODER and no --line: removes every excerpt of that coder from every transcript',
    'under the paths (default: the workspace), for example to start a blind coding branch.',
  ].join('\n'),
  options: {
    line: { type: 'string' },
    code: { type: 'string' },
    by: { type: 'string' },
    coder: { type: 'string' },
    all: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run(args, io) {
    if (typeof args.values.coder === 'string') {
      if (args.values.all !== true || args.values.line !== undefined) throw new UsageError('--coder goes with --all and without --line: mdqda uncode --all --coder CODER [paths…]');
      return uncodeCoderEverywhere(args, io, args.values.coder);
    }
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
