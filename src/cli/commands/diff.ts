import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { renderCodingDiffHtml } from '../../core/render/renderCodingDiffHtml';
import { renderCodingDiffMarkdown } from '../../core/render/renderCodingDiff';
import { countOf } from '../../core/render/countOf';
import { codingDiffOfCopies, gitTopLevel } from '../../node/codingDiffOfCopies';
import { formatOf } from '../workspaceArgs';
import { writeOutput } from '../writeOutput';

/** `mdqda diff A B [paths]`: coding changes between two refs or folders, for review. */
export const diffCommand: Command = {
  name: 'diff',
  summary: 'coding changes between two git refs or folders (excerpts added, removed, recoded, re-ranged), for review',
  usage: [
    'Usage: mdqda diff [A [B]] [paths…] [--format md|json|html] [--check-plain-text] [-o FILE]',
    '',
    'A and B are git refs (main, HEAD~1, origin/coding-rk) or folders; default: HEAD against the working tree',
    '(run from the repository root). Per transcript: excerpts added, removed, recoded, re-ranged, memo or',
    'exemplar changed, each with coder, codes, speaker and text, and a line when the plain text changed.',
    '--format md (default, for a pull-request comment), json or html (a standalone page). --check-plain-text',
    'exits 1 when any plain text changed (a transcript added, removed or edited).',
  ].join('\n'),
  options: { 'check-plain-text': { type: 'boolean' } },
  async run(args, io) {
    const format = formatOf(args, ['md', 'json', 'html']);
    const [first, second, ...paths] = args.positionals;
    const root = (await gitTopLevel(io.cwd)) ?? io.cwd;
    const specs = [first ?? 'HEAD', second ?? root];
    const outcome = await codingDiffOfCopies(specs[0], specs[1], { cwd: io.cwd, paths });
    if (!outcome.ok) throw new UsageError(outcome.message);
    const { diffs } = outcome;
    const label = (spec: string) => (spec === root ? 'working tree' : path.isAbsolute(spec) ? path.relative(io.cwd, spec) || '.' : spec);
    const title = `Coding changes from ${label(specs[0])} to ${label(specs[1])}`;
    const text =
      format === 'json'
        ? JSON.stringify({ from: label(specs[0]), to: label(specs[1]), transcripts: diffs }, null, 2) + '\n'
        : format === 'html'
          ? renderCodingDiffHtml(diffs, title)
          : renderCodingDiffMarkdown(diffs, title);
    await writeOutput(args, io, text);
    if (args.values['check-plain-text']) {
      const changed = diffs.filter((diff) => diff.status !== 'changed' || diff.plainText.inserted + diff.plainText.deleted > 0);
      if (changed.length > 0) {
        io.stderr(`plain text changed in ${countOf(changed.length, 'transcript')}: ${changed.map((diff) => diff.path).join(', ')}\n`);
        return 1;
      }
    }
    return 0;
  },
};
