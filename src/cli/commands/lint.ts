import type { Command } from '../command';
import type { Diagnostic } from '../../core/model/diagnostic';
import { displayPath, oneLine } from '../displayPath';
import { formatOf, workspaceFromArgs } from '../workspaceArgs';
import { writeOutput } from '../writeOutput';
import { countOf } from '../../core/render/countOf';

/**
 * `path:line:col: severity: message [rule]`, the shape editors and CI
 * annotate, always one line: an odd path is quoted (see `displayPath`), and
 * control characters in the message are escaped.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${displayPath(diagnostic.path)}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${oneLine(diagnostic.message)} [${oneLine(diagnostic.ruleId)}]`;
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check transcripts and codebooks; exit 1 on errors',
  usage: [
    'Usage: mdqda lint [paths…] [--codebook FILE] [--format md|json] [--strict]',
    '',
    'Prints one line per problem: path:line:col: error|warning: message [rule]. A path holding a colon,',
    'a control character or a line separator, or starting with ", is printed as a JSON string.',
    'Exit 1 when there is an error (or, with --strict, a warning).',
  ].join('\n'),
  options: { strict: { type: 'boolean' } },
  async run(args, io) {
    const format = formatOf(args, ['md', 'json']);
    const workspace = await workspaceFromArgs(args, io);
    const diagnostics = workspace.diagnostics;
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
    if (format === 'json') {
      await writeOutput(args, io, JSON.stringify(diagnostics, null, 2) + '\n');
    } else {
      const lines = diagnostics.map(formatDiagnostic);
      await writeOutput(args, io, lines.length > 0 ? lines.join('\n') + '\n' : '');
      const excerpts = workspace.sources.reduce((sum, source) => sum + source.excerpts.length, 0);
      io.stderr(`${countOf(workspace.sources.length, 'transcript')}, ${countOf(excerpts, 'excerpt')}: ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}\n`);
    }
    return errors > 0 || (args.values.strict === true && warnings > 0) ? 1 : 0;
  },
};
