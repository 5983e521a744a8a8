import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, repoRoot } from './runCli';

/** Runs the built CLI, killing it after `timeout` ms: a command blocked on a FIFO is reported, not waited for. */
function runWithTimeout(args: string[], cwd: string, timeout = 10_000): { code: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
    env: { ...process.env, MDQDA_CACHE_DIR: path.join(cwd, '.cache') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined || result.signal !== null };
}

describe('special files (FIFOs) named on the command line', function () {
  this.timeout(120_000);
  let folder: string;
  before(() => {
    ensureBuilt();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-fifo-'));
    execFileSync('mkfifo', [path.join(folder, 'pipe.md'), path.join(folder, 'pipe.yaml'), path.join(folder, 'pipe.qdpx')]);
    fs.writeFileSync(path.join(folder, 'int.md'), '**P1:** We :code[receive the money]{.T1 by=pg} late.\n');
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  for (const args of [
    ['lint', 'pipe.md'],
    ['plain', 'pipe.md'],
    ['excerpts', 'pipe.md'],
    ['summary', 'pipe.md'],
    ['code', 'pipe.md', '--plain', '0-3', '--codes', 'T1'],
    ['uncode', 'pipe.md', '--line', '1'],
    ['lint', 'int.md', '--codebook', 'pipe.yaml'],
    ['workshop', 'pipe.yaml'],
    ['import', 'pipe.qdpx'],
  ]) {
    it(`\`mdqda ${args.join(' ')}\` does not block: one line naming the special file, exit 2`, () => {
      const result = runWithTimeout(args, folder);
      assert.equal(result.timedOut, false, `mdqda ${args.join(' ')} blocked on the FIFO`);
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
      assert.match(result.stderr, /pipe\.(md|yaml|qdpx).*not a regular file \(a FIFO\)/);
    });
  }

  it('skips a FIFO inside a folder it searches, without blocking', () => {
    const result = runWithTimeout(['lint', '.'], folder);
    assert.equal(result.timedOut, false);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^1 transcript, 1 excerpt:/m);
  });
});
