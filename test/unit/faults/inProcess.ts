import { runCliInProcess } from '../cli/runCliInProcess';

/** Runs `mdqda` in this process without the parse cache and collects its output. */
export function mdqda(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCliInProcess([...args, '--no-cache'], cwd);
}
