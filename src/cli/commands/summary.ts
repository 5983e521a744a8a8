import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CliArgs, Command } from '../command';
import { UsageError } from '../command';
import { buildTable } from '../../core/analysis/tables/buildTable';
import { fitCooccurrence } from '../../core/analysis/tables/fitCooccurrence';
import { parseStopWords } from '../../core/analysis/tables/stopWords';
import { TABLE_NAMES, type Table } from '../../core/analysis/tables/table';
import type { TableOptions } from '../../core/analysis/tables/tableOptions';
import { renderCsv } from '../../core/render/renderCsv';
import { renderHtml } from '../../core/render/renderHtml';
import { renderJson } from '../../core/render/renderJson';
import { renderMarkdown } from '../../core/render/renderMarkdown';
import { terminalColumnsOf } from '../terminalColumns';
import { formatOf, warnWhenNothingRollsUp, workspaceFromArgs } from '../workspaceArgs';
import { writeOutput } from '../writeOutput';

/** The line on stderr when a co-occurrence matrix too wide for the terminal is replaced by the code groups. */
function narrowedNotice(size: { rows: number; cols: number }, columns: number): string {
  return `the ${size.rows} × ${size.cols} co-occurrence matrix is wider than the terminal (${columns} columns): showing the code groups; for the full matrix write it to a file (-o FILE) or pipe it (| less -S), for the codes of groups use --rows GROUP --cols GROUP`;
}

/** Table printed when `--table` is not given. */
export const DEFAULT_TABLE = 'frequencies';

function strings(args: CliArgs, name: string): string[] | undefined {
  const value = args.values[name];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const items = list.flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}

