import fs from 'node:fs';
import path from 'node:path';
import type { CliArgs, CliIo, Command } from '../command';
import { UsageError } from '../command';
import { CODE_ID } from '../../core/edit/codeRange';
import { codesSeenFrom } from '../../core/codebook/codesSeenFrom';
import { editCodebookText, type CodebookChange } from '../../core/edit/editCodebookText';
import { recodeTranscript, type RecodeTarget } from '../../core/edit/recodeTranscript';
import { directivesOfSource } from '../../core/edit/directivesOfSource';
import type { Source } from '../../core/model/source';
import { parseTranscriptWithMap } from '../../core/syntax/parseTranscript';
import { applyFileEdits, diffOfEdits, type FileEdits } from '../../node/applyEdits';
import type { Workspace } from '../../node/loadWorkspace';
import { mentionsCodes } from '../../node/mentionsCodes';
import { readForEdit } from '../../node/readForEdit';
import { readTranscriptFile, readTranscriptFileSync } from '../../node/readTranscriptFile';
import { workspaceFromArgs } from '../workspaceArgs';
import { countOf } from '../../core/render/countOf';
import { writeError } from './code';
import { NESTING_RULE } from '../../core/syntax/nestingLimit';

/** Options shared by rename, merge and split. */
export const recodeOptions = {
  step: { type: 'string' },
  note: { type: 'string' },
  date: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'skip-unreadable': { type: 'boolean' },
} as const;

/** The usage line of the options every refactoring has for files it cannot edit. */
export const SKIP_UNREADABLE_USAGE =
  'Files that may use the codes but cannot be edited (over 10 MiB, unreadable) stop the change, nothing written, unless --skip-unreadable is given: then they are named and left as they are.';

/** What one workspace refactoring does to the transcripts and the codebook. */
export interface RecodePlan {
  mapping: Map<string, string>;
  change: Omit<CodebookChange, 'date' | 'step' | 'note' | 'codes'>;
  /** For a split: per source path, the directive start offsets to recode (others are left alone). */
  only?: (source: Source, absolute: string) => Set<number> | undefined;
  /** Called after planning, before anything is written: a message makes the command fail. */
  check?: () => string | undefined;
  /** The paths to search (after the code ids). */
  paths: string[];
}

/**
 * Runs a workspace refactoring: recodes every transcript that uses the codes
 * and records the change in the first codebook (`--codebook`, else
 * `codebook.yaml` at the root when it exists). Every file is edited in memory
 * and checked before any is written; `--dry-run` prints the unified diff
 * instead. Resolves to the exit code.
 */
