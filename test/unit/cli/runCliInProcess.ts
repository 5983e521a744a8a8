import { runCli } from '../../../src/cli/main';

/** Runs `mdqda argv` in this process from `cwd` and collects its exit code and output. */
export async function runCliInProcess(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}
