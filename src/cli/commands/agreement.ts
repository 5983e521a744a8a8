import type { CliArgs, CliIo, Command } from '../command';
import { UsageError } from '../command';
import type { AgreementReport } from '../../core/analysis/agreement/agreementReport';
import { computeAgreement, isConsensusCoder } from '../../core/analysis/agreement/computeAgreement';
import { DEFAULT_CONSENSUS_CODER } from '../../core/analysis/agreement/resolveDisagreement';
import { copiesReliability, type CopiesReliability } from '../../core/analysis/agreement/copiesReliability';
import type { CopyAlignment, CopyCoder } from '../../core/analysis/agreement/mergeCopies';
import { renderAgreementCsv, renderDisagreementsCsv } from '../../core/analysis/agreement/renderAgreementCsv';
import { renderAgreementMarkdown } from '../../core/analysis/agreement/renderAgreementMarkdown';
import { codeNamesOf, renderAgreementHtml } from '../../core/render/renderAgreementHtml';
import type { Codebook } from '../../core/model/codebook';
import type { Source } from '../../core/model/source';
import type { Diagnostic } from '../../core/model/diagnostic';
import { compareCopies, type ReadCopy } from '../../node/compareCopies';
import { loadCodebooks } from '../../node/loadCodebooks';
import { formatOf, warnWhenNothingRollsUp, workspaceFromArgs } from '../workspaceArgs';
import { formatDiagnostic } from './lint';
import { writeOutput } from '../writeOutput';
import { countOf } from '../../core/render/countOf';

/** Where the compared codings came from, when two copies were compared, and what the comparison measures. */
interface CopiesSummary extends CopiesReliability {
  first: { name: string; kind: 'folder' | 'git'; transcripts: number };
  second: { name: string; kind: 'folder' | 'git'; transcripts: number };
  /** Every coder of either copy, named `coder@copy`. */
  coders: CopyCoder[];
  alignments: CopyAlignment[];
  onlyInFirst: string[];
  onlyInSecond: string[];
}

/** A problem met reading a copy, placed for the reader: a folder's file by its path from here, a ref's file naming the ref. */
function ofCopy(diagnostic: Diagnostic, copy: ReadCopy, spec: string): Diagnostic {
  return copy.kind === 'git'
    ? { ...diagnostic, message: `${diagnostic.message} (git ref '${spec}')` }
    : { ...diagnostic, path: `${spec.replace(/\/+$/, '')}/${diagnostic.path}` };
}

function listOption(value: CliArgs['values'][string]): string[] | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const values = (Array.isArray(value) ? value : [value])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return values;
}

/** The two copies of `--compare A B` (or `--compare A,B`, or `--compare A --compare B`) and the remaining paths. */
function copiesFromArgs(args: CliArgs): { copies: [string, string]; paths: string[] } | undefined {
  const given = listOption(args.values.compare);
  if (given === undefined) return undefined;
  const paths = [...args.positionals];
  if (given.length === 1) {
    // `--compare A B`: B arrives as a positional; only unambiguous when it is the only one.
    if (paths.length === 0) throw new UsageError('--compare needs two copies: --compare A B (folders or git refs)');
    if (paths.length > 1) {
      throw new UsageError('with paths, write the copies as --compare A,B (or --compare A --compare B)');
    }
    given.push(paths.shift()!);
  }
  if (given.length !== 2) throw new UsageError(`--compare takes two copies (folders or git refs); received ${given.length}`);
  return { copies: [given[0]!, given[1]!], paths };
}