export async function runRecode(args: CliArgs, io: CliIo, plan: RecodePlan): Promise<number> {
  const date = typeof args.values.date === 'string' ? args.values.date : new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, got '${date}'`);
  const workspace = await workspaceFromArgs(args, io, plan.paths);
  const unreadable = await filesThatMayUseCodes(workspace, [...plan.mapping.keys()]);
  if (unreadable.length > 0 && args.values['skip-unreadable'] !== true) {
    throw new UsageError(`${unreadable.length} file${unreadable.length === 1 ? '' : 's'} may use the codes but cannot be edited: ${unreadable.join('; ')}: nothing was changed (give --skip-unreadable to change the others)`);
  }
  const files: FileEdits[] = [];
  let excerpts = 0;
  const using = workspace.sources.filter(
    (source) => source.excerpts.some((excerpt) => excerpt.codes.some((code) => plan.mapping.has(code))) && (!plan.only || plan.only(source, path.join(workspace.root, source.path))),
  );
  // Read one after the other with synchronous calls: for many small files faster than a round trip each.
  const contents = using.map((source) => readTranscriptFileSync(path.join(workspace.root, source.path), source.path));
  for (const [index, source] of using.entries()) {
    const absolute = path.join(workspace.root, source.path);
    // The index's offsets hold when the file still has the bytes it was indexed from; else parse it again.
    const bytes = contents[index];
    let target: RecodeTarget & { file: Omit<FileEdits, 'edits'> };
    if (bytes.ok && bytes.hash === source.hash && source.hash !== '') {
      target = { source, facts: { directives: directivesOfSource(bytes.text, source) }, file: { absolute, display: source.path, text: bytes.text, bom: bytes.bom, hash: bytes.hash } };
    } else {
      const read = readForEdit(absolute, source.path);
      if (typeof read === 'string') throw new UsageError(`${read}: nothing was changed`);
      target = { source: read.parsed.source, facts: read.parsed.facts, file: read.file };
    }
    const only = plan.only?.(target.source, absolute);
    if (plan.only && !only) continue;
    const result = recodeTranscript(target.file.text, target, plan.mapping, only);
    if (!result.ok) throw new UsageError(`${result.error}: nothing was changed`);
    if (result.edits.length === 0) continue;
    // A split moves only the excerpts whose directives it recodes.
    excerpts += target.source.excerpts.filter(
      (excerpt) => excerpt.codes.some((code) => plan.mapping.has(code)) && (!only || excerpt.fragments.some((fragment) => only.has(fragment.range.startOffset))),
    ).length;
    // Someone else wrote the file meanwhile: recode its new text (a split's chosen excerpts may have moved: refused).
    const redo = plan.only
      ? undefined
      : (text: string) => {
          const parsed = parseTranscriptWithMap(text, { path: source.path, bom: target.file.bom, writable: true });
          const again = recodeTranscript(text, { source: parsed.source, facts: parsed.facts }, plan.mapping);
          return again.ok ? again.edits : again.error;
        };
    files.push({ ...target.file, edits: result.edits, redo });
  }

  const transcripts = files.length;
  const problem = plan.check?.();
  if (problem) throw new UsageError(`${problem}: nothing was changed`);
  const notes: string[] = [];
  const wanted = (args.values.codebook as string[] | undefined)?.[0];
  const codebookPath = wanted ? path.resolve(io.cwd, wanted) : path.join(workspace.root, 'codebook.yaml');
  if (fs.existsSync(codebookPath)) {
    const display = path.relative(workspace.root, codebookPath).split(path.sep).join('/');
    const read = await readTranscriptFile(codebookPath, display);
    if (!read.ok || !read.writable) throw new UsageError(`${display}: cannot read the codebook as UTF-8 text: nothing was changed`);
    const change: CodebookChange = {
      ...plan.change,
      date,
      step: typeof args.values.step === 'string' ? args.values.step : undefined,
      note: typeof args.values.note === 'string' ? args.values.note : undefined,
      codes: codesSeenFrom(workspace.codebook, display),
    };
    const result = editCodebookText(read.text, change);
    if (!result.ok) throw new UsageError(`${display}: ${result.error}: nothing was changed`);
    notes.push(...result.notes.map((note) => `${display}: ${note}`));
    const redo = (text: string) => {
      const again = editCodebookText(text, change);
      return again.ok ? again.edits : again.error;
    };
    files.push({ absolute: codebookPath, display, text: read.text, bom: read.bom, hash: read.hash, edits: result.edits, redo });
  } else {
    notes.push('no codebook file: the change is not recorded in a history');
  }

  if (args.values['dry-run']) {
    io.stdout(diffOfEdits(files));
  } else {
    let applied;
    try {
      applied = await applyFileEdits(files, { journalRoot: workspace.root });
    } catch (error) {
      throw writeError(error, 'the transcripts');
    }
    notes.push(...applied.notes, ...applied.redone.map((display) => `${display}: changed on disk meanwhile, edited again on its new text`));
    if (applied.refused.length > 0) {
      for (const note of [...notes, ...applied.refused]) io.stderr(`mdqda: ${note}\n`);
      return 2;
    }
  }
  notes.push(...unreadable.map((file) => `${file}: left as it is (--skip-unreadable)`));
  for (const note of notes) io.stderr(`mdqda: ${note}\n`);
  io.stderr(`mdqda: ${plan.change.action} ${plan.change.from.join(', ')} → ${plan.change.to.join(', ')}: ${countOf(excerpts, 'excerpt')} in ${countOf(transcripts, 'transcript')}${args.values['dry-run'] ? ' (dry run, nothing written)' : ''}\n`);
  return 0;
}

/**
 * The files of the workspace that were skipped (over the size limit,
 * unreadable, binary, nested too deep to read) and may use one of the codes: those whose bytes mention
 * one as a class, and those that cannot be read at all. One entry each: the
 * path and why it was skipped.
 */
async function filesThatMayUseCodes(workspace: Workspace, codes: string[]): Promise<string[]> {
  const skipped = workspace.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'file-too-large' || diagnostic.ruleId === 'unreadable-file' || diagnostic.ruleId === 'binary-file' || diagnostic.ruleId === NESTING_RULE);
  const mentions = await Promise.all(skipped.map((diagnostic) => mentionsCodes(path.join(workspace.root, diagnostic.path), codes)));
  return skipped.filter((_, index) => mentions[index] !== false).map((diagnostic) => `${diagnostic.path} (${diagnostic.message.replace(/^skipped: /, '')})`);
}

/** Checks a code id given on the command line. */
export function checkCodeId(id: string | undefined, what: string): string {
  if (id === undefined || !CODE_ID.test(id)) throw new UsageError(`${what}: '${id ?? ''}' is not a code id (a letter, then letters, digits, '_' or '-')`);
  return id;
}

/** `mdqda rename OLD NEW`: a workspace refactoring recorded in the codebook history. */
export const renameCommand: Command = {
  name: 'rename',
  summary: 'rename a code across the workspace, recorded in the codebook history',
  usage: [
    'Usage: mdqda rename OLD NEW [paths…] [--step S] [--note TEXT] [--date YYYY-MM-DD] [--codebook FILE] [--dry-run]',
    '',
    "Renames the code in every transcript (only the class tokens change) and in the codebook (its id: and",
    "parent: values), and appends { action: rename, from: [OLD], to: [NEW], date, step } to its history.",
    "A code inherited from a preset is dropped and defined again as NEW with all its fields and children.",
    SKIP_UNREADABLE_USAGE,
  ].join('\n'),
  options: recodeOptions,
  async run(args, io) {
    const [from, to, ...paths] = args.positionals;
    checkCodeId(from, 'OLD');
    checkCodeId(to, 'NEW');
    if (from === to) throw new UsageError('OLD and NEW are the same code');
    return runRecode(args, io, { mapping: new Map([[from, to]]), change: { action: 'rename', from: [from], to: [to] }, paths });
  },
};
