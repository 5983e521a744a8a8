import type { CliArgs, CliIo } from './command';

/**
 * The width of the terminal a command's result goes to: `io.terminalColumns`
 * when the result is printed to stdout and stdout is a terminal; undefined
 * when it goes to a pipe or to a file (`-o FILE`).
 */
export function terminalColumnsOf(args: CliArgs, io: CliIo): number | undefined {
  const output = args.values.output;
  return typeof output === 'string' && output !== '-' ? undefined : io.terminalColumns;
}
