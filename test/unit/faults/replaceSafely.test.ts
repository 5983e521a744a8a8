import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeRange } from '../../../src/core/edit/codeRange';
import { applyFileEdits, FileChangedError } from '../../../src/node/applyEdits';
import { basisOf, readForEdit, reparseForEdit, type TranscriptForEdit } from '../../../src/node/readForEdit';
import { writeFileAtomic } from '../../../src/node/writeFileAtomic';
import { mdqda } from './inProcess';

describe('replacing a file safely', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-replace-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));
  const file = (name: string) => path.join(folder, name);

  /** Reads p1.md and plans coding plain 0–5 with `code` there, redone on a newer text through the engine. */
  async function planCoding(name: string, start: number, end: number, code: string) {
    const read = readForEdit(file(name), name) as TranscriptForEdit;
    const request = { start, end, codes: [code], coder: null, memo: null, exemplar: false, wholeBlocks: false };
    const result = codeRange(read.file.text, read.parsed, request);
    assert.ok(result.ok);
    const redo = (text: string) => {
      const parsed = reparseForEdit(basisOf(read), text);
      if (typeof parsed === 'string') return parsed;
      const again = codeRange(text, parsed, request);
      return again.ok ? again.edits : again.error;
    };
    return { ...read.file, edits: result.edits, redo };
  }

  it('keeps both codings when two code commands on one file run at once', async () => {
    fs.writeFileSync(file('p1.md'), 'alpha beta gamma\n\ndelta epsilon zeta\n');
    const [a, b] = await Promise.all([mdqda(['code', 'p1.md', '--plain', '0-5', '--codes', 'A1'], folder), mdqda(['code', 'p1.md', '--plain', '18-23', '--codes', 'B1'], folder)]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(fs.readFileSync(file('p1.md'), 'utf8'), ':code[alpha]{.A1} beta gamma\n\n:code[delta]{.B1} epsilon zeta\n');
  });

  it('makes the edit again on the newer text when someone else coded the file after it was read', async () => {
    fs.writeFileSync(file('p1.md'), 'alpha beta\n');
    const planned = await planCoding('p1.md', 6, 10, 'B1');
    fs.writeFileSync(file('p1.md'), ':code[alpha]{.A1} beta\n');
    const applied = await applyFileEdits([planned]);
    assert.deepEqual(applied.redone, ['p1.md']);
    assert.equal(fs.readFileSync(file('p1.md'), 'utf8'), ':code[alpha]{.A1} :code[beta]{.B1}\n');
  });

  it('refuses, writing nothing, when the plain text changed after the file was read', async () => {
    fs.writeFileSync(file('p1.md'), 'alpha beta\n');
    const planned = await planCoding('p1.md', 6, 10, 'B1');
    fs.writeFileSync(file('p1.md'), 'alpha beta and a new line\n');
    await assert.rejects(applyFileEdits([planned]), (error: Error) => error instanceof FileChangedError && /p1\.md changed on disk.*plain text/.test(error.message));
    assert.equal(fs.readFileSync(file('p1.md'), 'utf8'), 'alpha beta and a new line\n');
    assert.deepEqual(fs.readdirSync(folder), ['p1.md']);
  });

  it('keeps a line another program saves while rename is replacing the files, and renames it there too', async () => {
    fs.writeFileSync(file('codebook.yaml'), 'codes:\n  - id: T1\n    name: "Trust"\n');
    for (let index = 0; index < 50; index++) fs.writeFileSync(file(`p${index + 10}.md`), `we met :code[them]{.T1} on day ${index}.\n`);
    let saved = false;
    // Saves the last transcript (replaced last) as soon as the first temporary file appears.
    const editor = (async () => {
      while (!fs.readdirSync(folder).some((name) => name.endsWith('.mdqda.tmp'))) await new Promise((resolve) => setImmediate(resolve));
      fs.writeFileSync(file('p59.md'), 'we met :code[them]{.T1} on day 49.\n\nThe line the editor saved.\n');
      saved = true;
    })();
    const result = await mdqda(['rename', 'T1', 'T9'], folder);
    await editor;
    assert.ok(saved);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.readFileSync(file('p59.md'), 'utf8'), 'we met :code[them]{.T9} on day 49.\n\nThe line the editor saved.\n');
    assert.match(result.stderr, /p59\.md: changed on disk meanwhile, edited again on its new text/);
  });

  it('codes through a symbolic link: the link stays a link and its target gets the coding', async () => {
    fs.mkdirSync(file('real'));
    fs.writeFileSync(file('real/p1.md'), 'alpha beta\n');
    fs.symlinkSync(path.join('real', 'p1.md'), file('link.md'));
    const result = await mdqda(['code', 'link.md', '--plain', '0-5', '--codes', 'A1'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(fs.lstatSync(file('link.md')).isSymbolicLink());
    assert.equal(fs.readFileSync(file('real/p1.md'), 'utf8'), ':code[alpha]{.A1} beta\n');
  });

  it('writes -o output through a symbolic link to its target', async () => {
    fs.writeFileSync(file('target.txt'), 'old\n');
    fs.symlinkSync('target.txt', file('link.txt'));
    await writeFileAtomic(file('link.txt'), 'new\n');
    assert.ok(fs.lstatSync(file('link.txt')).isSymbolicLink());
    assert.equal(fs.readFileSync(file('target.txt'), 'utf8'), 'new\n');
  });

  it('refuses a transcript with two hard links with exit 2 and a message, writing nothing', async () => {
    fs.writeFileSync(file('p1.md'), 'alpha beta\n');
    fs.linkSync(file('p1.md'), file('p1-copy.md'));
    const result = await mdqda(['code', 'p1.md', '--plain', '0-5', '--codes', 'A1'], folder);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /p1\.md has 2 hard links.*nothing was written/);
    assert.equal(fs.readFileSync(file('p1-copy.md'), 'utf8'), 'alpha beta\n');
    assert.equal(fs.statSync(file('p1.md')).nlink, 2);
  });

  // Another owner needs root to set up (as the tests run in CI); otherwise the file stays the runner's.
  const owner = process.getuid?.() === 0 ? [4321, 4322] : [process.getuid?.() ?? 0, process.getgid?.() ?? 0];

  it('keeps the owner, group and mode of the transcript it replaces', async () => {
    fs.writeFileSync(file('p1.md'), 'alpha beta\n');
    fs.chownSync(file('p1.md'), owner[0], owner[1]);
    fs.chmodSync(file('p1.md'), 0o640);
    const result = await mdqda(['code', 'p1.md', '--plain', '0-5', '--codes', 'A1'], folder);
    assert.equal(result.code, 0, result.stderr);
    const stat = fs.statSync(file('p1.md'));
    assert.deepEqual([stat.uid, stat.gid, stat.mode & 0o7777], [...owner, 0o640]);
    assert.equal(fs.readFileSync(file('p1.md'), 'utf8'), ':code[alpha]{.A1} beta\n');
  });

  it('keeps a mode the umask would narrow (group and others may write)', async () => {
    fs.writeFileSync(file('p1.md'), 'alpha beta\n');
    fs.chmodSync(file('p1.md'), 0o666);
    const umask = process.umask(0o022);
    try {
      const result = await mdqda(['code', 'p1.md', '--plain', '0-5', '--codes', 'A1'], folder);
      assert.equal(result.code, 0, result.stderr);
    } finally {
      process.umask(umask);
    }
    assert.equal(fs.statSync(file('p1.md')).mode & 0o7777, 0o666);
  });

  it('keeps the owner of a file written with writeFileAtomic', async () => {
    fs.writeFileSync(file('out.csv'), 'old\n');
    fs.chownSync(file('out.csv'), owner[0], owner[1]);
    assert.deepEqual(await writeFileAtomic(file('out.csv'), 'new\n'), []);
    const stat = fs.statSync(file('out.csv'));
    assert.deepEqual([stat.uid, stat.gid], owner);
  });
});
