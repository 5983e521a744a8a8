import type { Source } from '../model/source';
import { MAX_NESTING, NESTING_RULE } from '../syntax/nestingLimit';

/**
 * Why the tool does not write a transcript whose source is not writable, as
 * a sentence starting with its path: nested deeper than `MAX_NESTING` (the
 * file was not read), or not valid UTF-8 (any other reason).
 */
export function readOnlyError(source: Source): string {
  if (source.diagnostics.some((diagnostic) => diagnostic.ruleId === NESTING_RULE)) {
    return `${source.path} is not edited by the tool: it nests deeper than ${MAX_NESTING} levels, so it was not read (see its error)`;
  }
  return `${source.path} is read-only for the tool (it is not valid UTF-8)`;
}
