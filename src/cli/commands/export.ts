import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { workspaceFromArgs } from '../workspaceArgs';
import { writeOutput } from '../writeOutput';
import { writeFileAtomic } from '../../node/writeFileAtomic';
import { exportCodebook } from '../../core/refi/exportCodebook';
import { exportQdpx } from '../../core/refi/exportQdpx';
import { renderExcerptCsv } from '../../core/refi/renderExcerptCsv';
import { countOf } from '../../core/render/countOf';

/** `mdqda export --to qdpx|qdc|csv`: REFI-QDA project or codebook, or the CSV of every excerpt (SPEC §7). */
export const exportCommand: Command = {
  name: 'export',
  summary: 'export to REFI-QDA (.qdpx project, .qdc codebook) or CSV',
  usage: [
    'Usage: mdqda export --to qdpx|qdc|csv [paths…] [--codebook FILE] [-o FILE]',
    '',
    '  --to qdpx  a REFI-QDA project (project.qde + sources/*.txt); needs -o FILE',
    '  --to qdc   a REFI-QDA codebook',
    '  --to csv   every excerpt: source, attributes, speaker, coder, codes, text, memo, start, end',
    '',
    'Positions are Unicode code points into the plain text, end exclusive. The same project always',
    'gives the same bytes. What REFI-QDA cannot carry is listed on stderr.',
  ].join('\n'),
  options: { to: { type: 'string' } },
  async run(args, io) {
    const to = args.values.to;
    if (to !== 'qdpx' && to !== 'qdc' && to !== 'csv') throw new UsageError(`--to must be qdpx, qdc or csv (got ${to === undefined ? 'nothing' : `'${String(to)}'`})`);
    const output = args.values.output;
    if (to === 'qdpx' && (typeof output !== 'string' || output === '-')) throw new UsageError('--to qdpx writes a zip package: give -o FILE.qdpx');
    const workspace = await workspaceFromArgs(args, io);
    if (to === 'csv') {
      await writeOutput(args, io, renderExcerptCsv(workspace.sources));
      return 0;
    }
    if (to === 'qdc') {
      const codebook = exportCodebook(workspace.codebook);
      if (!codebook.ok) throw new UsageError('the codebook has no codes: a REFI-QDA codebook needs at least one');
      await writeOutput(args, io, codebook.xml);
      return 0;
    }
    const { bytes, notes } = exportQdpx(workspace.sources, workspace.codebook, { name: path.basename(workspace.root) });
    const target = path.resolve(io.cwd, output as string);
    try {
      await writeFileAtomic(target, bytes);
    } catch (error) {
      throw new UsageError(`${output}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    for (const note of notes) io.stderr(`mdqda export: note: ${note}\n`);
    const excerpts = workspace.sources.reduce((sum, source) => sum + source.excerpts.length, 0);
    io.stderr(`mdqda export: wrote ${output}: ${countOf(workspace.sources.length, 'source')}, ${countOf(workspace.codebook.codes.size, 'code')}, ${countOf(excerpts, 'selection')}\n`);
    return 0;
  },
};
