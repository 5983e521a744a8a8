import { spawn } from 'node:child_process';

/** What a git process gave back: its exit code (-1 when it could not run), stdout bytes and stderr text. */
export interface GitOutput {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs `git` with `args` in `cwd`, feeding `input` to its stdin, and resolves
 * to its exit code and output; never rejects (a missing git gives code -1
 * and the error in `stderr`).
 */
export function gitRun(args: readonly string[], cwd: string, input?: string): Promise<GitOutput> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => resolve({ code: -1, stdout: Buffer.alloc(0), stderr: error.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}
