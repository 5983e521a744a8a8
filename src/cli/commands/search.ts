import path from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { formatOf, workspaceFromArgs } from '../workspaceArgs';
import { writeOutput } from '../writeOutput';
import { readTranscriptFileSync } from '../../node/readTranscriptFile';
import { parseTranscriptWithMap } from '../../core/syntax/parseTranscript';
import { searchSources } from '../../core/search/searchSources';
import type { HitLocator } from '../../core/search/lineOfHit';
import type { Source } from '../../core/model/source';
import { patternRunnerFor } from '../../node/timedPatternRunner';
import { searchOptions, searchQueryOf } from '../searchArgs';
import { renderSearchHits, type SearchHitFormat } from '../../core/render/renderSearchHits';

const MAX_HITS_PER_SOURCE = 1000;

/** How long a pattern may run on one file before it is stopped (a regular expression that backtracks badly). */
export const PATTERN_TIME_LIMIT_MS = 2000;

export const searchCommand: Command = {
  name: 'search',
  summary: 'find a word or pattern in the plain text: a keyword-in-context list',
  usage: [
    'Usage: mdqda search PATTERN [paths…] [--regex] [--case] [--whole-word] [--context N]',
    '                   [--speaker NAME]… [--where ATTR=VALUE]… [--within CODE]… [--coder NAME]…',
    '                   [--codebook FILE] [--format md|csv|json|html] [-o FILE]',
    '',
    'Searches the plain text only (never markup or front matter). Literal and case-insensitive by default;',
    '--regex reads PATTERN as a JavaScript regular expression (Unicode mode); --whole-word treats Unicode',
    'letters, digits and marks as word characters. --within keeps hits inside an excerpt of the code (or a',
    'descendant); --coder counts only that coder\'s excerpts. Offsets are code points into the plain text.',
    `At most ${MAX_HITS_PER_SOURCE} hits per file are listed (a note on stderr names capped files). A pattern`,
    `that runs longer than ${PATTERN_TIME_LIMIT_MS / 1000} s on one file (a regular expression that backtracks badly) is stopped there, and the file named.`,
  ].join('\n'),
  options: {
    ...searchOptions,
    context: { type: 'string' },
  },
  async run(args, io) {
    const format = formatOf(args, ['md', 'csv', 'json', 'html']) as SearchHitFormat;
    const [pattern, ...paths] = args.positionals;
    if (pattern === undefined) throw new UsageError('give a search PATTERN');
    const contextText = typeof args.values.context === 'string' ? args.values.context : '40';
    if (!/^\d+$/.test(contextText)) throw new UsageError(`--context takes a whole number of characters, got '${contextText}'`);
    const query = searchQueryOf(args, pattern);
    const workspace = await workspaceFromArgs(args, io, paths);
    const locate = (source: Source): HitLocator | undefined => {
      const read = readTranscriptFileSync(path.join(workspace.root, source.path), source.path);
      if (!read.ok) return undefined;
      const parsed = parseTranscriptWithMap(read.text, { path: source.path });
      // A file changed since it was indexed has no trustworthy line: leave it out.
      return parsed.source.plainText === source.plainText ? parsed : undefined;
    };
    const result = searchSources(
      workspace.sources,
      workspace.codebook,
      { ...query, context: Number(contextText), maxHitsPerSource: MAX_HITS_PER_SOURCE, run: patternRunnerFor(query.regex === true, PATTERN_TIME_LIMIT_MS) },
      locate,
    );
    if (!result.ok) throw new UsageError(result.message);
    for (const stopped of result.timedOut) io.stderr(`mdqda search: ${stopped}: the pattern ran longer than ${PATTERN_TIME_LIMIT_MS / 1000} s here and was stopped; no hits are listed for this file\n`);
    for (const capped of result.capped) io.stderr(`mdqda search: ${capped}: more than ${MAX_HITS_PER_SOURCE} hits; only the first ${MAX_HITS_PER_SOURCE} are listed\n`);
    await writeOutput(args, io, renderSearchHits(result.hits, format));
    return 0;
  },
};