function string(args: CliArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function count(args: CliArgs, name: string): number | undefined {
  const value = string(args, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} expects a whole number, got '${value}'`);
  return Number(value);
}

/** Reads the table options from the command line; a malformed value is a usage error. */
export function tableOptionsOf(args: CliArgs): TableOptions {
  const mode = string(args, 'mode');
  if (mode !== undefined && mode !== 'overlap' && mode !== 'excerpt') {
    throw new UsageError(`--mode expects overlap or excerpt, got '${mode}'`);
  }
  const quoteLength = count(args, 'quote-length');
  if (quoteLength === 0) throw new UsageError('--quote-length must be at least 1');
  return {
    by: string(args, 'by'),
    group: string(args, 'group'),
    rows: string(args, 'rows'),
    cols: string(args, 'cols'),
    mode,
    jaccard: args.values.jaccard === true,
    normalise: args.values.normalise === true || args.values.normalize === true,
    rollup: args.values.rollup === true,
    quotes: count(args, 'quotes'),
    quoteLength,
    coders: strings(args, 'coder'),
    codes: strings(args, 'code'),
    where: strings(args, 'where'),
    asOf: string(args, 'as-of'),
    top: count(args, 'top'),
    languages: strings(args, 'language'),
  };
}

/** Reads `--stop-words FILE`: words separated by white space, `#` comments; unreadable is a usage error. */
async function readStopWords(file: string, cwd: string): Promise<string[]> {
  try {
    return parseStopWords(await fs.readFile(path.resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: cannot read the stop words (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/**
 * `mdqda summary`: builds one table of SPEC §5 over the workspace and prints
 * it (Markdown by default) or writes it atomically to `-o`. Problems with the
 * request exit 2 with one line; warnings (codes missing from the codebook…)
 * go to stderr and the table is still printed.
 */
export const summaryCommand: Command = {
  name: 'summary',
  summary: 'summary tables: tensions, frequencies, sources, cooccurrence, facilitators, impact, coders, speakers, words',
  usage: [
    'Usage: mdqda summary [paths…] [--table NAME] [--by ATTR] [--group G] [filters] [--format md|csv|json|html] [-o FILE]',
    '',
    `Tables (--table, default ${DEFAULT_TABLE}):`,
    '  tensions      codes of a group (default tensions) with sub-codes × sources or --by ATTR; excerpts (sources); exemplar quotes',
    '  frequencies   per code: excerpts, sources, coders, words, share of the corpus coded',
    '  sources       code × source (or --by ATTR) matrix; --normalise gives excerpts per 1,000 words',
    '  cooccurrence  code × code: --rows G --cols G (or --group G); --mode overlap|excerpt; --jaccard;',
    '                on a terminal, a matrix wider than it shows the code groups (stderr says so)',
    '  facilitators  level → element: evidence, sources, one quote (--group, default facilitators)',
    '  impact        levels × contributors, outputs, uses, outcomes, mechanisms (--group, default impact;',
    '                --cols I3,I1a,I1b,I1c,I4 picks the columns, e.g. the grid of Beckett et al.)',
    '  coders        step 1, per coder: sources read and coded, excerpts, codes, words, reflection memos',
    '  speakers      per speaker: turns, words said, excerpts, share coded, excerpts per code',
    '  words         word frequencies overall, or --by code|source|speaker|ATTR; --top N (default 30),',
    '                --language en|de|none (stop-word lists, default en), --stop-words FILE (more stop words)',
    '',
    '--by speaker (tensions, sources, words): one column per speaker, excerpts counted in the turn they start in.',
    'Filters (every table): --coder NAME, --code ID, --group G, --where ATTR=VALUE (each repeatable or comma-separated;',
    '  --where speaker=NAME keeps the turns of a speaker),',
    '  --as-of STEP (the codebook as it stood after a step of its history).',
    'Other options: --rollup (count sub-codes with their parent), --quotes N, --quote-length N, --bom (CSV for Excel).',
    'An unknown table, attribute, group, code, coder, speaker, step or language, or an empty corpus, exits 2 with a one-line message.',
  ].join('\n'),
  options: {
    table: { type: 'string', short: 't' },
    by: { type: 'string' },
    group: { type: 'string' },
    rows: { type: 'string' },
    cols: { type: 'string' },
    mode: { type: 'string' },
    jaccard: { type: 'boolean' },
    normalise: { type: 'boolean' },
    normalize: { type: 'boolean' },
    rollup: { type: 'boolean' },
    quotes: { type: 'string' },
    'quote-length': { type: 'string' },
    coder: { type: 'string', multiple: true },
    code: { type: 'string', multiple: true },
    where: { type: 'string', multiple: true },
    'as-of': { type: 'string' },
    bom: { type: 'boolean' },
    top: { type: 'string' },
    language: { type: 'string', multiple: true },
    'stop-words': { type: 'string' },
  },
  async run(args, io) {
    const name = string(args, 'table') ?? DEFAULT_TABLE;
    if (!(TABLE_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`unknown table '${name}' (tables: ${TABLE_NAMES.join(', ')})`);
    }
    const format = formatOf(args, ['md', 'csv', 'json', 'html']);
    const options = tableOptionsOf(args);
    const stopWordFile = string(args, 'stop-words');
    if (stopWordFile !== undefined) options.stopWords = await readStopWords(stopWordFile, io.cwd);
    if (options.top === 0) throw new UsageError('--top must be at least 1');
    const workspace = await workspaceFromArgs(args, io);
    if (workspace.sources.length === 0) {
      throw new UsageError(`no transcripts found under ${args.positionals.length > 0 ? args.positionals.join(', ') : workspace.root}`);
    }
    warnWhenNothingRollsUp(args, io, 'summary', workspace.sources, workspace.codebook);
    const result = buildTable(name, workspace.sources, workspace.codebook, options);
    const error = result.problems.find((problem) => problem.severity === 'error');
    if (error || !result.table) throw new UsageError(error?.message ?? `table '${name}' could not be built`);
    for (const problem of result.problems) io.stderr(`mdqda summary: ${problem.severity}: ${problem.message} [${problem.ruleId}]\n`);
    const table = result.table;
    const columns = terminalColumnsOf(args, io);
    const markdown = (shown: Table): string => renderMarkdown(shown, { indent: columns === undefined ? 'entity' : 'character' });
    let text =
      format === 'csv'
        ? renderCsv(table, { bom: args.values.bom === true })
        : format === 'json'
          ? renderJson(table)
          : format === 'html'
            ? renderHtml(table)
            : markdown(table);
    if (name === 'cooccurrence' && format === 'md' && columns !== undefined) {
      const fitted = fitCooccurrence(workspace.sources, workspace.codebook, options, table, columns, markdown);
      text = fitted.text;
      if (fitted.narrowedFrom) io.stderr(`mdqda summary: ${narrowedNotice(fitted.narrowedFrom, columns)}\n`);
    }
    await writeOutput(args, io, text);
    return 0;
  },
};
