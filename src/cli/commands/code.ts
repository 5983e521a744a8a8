import path from 'node:path';
import type { CliArgs, CliIo, Command } from '../command';
import { UsageError } from '../command';
import { codeRange } from '../../core/edit/codeRange';
import { plainRangeOf } from '../../core/edit/plainRangeOf';
import type { ParsedTranscript } from '../../core/syntax/parseTranscript';
import type { TextEdit } from '../../core/edit/textEdit';
import { applyFileEdits, diffOfEdits, FileChangedError, InterruptedEditError } from '../../node/applyEdits';
import { FolderLockedError } from '../../node/folderLock';
import { basisOf, readForEdit, reparseForEdit, type TranscriptForEdit } from '../../node/readForEdit';
import { UnsafeReplaceError } from '../../node/replaceFile';

/** Reads the one transcript a single-file edit command works on (usage error when missing or unreadable). */
export async function readOneTranscript(args: CliArgs, io: CliIo): Promise<TranscriptForEdit> {
  if (args.positionals.length !== 1) throw new UsageError('give exactly one transcript file');
  const file = args.positionals[0];
  const read = readForEdit(path.resolve(io.cwd, file), file);
  if (typeof read === 'string') throw new UsageError(read);
  return read;
}

/** What an edit engine call resolves to. */
type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; error: string; offset?: number };

/**
 * Writes (or with `--dry-run` prints as a unified diff) the edits of one
 * transcript; a refusal becomes a usage error naming the file and line.
 * `again` makes the same request on the newer parse of the file when someone
 * else wrote it meanwhile (only codings changed): the edit is made there
 * instead of being lost or refused.
 */
export async function finishEdit(args: CliArgs, io: CliIo, read: TranscriptForEdit, result: EditResult, done: string, again?: (parsed: ParsedTranscript, text: string) => EditResult | string): Promise<number> {
  if (!result.ok) {
    const where = result.offset !== undefined ? `:${read.parsed.lines.toLineColumn(result.offset).line}` : '';
    throw new UsageError(`${read.file.display}${where}: ${result.error}`);
  }
  const redo = again
    ? (text: string) => {
        const parsed = reparseForEdit(basisOf(read), text);
        const retried = typeof parsed === 'string' ? parsed : again(parsed, text);
        return typeof retried === 'string' ? retried : retried.ok ? retried.edits : retried.error;
      }
    : undefined;
  const files = [{ ...read.file, edits: result.edits, redo }];
  if (args.values['dry-run']) {
    io.stdout(diffOfEdits(files));
    return 0;
  }
  let applied;
  try {
    applied = await applyFileEdits(files);
  } catch (error) {
    throw writeError(error, read.file.display);
  }
  for (const note of applied.notes) io.stderr(`mdqda: ${note}\n`);
  if (applied.refused.length > 0) throw new UsageError(`${applied.refused[0]}: run the command again`);
  const redone = applied.redone.length > 0 ? ' (made again on the newer text someone else wrote meanwhile)' : '';
  io.stderr(`${read.file.display}: ${done}${redone}\n`);
  return 0;
}

/** The one-line usage error for a failed write of edits (`applyFileEdits`): nothing was written, or (interrupted) the next run finishes it. */
export function writeError(error: unknown, display: string): UsageError {
  if (error instanceof FileChangedError || error instanceof UnsafeReplaceError || error instanceof FolderLockedError || error instanceof InterruptedEditError) return new UsageError(error.message);
  return new UsageError(`${display}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)}): nothing was changed`);
}

/** Reads `L:C-L:C` (1-based lines, columns in code points of the file) as plain-text code points. */
export function plainRangeOfArgument(parsed: ParsedTranscript, range: string): { start: number; end: number } {
  const match = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(range.trim());
  if (!match) throw new UsageError(`--range must look like 12:5-14:20 (line:column-line:column), got '${range}'`);
  const [startLine, startColumn, endLine, endColumn] = match.slice(1).map(Number);
  const { lines } = parsed;
  const toOffset = (line: number, column: number) => {
    if (line < 1 || line > lines.lineCount || column < 1) throw new UsageError(`--range: ${line}:${column} is outside the file`);
    const offset = lines.toOffset(line, column);
    if (parsed.facts.frontMatter && offset < parsed.map.plainToFile(0)) throw new UsageError(`--range: ${line}:${column} is inside the front matter, which is not coded`);
    return offset;
  };
  return plainRangeOf(parsed, toOffset(startLine, startColumn), toOffset(endLine, endColumn));
}

/** Reads `S-E` code-point offsets into the plain text. */
function plainOffsets(value: string): { start: number; end: number } {
  const match = /^(\d+)-(\d+)$/.exec(value.trim());
  if (!match) throw new UsageError(`--plain must look like 120-245 (code points into the plain text), got '${value}'`);
  return { start: Number(match[1]), end: Number(match[2]) };
}

/** `mdqda code`: codes a range of one transcript through the edit engine (SPEC §6). */
export const codeCommand: Command = {
  name: 'code',
  summary: 'code a range of a transcript (exact edit; the plain text never changes)',
  usage: [
    'Usage: mdqda code FILE (--range L:C-L:C | --plain S-E) --codes T1,M3 [--by CODER] [--memo TEXT] [--exemplar] [--whole-blocks] [--dry-run]',
    '',
    'Codes the range with the codes: inside a paragraph as a text directive, whole blocks (line start to line end)',
    'as a container, other ranges over several blocks as text directives sharing an id (or, with --whole-blocks,',
    'one container around the blocks). --range counts lines and columns (code points) of the file, end exclusive;',
    '--plain counts code points of the plain text (as `mdqda excerpts` prints them). --dry-run prints a diff.',
  ].join('\n'),
  options: {
    range: { type: 'string' },
    plain: { type: 'string' },
    codes: { type: 'string' },
    by: { type: 'string' },
    memo: { type: 'string' },
    exemplar: { type: 'boolean' },
    'whole-blocks': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  async run(args, io) {
    const codes = typeof args.values.codes === 'string' ? args.values.codes.split(',').map((code) => code.trim()).filter((code) => code.length > 0) : [];
    if (codes.length === 0) throw new UsageError('give the codes with --codes T1,M3');
    const read = await readOneTranscript(args, io);
    let range: { start: number; end: number };
    if (typeof args.values.range === 'string') range = plainRangeOfArgument(read.parsed, args.values.range);
    else if (typeof args.values.plain === 'string') range = plainOffsets(args.values.plain);
    else throw new UsageError('give the range with --range L:C-L:C or --plain S-E');
    const request = {
      ...range,
      codes,
      coder: typeof args.values.by === 'string' ? args.values.by : null,
      memo: typeof args.values.memo === 'string' ? args.values.memo : null,
      exemplar: args.values.exemplar === true,
      wholeBlocks: args.values['whole-blocks'] === true,
    };
    const result = codeRange(read.file.text, read.parsed, request);
    // The range is in plain-text code points, which another coding does not move.
    const again = (parsed: ParsedTranscript, text: string) => codeRange(text, parsed, request);
    return finishEdit(args, io, read, result, result.ok ? `coded ${result.start}–${result.end} (${result.kind}) with ${codes.join(', ')}` : '', again);
  },
};
