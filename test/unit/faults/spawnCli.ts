import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, repoRoot } from '../cli/runCli';

const cli = path.join(repoRoot, 'dist', 'cli.js');

/** How many times a fault test repeats: `full` with `MDQDA_FAULTS=full` (`npm run test:faults`), else `quick` (`npm test`). */
export function faultRuns(quick: number, full: number): number {
  return process.env.MDQDA_FAULTS === 'full' ? full : quick;
}

/** The outcome of one run of the built CLI. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the built `mdqda` as a child process; `done` resolves when it exits (killed or not). */
export function startCli(args: string[], cwd: string): { child: ChildProcess; done: Promise<CliRun> } {
  ensureBuilt();
  const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, MDQDA_CACHE_DIR: path.join(cwd, '..', 'cache') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}
