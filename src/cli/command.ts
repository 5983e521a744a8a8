import type { ParseArgsConfig } from 'node:util';

/** What a command needs from the outside world; tests may pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Width in columns of the terminal stdout prints to; undefined when stdout is not a terminal (a pipe, a file). */
  terminalColumns?: number;
}

/** Parsed arguments: options by name, then positionals. */
export interface CliArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** A CLI sub-command. `run` resolves to the exit code (0 ok, 1 failed check, 2 usage/input error). */
export interface Command {
  name: string;
  /** One line for `mdqda --help`. */
  summary: string;
  /** Usage text shown by `mdqda NAME --help`. */
  usage: string;
  /** Options in the shape of `util.parseArgs`; the common options are added by main. */
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: CliArgs, io: CliIo): Promise<number>;
}

/** A usage or input error: main prints its one-line message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
