import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mdqda } from './inProcess';

const CODEBOOK = 'codes:\n  - id: T1\n    name: "Trust"\n  - id: T2\n    name: "Time"\n';
const P1 = 'we met :code[the council]{.T1} and :code[waited]{.T2}\n';
/** A transcript over the 10 MiB limit. */
const large = (coding: string) => `${'Filler words of a very long interview. '.repeat(280_000)}\n\nthen :code[this]{${coding}}\n`;

describe('refactorings and transcripts that could not be read', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-skipped-'));
    fs.writeFileSync(path.join(folder, 'codebook.yaml'), CODEBOOK);
    fs.writeFileSync(path.join(folder, 'p1.md'), P1);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));
  const read = (name: string) => fs.readFileSync(path.join(folder, name), 'utf8');

  for (const command of [
    ['rename', 'T1', 'T9'],
    ['merge', 'T1', 'T2', '--into', 'T2'],
    ['split', 'T1', 'T9', '--at', 'p1.md:1'],
  ]) {
    it(`${command[0]} refuses with exit 2, writing nothing, when a skipped transcript uses the code, and names it`, async () => {
      fs.writeFileSync(path.join(folder, 'big.md'), large('.T1'));
      const result = await mdqda(command, folder);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /big\.md \(the file is 10\.\d MiB, over the limit.*nothing was changed \(give --skip-unreadable/);
      assert.equal(read('codebook.yaml'), CODEBOOK);
      assert.equal(read('p1.md'), P1);
    });
  }

  it('renames the others with --skip-unreadable and names the file left as it is', async () => {
    fs.writeFileSync(path.join(folder, 'big.md'), large('.T1'));
    const result = await mdqda(['rename', 'T1', 'T9', '--skip-unreadable'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /big\.md \(the file is .*\): left as it is \(--skip-unreadable\)/);
    assert.equal(read('p1.md'), 'we met :code[the council]{.T9} and :code[waited]{.T2}\n');
    assert.match(read('codebook.yaml'), /id: T9/);
  });

  it('renames as usual when a skipped file does not mention the code (T1b is another code)', async () => {
    fs.writeFileSync(path.join(folder, 'big.md'), large('.T1b'));
    const result = await mdqda(['rename', 'T1', 'T9'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(read('p1.md'), 'we met :code[the council]{.T9} and :code[waited]{.T2}\n');
  });
});
