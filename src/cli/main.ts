import path from 'node:path';
import { parseArgs } from 'node:util';
import { recoverInterruptedEdits } from '../node/recoverEdits';
import type { CliArgs, CliIo, Command } from './command';
import { UsageError } from './command';
import { commands } from './commands/index';
import { oneLine } from './displayPath';
import { checkCodebookOptions } from './workspaceArgs';
// The one version number of the CLI and the extension (esbuild inlines just this field).
import { version } from '../../package.json';

/** Options every command takes (SPEC §6). */
export const commonOptions = {
  codebook: { type: 'string', multiple: true },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  'no-cache': { type: 'boolean' },
} as const;

function helpText(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'mdqda — structured qualitative coding of Markdown transcripts',
    '',
    'Usage: mdqda COMMAND [paths…] [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Common options: --codebook FILE (repeatable), --format md|csv|json|html, -o FILE, --no-cache',
    'Exit codes: 0 ok, 1 lint errors or failed check, 2 usage or input error.',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const command: Command | undefined = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`mdqda: unknown command '${name}' (try mdqda --help)\n`);
    return 2;
  }
  let args: CliArgs;
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...commonOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    args = { values: parsed.values as CliArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    io.stderr(`mdqda ${name}: ${oneLine((error as Error).message)}\n`);
    return 2;
  }
  if (args.values.help) {
    io.stdout(command.usage + '\n');
    return 0;
  }
  try {
    const places = [io.cwd, ...args.positionals.map((place) => path.resolve(io.cwd, place))];
    for (const message of await recoverInterruptedEdits(places)) io.stderr(`mdqda: ${message}\n`);
  } catch (error) {
    io.stderr(`mdqda: could not clean up after an interrupted edit: ${(error as Error).message}\n`);
  }
  try {
    checkCodebookOptions(args, io.cwd);
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mdqda ${name}: ${oneLine(error.message)}\n`);
      return 2;
    }
    io.stderr(`mdqda ${name}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    terminalColumns: process.stdout.isTTY ? process.stdout.columns || 80 : undefined,
  }).then((code) => {
    process.exitCode = code;
  });
}
