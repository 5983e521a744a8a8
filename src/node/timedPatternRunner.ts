import vm from 'node:vm';
import { allMatches, type PatternRunner } from '../core/search/searchSources';

/**
 * A `PatternRunner` that stops a regular expression running longer than
 * `milliseconds` on one text (V8 interrupts a backtracking RegExp when the
 * time is up) and gives null for that text. The matching itself runs the
 * core's `allMatches`; only the call goes through a `vm` script, which is
 * what carries the time limit.
 */
export function timedPatternRunner(milliseconds: number): PatternRunner {
  const context = vm.createContext({ allMatches, regex: null, text: '' });
  const script = new vm.Script('allMatches(regex, text)');
  return (regex, text) => {
    context.regex = regex;
    context.text = text;
    try {
      return script.runInContext(context, { timeout: milliseconds }) as number[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return null;
      throw error;
    } finally {
      context.text = '';
    }
  };
}

/**
 * The runner for a search: a user's regular expression (`regex`) runs under
 * the time limit; literal words compile to escaped text between word-boundary
 * look-arounds, which cannot backtrack badly, so they run directly (the `vm`
 * call costs about half a millisecond a file).
 */
export function patternRunnerFor(regex: boolean, milliseconds: number): PatternRunner | undefined {
  return regex ? timedPatternRunner(milliseconds) : undefined;
}
