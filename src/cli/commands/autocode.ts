import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { workspaceFromArgs } from '../workspaceArgs';
import { searchOptions, searchQueryOf, whereOf } from '../searchArgs';
import { PATTERN_TIME_LIMIT_MS } from './search';
import { writeError } from './code';
import { CODE_ID } from '../../core/edit/codeRange';
import { autocodeTranscript, type AutocodeOutcome } from '../../core/autocode/autocodeTranscript';
import { findAutocodeTargets, type AutocodeQuery } from '../../core/autocode/findAutocodeTargets';
import { AUTOCODE_UNITS, type AutocodeUnit } from '../../core/autocode/transcriptUnits';
import { lineOfHit } from '../../core/search/lineOfHit';
import { renderSearchHits } from '../../core/render/renderSearchHits';
import { countOf } from '../../core/render/countOf';
import { applyFileEdits, diffOfEdits, type FileEdits } from '../../node/applyEdits';
import { basisOf, readForEdit, reparseForEdit } from '../../node/readForEdit';
import { patternRunnerFor } from '../../node/timedPatternRunner';

/** `mdqda autocode`: codes every hit of a search, or every turn of a speaker, through the edit engine. */
export const autocodeCommand: Command = {
  name: 'autocode',
  summary: 'code every hit of a search, or every turn of a speaker (exact edits; the plain text never changes)',
  usage: [
    'Usage: mdqda autocode [paths…] --codes T1[,M3] (--speaker NAME… | --search PATTERN) [--unit match|sentence|paragraph|turn]',
    '                     [--by CODER] [--dry-run] [--regex] [--case] [--whole-word] [--where ATTR=VALUE]… [--within CODE]…',
    '                     [--coder NAME]… [--codebook FILE]',
    '',
    'With --search, codes each hit of PATTERN (read as `mdqda search` reads it; --speaker then keeps hits in those',
    "speakers' turns) widened to the unit: the match itself (default), its sentence, its paragraph or its speaker's turn.",
    'Without --search, codes every turn of the --speaker (default unit turn; paragraph and sentence code its parts).',
    'Never writes a coding the coder (--by) already has on exactly that text with that code. Hits in markup are not',
    'coded and are listed on stderr. One atomic write per file; --dry-run prints the hits and the diff instead.',
  ].join('\n'),
  options: {
    ...searchOptions,
    codes: { type: 'string' },
    search: { type: 'string' },
    unit: { type: 'string' },
    by: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run(args, io) {
    const codes = typeof args.values.codes === 'string' ? args.values.codes.split(',').map((code) => code.trim()).filter((code) => code.length > 0) : [];
    if (codes.length === 0) throw new UsageError('give the codes with --codes T1,M3');
    const badCode = codes.find((code) => !CODE_ID.test(code));
    if (badCode !== undefined) throw new UsageError(`--codes: '${badCode}' is not a code id (a letter, then letters, digits, _ or -)`);
    const pattern = typeof args.values.search === 'string' ? args.values.search : undefined;
    const speakers = args.values.speaker as string[] | undefined;
    if (pattern === undefined && !speakers) throw new UsageError('give what to code: --search PATTERN or --speaker NAME');
    const unitText = typeof args.values.unit === 'string' ? args.values.unit : pattern === undefined ? 'turn' : 'match';
    if (!AUTOCODE_UNITS.includes(unitText as AutocodeUnit)) throw new UsageError(`--unit takes ${AUTOCODE_UNITS.join(', ')}, got '${unitText}'`);
    const unit = unitText as AutocodeUnit;
    const coder = typeof args.values.by === 'string' ? args.values.by : null;
    const dryRun = args.values['dry-run'] === true;

    const workspace = await workspaceFromArgs(args, io);
    // A folder's files count as transcripts when they hold `code` markup: fresh transcripts must be named.
    if (workspace.sources.length === 0) throw new UsageError('no transcripts here (files found in a folder count when they have `code` markup): name uncoded transcripts as files, e.g. interviews/*.md');
    const query: AutocodeQuery =
      pattern === undefined
        ? { speakers: speakers ?? [], where: whereOf(args) }
        : // The hits' context is shown only by a dry run.
          { ...searchQueryOf(args, pattern), context: dryRun ? undefined : 0, run: patternRunnerFor(args.values.regex === true, PATTERN_TIME_LIMIT_MS) };
    const selection = findAutocodeTargets(workspace.sources, workspace.codebook, query);
    if (!selection.ok) throw new UsageError(selection.message);
    for (const stopped of selection.timedOut) io.stderr(`mdqda autocode: ${stopped}: the pattern ran longer than ${PATTERN_TIME_LIMIT_MS / 1000} s here and was stopped; nothing was coded in this file\n`);

    const files: FileEdits[] = [];
    const lines = new Map<string, (start: number) => number>();
    const totals = { written: 0, skipped: 0, notCoded: 0 };
    const options = { codes, coder, unit };
    const sourceAt = new Map(workspace.sources.map((source) => [source.path, source]));
    for (const [display, targets] of selection.targets) {
      const indexed = sourceAt.get(display);
      const read = readForEdit(path.join(workspace.root, display), display);
      if (typeof read === 'string') throw new UsageError(`${read}: nothing was changed`);
      // The hits are offsets into the plain text the index read: a file changed since cannot take them.
      if (read.parsed.source.plainText !== indexed?.plainText) throw new UsageError(`${display}: changed while it was searched: nothing was changed, run the command again`);
      if (!read.parsed.source.writable) throw new UsageError(`${display}: read-only for the tool (not valid UTF-8 text): nothing was changed`);
      // Only a dry run lists the hits with their lines: a run that writes keeps no parse past its file.
      if (dryRun) lines.set(display, (start) => lineOfHit(read.parsed, start));
      const outcome = autocodeTranscript(read.file.text, read.parsed, targets, options);
      report(io.stderr, display, outcome);
      totals.written += outcome.written.length;
      totals.skipped += outcome.skipped;
      totals.notCoded += outcome.notCoded.length;
      // Someone else wrote the file meanwhile (codings only): code the same targets on its new text.
      const basis = basisOf(read);
      const redo = (text: string) => {
        const parsed = reparseForEdit(basis, text);
        return typeof parsed === 'string' ? parsed : autocodeTranscript(text, parsed, targets, options).edits;
      };
      if (outcome.edits.length > 0) files.push({ ...read.file, edits: outcome.edits, redo });
    }

    if (dryRun) {
      const hits = selection.hits.map((hit) => ({ ...hit, line: lines.get(hit.path)?.(hit.start) ?? null }));
      if (pattern !== undefined) io.stdout(renderSearchHits(hits, 'md') + '\n');
      io.stdout(diffOfEdits(files));
    } else if (files.length > 0) {
      let applied;
      try {
        applied = await applyFileEdits(files, { journalRoot: workspace.root });
      } catch (error) {
        throw writeError(error, 'the transcripts');
      }
      for (const note of applied.notes) io.stderr(`mdqda: ${note}\n`);
      if (applied.refused.length > 0) {
        for (const refused of applied.refused) io.stderr(`mdqda: ${refused}\n`);
        return 2;
      }
    }
    const hits = pattern === undefined ? '' : `${countOf(selection.hits.length, 'hit')}, `;
    const written = `${countOf(totals.written, 'coding')} ${dryRun ? 'to write' : 'written'} in ${countOf(files.length, 'file')}`;
    io.stderr(`mdqda autocode: ${hits}${written}, ${totals.skipped} skipped (already coded), ${totals.notCoded} not coded${dryRun ? ' (dry run, nothing written)' : ''}\n`);
    return 0;
  },
};

/** One stderr line per hit or unit left uncoded: `path:line: not coded: reason`. */
function report(stderr: (text: string) => void, display: string, outcome: AutocodeOutcome): void {
  for (const item of outcome.notCoded) stderr(`${display}:${item.line}: not coded: ${item.reason}\n`);
}
