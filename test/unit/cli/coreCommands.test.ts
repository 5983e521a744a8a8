import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, repoRoot, runCli } from './runCli';

describe('mdqda lint, plain and excerpts (the built CLI)', () => {
  let folder: string;
  before(() => ensureBuilt());
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-cli-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const write = (name: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  };

  it('prints the §6 JSON of every excerpt with code-point offsets, speaker and headings', () => {
    write('int-01.md', '---\nid: int-01\nrole: lead\n---\n\n## Funding\n\n**P3:** 😀 I think :code[money shapes it]{.T1 .M3 by=pg memo="key" exemplar}.\n');
    const result = runCli(['excerpts', folder, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const excerpts = JSON.parse(result.stdout);
    assert.deepEqual(excerpts, [
      {
        source: 'int-01',
        path: 'int-01.md',
        codes: ['T1', 'M3'],
        coder: 'pg',
        memo: 'key',
        exemplar: true,
        speaker: 'P3',
        headings: ['Funding'],
        start: 31,
        end: 46,
        line: 8,
        text: 'money shapes it',
        attributes: {},
      },
    ]);
  });

  it('gives fragments sharing an id as one element with its fragments', () => {
    write('a.md', ':code[aa :code[bb]{.B id=x}]{.A} :code[cc]{.B id=x}\n');
    const excerpts = JSON.parse(runCli(['excerpts', folder, '--format', 'json']).stdout);
    const b = excerpts.find((excerpt: { codes: string[] }) => excerpt.codes.includes('B'));
    assert.deepEqual(b.fragments, [[3, 5], [6, 8]]);
    assert.equal(b.text, 'bb cc');
  });

  it('prints the plain text of a transcript', () => {
    write('a.md', '---\nid: a\n---\nx :code[y \\[1\\]]{.A} z\n');
    const result = runCli(['plain', path.join(folder, 'a.md')]);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, 'x y [1] z\n');
  });

  it('lints with path:line:col lines and exits 1 on errors', () => {
    write('codebook.yaml', 'codes:\n  - id: T1\n    name: Meaning\n');
    write('a.md', 'intro\n\n:code[x]{.T9}\n\n:::code{.T1}\nnot closed\n');
    const result = runCli(['lint', folder]);
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    assert.ok(lines.includes('a.md:3:1: warning: unknown code `T9`: it is not in the codebook (did you mean `T1`?) [unknown-code]'), result.stdout);
    assert.ok(lines.some((line) => /^a\.md:5:1: error: .*\[unclosed-container\]$/.test(line)), result.stdout);
  });

  it('exits 0 when there are only warnings', () => {
    write('a.md', 'x :code[y]{by=pg}\n');
    assert.equal(runCli(['lint', folder]).code, 0);
  });

  it('skips binary and oversized files with a warning and reports invalid UTF-8 without failing', () => {
    write('good.md', ':code[fine]{.A}\n');
    write('binary.md', Buffer.from([0x3a, 0x63, 0x6f, 0x64, 0x65, 0x00, 0x01]));
    write('latin1.md', Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' :code[x]{.A}\n')]));
    const lint = runCli(['lint', folder]);
    assert.equal(lint.code, 0, lint.stdout + lint.stderr);
    assert.match(lint.stdout, /binary\.md:1:1: warning: skipped: the file looks binary/);
    assert.match(lint.stdout, /latin1\.md:1:4: warning: the file is not valid UTF-8/);
    const excerpts = JSON.parse(runCli(['excerpts', folder, '--format', 'json']).stdout);
    assert.deepEqual(excerpts.map((excerpt: { path: string }) => excerpt.path).sort(), ['good.md', 'latin1.md']);
  });

  it('reads the bundled example study when run in the repository without paths', () => {
    const result = runCli(['excerpts', '--format', 'json'], { cwd: repoRoot });
    assert.equal(result.code, 0, result.stderr);
    const excerpts = JSON.parse(result.stdout);
    assert.ok(excerpts.length > 20);
    assert.ok(excerpts.every((excerpt: { path: string }) => !excerpt.path.startsWith('..')));
  });

  it('exits 2 with a one-line message naming a missing path', () => {
    const result = runCli(['lint', path.join(folder, 'nope')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /nope: no such file or folder/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });

  it('exits 2 on an unknown command or option', () => {
    assert.equal(runCli(['frobnicate']).code, 2);
    assert.equal(runCli(['lint', '--frobnicate']).code, 2);
  });

  it('writes -o files atomically and prints nothing to stdout', () => {
    write('a.md', ':code[x]{.A}\n');
    const output = path.join(folder, 'out.json');
    const result = runCli(['excerpts', folder, '--format', 'json', '-o', output]);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(output, 'utf8')).length, 1);
    assert.deepEqual(fs.readdirSync(folder).filter((name) => name.endsWith('.tmp')), []);
  });
});
