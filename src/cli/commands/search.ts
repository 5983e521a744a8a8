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
import { renderSearchHits, type SearchHitFormat } from '../../core/render/renderSearchHits';

const MAX_HITS_PER_SOURCE = 1000;

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
    `At most ${MAX_HITS_PER_SOURCE} hits per file are listed (a note on stderr names capped files). A regular`,
    'expression that backtracks catastrophically is not stopped: keep patterns simple.',
  ].join('\n'),
  options: {
    regex: { type: 'boolean' },
    case: { type: 'boolean' },
    'whole-word': { type: 'boolean' },
    context: { type: 'string' },
    speaker: { type: 'string', multiple: true },
    where: { type: 'string', multiple: true },
    within: { type: 'string', multiple: true },
    coder: { type: 'string', multiple: true },
  },
  async run(args, io) {
    const format = formatOf(args, ['md', 'csv', 'json', 'html']) as SearchHitFormat;
    const [pattern, ...paths] = args.positionals;
    if (pattern === undefined) throw new UsageError('give a search PATTERN');
    const contextText = typeof args.values.context === 'string' ? args.values.context : '40';
    if (!/^\d+$/.test(contextText)) throw new UsageError(`--context takes a whole number of characters, got '${contextText}'`);
    const where: Record<string, string> = {};
    for (const condition of (args.values.where as string[] | undefined) ?? []) {
      const equals = condition.indexOf('=');
      if (equals <= 0) throw new UsageError(`--where takes ATTR=VALUE, got '${condition}'`);
      where[condition.slice(0, equals)] = condition.slice(equals + 1);
    }
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
      {
        pattern,
        regex: args.values.regex === true,
        caseSensitive: args.values.case === true,
        wholeWord: args.values['whole-word'] === true,
        speakers: args.values.speaker as string[] | undefined,
        where: Object.keys(where).length > 0 ? where : undefined,
        within: args.values.within as string[] | undefined,
        coders: args.values.coder as string[] | undefined,
        context: Number(contextText),
        maxHitsPerSource: MAX_HITS_PER_SOURCE,
      },
      locate,
    );
    if (!result.ok) throw new UsageError(result.message);
    for (const capped of result.capped) io.stderr(`mdqda search: ${capped}: more than ${MAX_HITS_PER_SOURCE} hits; only the first ${MAX_HITS_PER_SOURCE} are listed\n`);
    await writeOutput(args, io, renderSearchHits(result.hits, format));
    return 0;
  },
};
