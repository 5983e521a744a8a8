import { runCli } from '../../../src/cli/main';

/** Runs `mdqda` in this process without the parse cache and collects its output. */
export async function mdqda(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--no-cache'], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}
