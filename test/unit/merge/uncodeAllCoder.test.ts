import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';

/** Runs `mdqda` in this process and collects its output. */
async function mdqda(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--no-cache'], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

describe('mdqda uncode --all --coder', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-uncode-all-'));
    fs.mkdirSync(path.join(folder, 'interviews'));
    fs.writeFileSync(path.join(folder, 'interviews/p1.md'), 'P1: :code[We met :code[the residents]{.T1 by=rk}]{.M3 by=pg} in the hall.\n');
    fs.writeFileSync(path.join(folder, 'interviews/p2.md'), ':::code{.F2 by=pg}\nP2: we :code[talked]{.T1 by=rk}.\n:::\n');
    fs.writeFileSync(path.join(folder, 'interviews/p3.md'), 'P3: :code[nothing by pg]{.T1 by=rk}.\n');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));
  const read = (name: string) => fs.readFileSync(path.join(folder, 'interviews', name), 'utf8');

  it('removes every excerpt of the coder across the workspace, keeps the others’ and the plain text', async () => {
    const plainBefore = (await mdqda(['plain', 'interviews/p1.md'], folder)).stdout;
    const result = await mdqda(['uncode', '--all', '--coder', 'pg', 'interviews'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read('p1.md'), 'P1: We met :code[the residents]{.T1 by=rk} in the hall.\n');
    assert.equal(read('p2.md'), 'P2: we :code[talked]{.T1 by=rk}.\n');
    assert.equal(read('p3.md'), 'P3: :code[nothing by pg]{.T1 by=rk}.\n');
    assert.equal((await mdqda(['plain', 'interviews/p1.md'], folder)).stdout, plainBefore);
    assert.match(result.stderr, /removed 2 excerpts by pg in 2 transcripts/);
  });

  it('prints the diff with --dry-run and writes nothing', async () => {
    const result = await mdqda(['uncode', '--all', '--coder', 'pg', 'interviews', '--dry-run'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^-P1: :code\[We met/m);
    assert.match(result.stdout, /^\+P1: We met :code\[the residents\]/m);
    assert.equal(read('p1.md'), 'P1: :code[We met :code[the residents]{.T1 by=rk}]{.M3 by=pg} in the hall.\n');
  });

  it('refuses --coder without --all, exit 2, nothing written', async () => {
    const result = await mdqda(['uncode', '--coder', 'pg', 'interviews'], folder);
    assert.equal(result.code, 2);
    assert.equal(read('p2.md'), ':::code{.F2 by=pg}\nP2: we :code[talked]{.T1 by=rk}.\n:::\n');
  });
});
