import type { CliArgs } from './command';
import { UsageError } from './command';
import type { SearchQuery } from '../core/search/searchSources';

/** The options `search` and `autocode` share, in the shape of `util.parseArgs`. */
export const searchOptions = {
  regex: { type: 'boolean' },
  case: { type: 'boolean' },
  'whole-word': { type: 'boolean' },
  speaker: { type: 'string', multiple: true },
  where: { type: 'string', multiple: true },
  within: { type: 'string', multiple: true },
  coder: { type: 'string', multiple: true },
} as const;

/** Reads `--where ATTR=VALUE` options (usage error for one without `=`); undefined when none is given. */
export function whereOf(args: CliArgs): Record<string, string> | undefined {
  const where: Record<string, string> = {};
  for (const condition of (args.values.where as string[] | undefined) ?? []) {
    const equals = condition.indexOf('=');
    if (equals <= 0) throw new UsageError(`--where takes ATTR=VALUE, got '${condition}'`);
    where[condition.slice(0, equals)] = condition.slice(equals + 1);
  }
  return Object.keys(where).length > 0 ? where : undefined;
}

/** The search query of a pattern and the shared options (see `searchOptions`). */
export function searchQueryOf(args: CliArgs, pattern: string): SearchQuery {
  return {
    pattern,
    regex: args.values.regex === true,
    caseSensitive: args.values.case === true,
    wholeWord: args.values['whole-word'] === true,
    speakers: args.values.speaker as string[] | undefined,
    where: whereOf(args),
    within: args.values.within as string[] | undefined,
    coders: args.values.coder as string[] | undefined,
  };
}
