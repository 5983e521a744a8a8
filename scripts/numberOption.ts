/**
 * The value of `--name N` on the command line, else of the environment
 * variable, else the default: a whole number, or the script (`script`, for
 * the message) exits 2.
 */
export function numberOption(script: string, name: string, variable: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const written = index !== -1 ? process.argv[index + 1] : process.env[variable];
  if (written === undefined) return fallback;
  const value = Number(written);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`${script}: --${name} (or ${variable}) must be a whole number, got '${written}'`);
    process.exit(2);
  }
  return value;
}
