import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findTranscripts, toRelative } from '../../../src/node/findTranscripts';

describe('findTranscripts', () => {
  let base: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-find-'));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));
  const write = (name: string) => {
    fs.mkdirSync(path.dirname(path.join(base, name)), { recursive: true });
    fs.writeFileSync(path.join(base, name), ':code[x]{.A}\n');
  };

  it('gives each file found its path relative to the root, in folders below it, beside it and named directly', async () => {
    for (const name of ['root/a.md', 'root/deep/er/b.markdown', 'root/ünï 😀/c.MD', 'root/skip.txt', 'root/.hidden/d.md', 'root/node_modules/e.md', 'other/f.md', 'other/g/h.md']) write(name);
    const root = path.join(base, 'root');
    const { files, missing } = await findTranscripts([root, path.join(base, 'other'), path.join(root, 'deep/er/b.markdown'), path.join(base, 'none')], root);
    assert.deepEqual(missing, [path.join(base, 'none')]);
    assert.deepEqual(files.map((file) => [file.relative, file.explicit]), [
      ['../other/f.md', false],
      ['../other/g/h.md', false],
      ['a.md', false],
      ['deep/er/b.markdown', true],
      ['ünï 😀/c.MD', false],
    ]);
    for (const file of files) assert.equal(file.relative, toRelative(root, file.absolute));
  });
});
