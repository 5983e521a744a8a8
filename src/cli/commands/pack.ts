import type { CliArgs, Command } from '../command';
import { UsageError } from '../command';
import { buildPack, CURRENT_CODEBOOK, DEFAULT_PACK_GROUP, DEFAULT_PACK_QUOTE_LENGTH, DEFAULT_PACK_QUOTES, type PackOptions } from '../../core/analysis/workshop/buildPack';
import { renderPackHtml } from '../../core/analysis/workshop/renderPackHtml';
import { renderPackJson } from '../../core/analysis/workshop/renderPackJson';
import { renderPackMarkdown } from '../../core/analysis/workshop/renderPackMarkdown';
import { formatOf, workspaceFromArgs } from '../workspaceArgs';
import { writeOutput } from '../writeOutput';

function string(args: CliArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function strings(args: CliArgs, name: string): string[] | undefined {
  const value = args.values[name];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const items = list.flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}

function whole(args: CliArgs, name: string, least: number): number | undefined {
  const value = string(args, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < least) throw new UsageError(`--${name} expects a whole number of at least ${least}, got '${value}'`);
  return Number(value);
}

/** Reads the pack options from the command line; a malformed number is a usage error. */
export function packOptionsOf(args: CliArgs): PackOptions {
  return {
    group: string(args, 'group'),
    asOf: string(args, 'as-of'),
    by: string(args, 'by'),
    quotes: whole(args, 'quotes', 0),
    quoteLength: whole(args, 'quote-length', 1),
    coders: strings(args, 'coder'),
    where: strings(args, 'where'),
  };
}

/**
 * `mdqda pack`: the step-3 workshop resource pack, one card per candidate
 * code of a group as the codebook stood after a step (Markdown cards, a
 * standalone printable HTML page, or JSON), printed or written atomically to
 * `-o`. Problems with the request exit 2 with one line; warnings go to
 * stderr and the pack is still made.
 */
export const packCommand: Command = {
  name: 'pack',
  summary: 'step 3: workshop resource pack, one card per candidate code (md, printable html, json)',
  usage: [
    'Usage: mdqda pack [paths…] [--group G] [--as-of STEP] [--by ATTR] [--format md|html|json] [-o FILE]',
    '',
    `One card per top-level code of --group (default ${DEFAULT_PACK_GROUP}) as the codebook stood after --as-of STEP`,
    `(default: the step before the last one of the codebook history; '${CURRENT_CODEBOOK}' for today's codebook): name,`,
    'description, counts (excerpts, sources, coders, per --by ATTR: default partnership when sources have it, else',
    `source), up to --quotes N quotes (default ${DEFAULT_PACK_QUOTES}; exemplars first) of at most --quote-length N characters`,
    `(default ${DEFAULT_PACK_QUOTE_LENGTH}), sub-codes and discussion prompts. --coder NAME and --where ATTR=VALUE filter.`,
    'The HTML is one printable page per card, with no script and no external resource.',
  ].join('\n'),
  options: {
    group: { type: 'string' },
    'as-of': { type: 'string' },
    by: { type: 'string' },
    quotes: { type: 'string' },
    'quote-length': { type: 'string' },
    coder: { type: 'string', multiple: true },
    where: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const format = formatOf(args, ['md', 'html', 'json']);
    const options = packOptionsOf(args);
    const workspace = await workspaceFromArgs(args, io);
    if (workspace.sources.length === 0) {
      throw new UsageError(`no transcripts found under ${args.positionals.length > 0 ? args.positionals.join(', ') : workspace.root}`);
    }
    const result = buildPack(workspace.sources, workspace.codebook, options);
    const error = result.problems.find((problem) => problem.severity === 'error');
    if (error || !result.pack) throw new UsageError(error?.message ?? 'the resource pack could not be built');
    for (const problem of result.problems) io.stderr(`mdqda pack: ${problem.severity}: ${problem.message} [${problem.ruleId}]\n`);
    const text = format === 'html' ? renderPackHtml(result.pack) : format === 'json' ? renderPackJson(result.pack) : renderPackMarkdown(result.pack);
    await writeOutput(args, io, text);
    return 0;
  },
};
