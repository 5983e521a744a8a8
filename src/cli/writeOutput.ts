import path from 'node:path';
import type { CliArgs, CliIo } from './command';
import { UsageError } from './command';
import { writeFileAtomic } from '../node/writeFileAtomic';

/** Prints a command's result to stdout, or writes it atomically to `-o FILE`. */
export async function writeOutput(args: CliArgs, io: CliIo, text: string): Promise<void> {
  const output = args.values.output;
  if (typeof output !== 'string' || output === '-') {
    io.stdout(text);
    return;
  }
  try {
    await writeFileAtomic(path.resolve(io.cwd, output), text);
  } catch (error) {
    throw new UsageError(`${output}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
