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

describe('counts in CLI messages agree with what was done', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-counts-'));
    fs.writeFileSync(path.join(folder, 'codebook.yaml'), 'codes:\n  - id: T1\n    name: One\n');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, text: string) => fs.writeFileSync(path.join(folder, name), text);

  it('split reports the excerpts it moved, not every excerpt of the code in the transcript', async () => {
    write('p1.md', 'a :code[b]{.T1}\n\nc :code[d]{.T1}\n\ne :code[f]{.T1}\n');
    const result = await mdqda(['split', 'T1', 'T1x', '--at', 'p1.md:3', '.', '--date', '2026-11-25'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.readFileSync(path.join(folder, 'p1.md'), 'utf8'), 'a :code[b]{.T1}\n\nc :code[d]{.T1x}\n\ne :code[f]{.T1}\n');
    assert.equal(result.stderr.split('\n').at(-2), 'mdqda: split T1 → T1, T1x: 1 excerpt in 1 transcript');
  });

  it('rename counts every excerpt it recoded, in the plural where there are several', async () => {
    write('p1.md', 'a :code[b]{.T1}\n\nc :code[d]{.T1}\n');
    write('p2.md', 'e :code[f]{.T1}\n');
    const result = await mdqda(['rename', 'T1', 'T9', '.', '--date', '2026-11-25'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr.split('\n').at(-2), 'mdqda: rename T1 → T9: 3 excerpts in 2 transcripts');
  });

  it('does not count a codebook named .yml among the transcripts it changed', async () => {
    fs.renameSync(path.join(folder, 'codebook.yaml'), path.join(folder, 'book.yml'));
    write('p1.md', 'a :code[b]{.T1}\n');
    const result = await mdqda(['rename', 'T1', 'T9', '.', '--codebook', 'book.yml', '--date', '2026-11-25'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.match(fs.readFileSync(path.join(folder, 'book.yml'), 'utf8'), /action: rename/);
    assert.equal(result.stderr.split('\n').at(-2), 'mdqda: rename T1 → T9: 1 excerpt in 1 transcript');
  });

  it('lint says "1 transcript" and "1 warning" in the singular', async () => {
    write('p1.md', 'a :code[b]{.T1}\n\nc :code[d]{.T7}\n');
    const result = await mdqda(['lint', 'p1.md'], folder);
    assert.equal(result.stderr, '1 transcript, 2 excerpts: 0 errors, 1 warning\n');
  });

  it('export says "1 source, 1 code, 1 selection" in the singular', async () => {
    write('p1.md', 'a :code[b]{.T1}\n');
    const result = await mdqda(['export', '--to', 'qdpx', '-o', 'out.qdpx', '.'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr.split('\n').at(-2), 'mdqda export: wrote out.qdpx: 1 source, 1 code, 1 selection');
  });
});
