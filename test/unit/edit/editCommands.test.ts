import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';

/** Runs `mdqda` in this process and collects its output. */
async function mdqda(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

const repoRoot = path.resolve(__dirname, '../../..');

describe('edit commands', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-edit-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const write = (name: string, data: string | Buffer) => fs.writeFileSync(path.join(folder, name), data);
  const read = (name: string) => fs.readFileSync(path.join(folder, name));

  it('codes a file range and keeps the byte order mark and CRLF line ends', async () => {
    write('p1.md', '\ufeff**P1:** we met the council.\r\n\r\nNext turn.\r\n');
    const result = await mdqda(['code', 'p1.md', '--range', '1:16-1:27', '--codes', 'T1,M3', '--by', 'pg'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read('p1.md').toString('utf8'), '\ufeff**P1:** we met :code[the council]{.T1 .M3 by=pg}.\r\n\r\nNext turn.\r\n');
    const plain = await mdqda(['plain', 'p1.md'], folder);
    assert.equal(plain.stdout, '**P1:** we met the council.\r\n\r\nNext turn.\r\n');
  });

  it('prints a unified diff with --dry-run and writes nothing', async () => {
    const text = 'alpha beta\n';
    write('p1.md', text);
    const result = await mdqda(['code', 'p1.md', '--plain', '6-10', '--codes', 'T1', '--dry-run'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^--- a\/p1\.md\n\+\+\+ b\/p1\.md\n@@ -1,1 \+1,1 @@\n-alpha beta\n\+alpha :code\[beta\]\{\.T1\}\n/);
    assert.equal(read('p1.md').toString('utf8'), text);
  });

  it('refuses a range the markup cannot express with exit 2, naming the file, and leaves it untouched', async () => {
    const text = 'call `run()` now\n';
    write('p1.md', text);
    const result = await mdqda(['code', 'p1.md', '--plain', '7-16', '--codes', 'T1'], folder);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /p1\.md:1: the range starts or ends inside inline code/);
    assert.equal(read('p1.md').toString('utf8'), text);
  });

  it('refuses a range inside the front matter', async () => {
    const text = '---\nid: s1\n---\nalpha beta\n';
    write('p1.md', text);
    const result = await mdqda(['code', 'p1.md', '--range', '2:1-4:6', '--codes', 'T1'], folder);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /inside the front matter/);
    assert.equal(read('p1.md').toString('utf8'), text);
  });

  it('refuses to write a file that is not valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('alpha '), Buffer.from([0xff]), Buffer.from(' beta\n')]);
    write('p1.md', bytes);
    const result = await mdqda(['code', 'p1.md', '--plain', '0-5', '--codes', 'T1'], folder);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /read-only/);
    assert.deepEqual(read('p1.md'), bytes);
  });

  it('uncodes one code of the excerpt on a line, then the whole excerpt', async () => {
    write('p1.md', 'Intro.\n\nsee :code[this]{.T1 .M3 by=pg} here\n');
    assert.equal((await mdqda(['uncode', 'p1.md', '--line', '3', '--code', 'M3'], folder)).code, 0);
    assert.equal(read('p1.md').toString('utf8'), 'Intro.\n\nsee :code[this]{.T1 by=pg} here\n');
    assert.equal((await mdqda(['uncode', 'p1.md', '--line', '3'], folder)).code, 0);
    assert.equal(read('p1.md').toString('utf8'), 'Intro.\n\nsee this here\n');
  });

  it('asks which excerpt when several cover the line', async () => {
    write('p1.md', ':code[a]{.T1 by=pg} :code[b]{.T2 by=rk}\n');
    const result = await mdqda(['uncode', 'p1.md', '--line', '1'], folder);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /2 excerpts here .*choose one with --code or --by/);
  });

  it('sets a memo and marks an exemplar', async () => {
    write('p1.md', 'see :code[this]{.T1 by=pg} here\n');
    const result = await mdqda(['memo', 'p1.md', '--line', '1', '--set', 'a "quoted"\nnote', '--exemplar'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read('p1.md').toString('utf8'), 'see :code[this]{.T1 by=pg memo="a &quot;quoted&quot;&#10;note" exemplar} here\n');
  });

  it('renames a code in every transcript and the codebook, recording the history', async () => {
    write('codebook.yaml', 'codes:\n  - id: T1\n    name: One\n');
    write('p1.md', 'see :code[this]{.T1 by=pg} here\n');
    write('p2.md', ':::code{.M1 .T1}\nBlock.\n:::\n');
    const result = await mdqda(['rename', 'T1', 'T9', '.', '--date', '2026-11-25', '--step', 'step3', '--no-cache'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read('p1.md').toString('utf8'), 'see :code[this]{.T9 by=pg} here\n');
    assert.equal(read('p2.md').toString('utf8'), ':::code{.M1 .T9}\nBlock.\n:::\n');
    assert.equal(read('codebook.yaml').toString('utf8'), 'codes:\n  - id: T9\n    name: One\nhistory:\n  - { action: rename, from: [T1], to: [T9], step: step3, date: 2026-11-25 }\n');
  });

  it('splits only the chosen excerpts to a new code', async () => {
    write('codebook.yaml', 'codes:\n  - id: T1\n    name: One\n');
    write('p1.md', 'a :code[b]{.T1}\n\nc :code[d]{.T1}\n');
    const result = await mdqda(['split', 'T1', 'T1x', '--at', 'p1.md:3', '--name', 'One, part two', '.', '--date', '2026-11-25', '--no-cache'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read('p1.md').toString('utf8'), 'a :code[b]{.T1}\n\nc :code[d]{.T1x}\n');
    assert.match(read('codebook.yaml').toString('utf8'), /  - \{ id: T1x, name: "One, part two" \}\nhistory:\n  - \{ action: split, from: \[T1\], to: \[T1, T1x\], date: 2026-11-25 \}\n$/);
  });

  it('merge T4 T4a T4b --into T4 on the example study changes no plain text and the excerpts carry the merged code', async function () {
    this.timeout(60_000);
    const study = path.join(folder, 'study');
    fs.cpSync(path.join(repoRoot, 'examples', 'coproduction-study'), study, { recursive: true });
    const transcripts = fs.readdirSync(study).filter((name) => name.endsWith('.md'));
    const plainOf = async (name: string) => (await mdqda(['plain', path.join('study', name)], folder)).stdout;
    const before = new Map<string, string>();
    for (const name of transcripts) before.set(name, await plainOf(name));
    const excerpts = async () => JSON.parse((await mdqda(['excerpts', 'study', '--format', 'json', '--no-cache'], folder)).stdout) as { path: string; start: number; end: number; coder: string | null; codes: string[] }[];
    const key = (excerpt: { path: string; start: number; end: number; coder: string | null }) => `${excerpt.path}:${excerpt.start}-${excerpt.end}:${excerpt.coder}`;
    const merged = new Set(['T4', 'T4a', 'T4b']);
    const wanted = (await excerpts()).filter((excerpt) => excerpt.codes.some((code) => merged.has(code))).map(key).sort();
    assert.ok(wanted.length > 10, 'the example study uses the codes');

    const result = await mdqda(['merge', 'T4', 'T4a', 'T4b', '--into', 'T4', 'study', '--date', '2026-11-25', '--step', 'step3', '--no-cache'], folder);
    assert.equal(result.code, 0, result.stderr);

    for (const name of transcripts) assert.equal(await plainOf(name), before.get(name), `plain text of ${name}`);
    const after = await excerpts();
    assert.equal(after.filter((excerpt) => excerpt.codes.includes('T4a') || excerpt.codes.includes('T4b')).length, 0);
    assert.deepEqual(after.filter((excerpt) => excerpt.codes.includes('T4')).map(key).sort(), wanted);
    for (const excerpt of after) assert.equal(new Set(excerpt.codes).size, excerpt.codes.length, 'no duplicated class');
    const codebook = fs.readFileSync(path.join(study, 'codebook.yaml'), 'utf8');
    assert.match(codebook, /\{ action: merge, from: \[T4, T4a, T4b\], to: \[T4\], step: step3, date: 2026-11-25 \}/);
    const lint = await mdqda(['lint', 'study', '--no-cache'], folder);
    assert.equal(lint.code, 0, lint.stdout + lint.stderr);
    const frequencies = JSON.parse((await mdqda(['summary', 'study', '--table', 'frequencies', '--format', 'json', '--no-cache'], folder)).stdout);
    const row = frequencies.rows.find((item: { key: string }) => item.key === 'T4');
    const cell = row.cells.find((item: { column: string }) => item.column === 'excerpts');
    assert.equal(cell.value, wanted.length);
  });
});