function copiesNotes(summary: CopiesSummary): string[] {
  const describe = (copy: CopiesSummary['first']) =>
    `\`${copy.name}\` (${copy.kind === 'git' ? 'git ref' : 'folder'}, ${countOf(copy.transcripts, 'transcript')})`;
  const differing = summary.alignments.filter((alignment) => !alignment.identical);
  const notes = [
    `Copies compared: ${describe(summary.first)} and ${describe(summary.second)}; ${summary.alignments.length} matched by source id. ` +
      `Each coder is a coder of a copy (\`coder@copy\`): one coder's codings in the two copies are never pooled.`,
  ];
  for (const same of summary.sameCoder) {
    const what = summary.reliability === 'intra-coder' ? 'This is intra-coder (test–retest) reliability' : 'Their comparison is intra-coder (test–retest) reliability';
    notes.push(`${what}: ${same.names.map((name) => `\`${name}\``).join(' and ')} are the same coder, \`${same.coder}\`, in two copies.`);
  }
  if (differing.length > 0) {
    const unaligned = differing.reduce((sum, alignment) => sum + alignment.unalignedSecond, 0);
    const lost = differing.reduce((sum, alignment) => sum + alignment.lostCodedUnits, 0);
    notes.push(
      `Plain texts differ in ${differing.length} of them (${differing.map((a) => `\`${a.source}\``).join(', ')}): aligned with a diff; ` +
        `${countOf(unaligned, 'character')} of \`${summary.second.name}\` could not be aligned, ${lost} of them coded (dropped).`,
    );
  }
  if (summary.onlyInFirst.length > 0) notes.push(`Only in \`${summary.first.name}\`: ${summary.onlyInFirst.join(', ')}.`);
  if (summary.onlyInSecond.length > 0) notes.push(`Only in \`${summary.second.name}\`: ${summary.onlyInSecond.join(', ')}.`);
  return notes;
}

function render(format: string, report: AgreementReport, args: CliArgs, copies: CopiesSummary | undefined, codebook: Codebook): string {
  const disagreementsOnly = args.values.disagreements === true;
  if (format === 'json') {
    const json = disagreementsOnly ? report.disagreements : copies ? { ...report, copies } : report;
    return JSON.stringify(json, null, 2) + '\n';
  }
  if (format === 'csv') return disagreementsOnly ? renderDisagreementsCsv(report) : renderAgreementCsv(report);
  if (format === 'html') return renderAgreementHtml(report, { notes: copies ? copiesNotes(copies) : [], codeNames: codeNamesOf(codebook) });
  return renderAgreementMarkdown(report, { disagreementsOnly, notes: copies ? copiesNotes(copies) : [] }) + '\n';
}

