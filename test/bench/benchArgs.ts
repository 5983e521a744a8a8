/**
 * The benchmark's own options, taken off the command line before anything
 * else in the bundle reads it (the CLI module runs on `process.argv` when it
 * is the bundle's main module): `--json FILE` also writes the figures there.
 */
function takeOption(name: string): string | null {
  const index = process.argv.indexOf(name);
  if (index === -1) return null;
  const [, value] = process.argv.splice(index, 2);
  return value ?? null;
}

export const JSON_FILE = takeOption('--json');