/** `mdqda agreement`: coder comparison, SPEC §5.6 step 2 and §6. */
export const agreementCommand: Command = {
  name: 'agreement',
  summary: 'compare coders: agreement, kappa, alpha per code, and the disagreements to discuss',
  usage: [
    'Usage: mdqda agreement [paths…] [--coders a,b] [--compare A B] [--consensus NAME] [--rollup] [--ignore-whitespace]',
    '                       [--disagreements] [--codebook FILE] [--format md|csv|json|html] [-o FILE]',
    '',
    'Compares the coders of the same transcripts (step 2 of the analysis). The unit is one Unicode',
    'code point of the plain text of a source every compared coder coded (has an excerpt in, or is',
    'listed in its front matter coders:). Per code and overall: percent agreement, Cohen\'s kappa',
    '(pairwise; their mean for more than two coders), Fleiss\' kappa (more than two coders) and',
    'Krippendorff\'s alpha (nominal); a per-source breakdown; the disagreements, longest first.',
    '',
    '  --coders a,b         coders to compare (default: every coder found but the consensus coder)',
    '  --consensus NAME     by= of the consensus codings written when disagreements were resolved',
    '                       (default consensus): left out unless named in --coders',
    '  --compare A B        compare two copies of the transcripts: folders or git refs (read without',
    '                       checkout). Coders are named per copy: rk@A, rk@B (A: the folder\'s name or',
    '                       the ref as given); where by= is absent the coder is the copy, A. One coder',
    '                       in both copies is intra-coder (test-retest) reliability. With paths (git',
    '                       refs: files to read), write --compare A,B',
    '  --rollup             count a code\'s descendants for it',
    '  --ignore-whitespace  whitespace code points are not units',
    '  --disagreements      print only the disagreements list',
    '',
    'Definitions: docs/agreement.md. Exit 2 for an unknown coder, fewer than two coders, a coder',
    'with no excerpts, an unknown folder or ref, or copies that share no transcript.',
  ].join('\n'),
  options: {
    coders: { type: 'string', multiple: true },
    compare: { type: 'string', multiple: true },
    rollup: { type: 'boolean' },
    'ignore-whitespace': { type: 'boolean' },
    consensus: { type: 'string' },
    disagreements: { type: 'boolean' },
  },
  async run(args: CliArgs, io: CliIo): Promise<number> {
    const format = formatOf(args, ['md', 'csv', 'json', 'html']);
    const coders = listOption(args.values.coders);
    const compare = copiesFromArgs(args);
    let sources: readonly Source[];
    let codebook: Codebook;
    let copies: CopiesSummary | undefined;
    if (compare) {
      const outcome = await compareCopies(compare.copies[0], compare.copies[1], { cwd: io.cwd, paths: compare.paths });
      if (!outcome.ok) throw new UsageError(outcome.message);
      outcome.first.diagnostics.forEach((diagnostic) => io.stderr(formatDiagnostic(ofCopy(diagnostic, outcome.first, compare.copies[0])) + '\n'));
      outcome.second.diagnostics.forEach((diagnostic) => io.stderr(formatDiagnostic(ofCopy(diagnostic, outcome.second, compare.copies[1])) + '\n'));
      const codebooks = await loadCodebooks((args.values.codebook as string[] | undefined) ?? [], io.cwd);
      for (const diagnostic of codebooks.diagnostics.filter((d) => d.severity === 'error')) {
        io.stderr(formatDiagnostic({ ...diagnostic, severity: 'warning' }) + '\n');
      }
      codebook = codebooks.codebook;
      sources = outcome.merged.sources;
      const { first, second, merged } = outcome;
      copies = {
        first: { name: first.name, kind: first.kind, transcripts: first.sources.length },
        second: { name: second.name, kind: second.kind, transcripts: second.sources.length },
        reliability: 'inter-coder',
        sameCoder: [],
        coders: merged.coders,
        alignments: merged.alignments,
        onlyInFirst: merged.onlyInFirst,
        onlyInSecond: merged.onlyInSecond,
      };
      const alone = merged.onlyInFirst.length + merged.onlyInSecond.length;
      if (alone > 0) io.stderr(`mdqda agreement: ${countOf(alone, 'transcript')} in only one copy, not compared\n`);
    } else {
      const workspace = await workspaceFromArgs(args, io);
      sources = workspace.sources;
      codebook = workspace.codebook;
    }
    warnWhenNothingRollsUp(args, io, 'agreement', sources, codebook);
    const consensus = typeof args.values.consensus === 'string' ? args.values.consensus : DEFAULT_CONSENSUS_CODER;
    if (!coders) {
      const leftOut = [...new Set(sources.flatMap((source) => source.excerpts.map((excerpt) => excerpt.coder)))]
        .filter((coder): coder is string => coder !== null && isConsensusCoder(coder, consensus)).sort();
      if (leftOut.length > 0) {
        io.stderr(`mdqda agreement: the consensus codings (by=${leftOut.join(', by=')}) are not compared; name them in --coders to compare them\n`);
      }
    }
    const outcome = computeAgreement(sources, {
      coders,
      consensus,
      codebook,
      rollup: args.values.rollup === true,
      ignoreWhitespace: args.values['ignore-whitespace'] === true,
    });
    if (!outcome.ok) throw new UsageError(outcome.message);
    if (copies) copies = { ...copies, ...copiesReliability(outcome.report.coders, copies.coders) };
    await writeOutput(args, io, render(format, outcome.report, args, copies, codebook));
    return 0;
  },
};
