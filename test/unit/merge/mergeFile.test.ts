import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, runCli } from '../cli/runCli';

const base = 'P1: We met the residents in the hall.\n\nP2: The rent went up twice that year.\n';

describe('mdqda merge-file (the built CLI)', function () {
  this.timeout(30_000);
  let folder: string;
  const write = (name: string, text: string) => fs.writeFileSync(path.join(folder, name), text);
  const read = (name: string) => fs.readFileSync(path.join(folder, name), 'utf8');
  const mergeFile = () => runCli(['merge-file', 'base.md', 'ours.md', 'theirs.md'], { cwd: folder });

  before(() => ensureBuilt());
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-merge-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('exits 1 and writes markers around only the excerpt both sides recoded, keeping the clean merges', () => {
    const coded = base.replace('the residents', ':code[the residents]{.T1 by=rk}');
    write('base.md', coded);
    write('ours.md', coded.replace('.T1 by=rk', '.M3 by=rk'));
    write('theirs.md', coded.replace('.T1 by=rk', '.F2 by=rk').replace('The rent', ':code[The rent]{.T1 by=pg}'));
    const result = mergeFile();
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /both sides changed the excerpt by rk at 11–24 “the residents”/);
    assert.equal(
      read('ours.md'),
      '<<<<<<< ours\nP1: We met :code[the residents]{.M3 by=rk} in the hall.\n=======\nP1: We met :code[the residents]{.F2 by=rk} in the hall.\n>>>>>>> theirs\n\nP2: :code[The rent]{.T1 by=pg} went up twice that year.\n',
    );
  });

  it('falls back to git merge-file when the plain texts differ: clean edits merge, exit 0', () => {
    write('base.md', base);
    write('ours.md', base.replace('hall', 'town hall'));
    write('theirs.md', base.replace('twice', 'three times'));
    const result = mergeFile();
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /merged as text by git merge-file \(the plain texts differ\)/);
    assert.equal(read('ours.md'), base.replace('hall', 'town hall').replace('twice', 'three times'));
  });

  it('falls back to git merge-file and exits 1 when the text edits conflict', () => {
    write('base.md', base);
    write('ours.md', base.replace('hall', 'town hall'));
    write('theirs.md', base.replace('hall', 'church hall'));
    const result = mergeFile();
    assert.equal(result.code, 1);
    assert.match(read('ours.md'), /^<<<<<<< ours\n[\s\S]*town hall[\s\S]*=======\n[\s\S]*church hall[\s\S]*>>>>>>> theirs\n/m);
  });

  it('refuses, with exit 2 and nothing written, when a file is missing', () => {
    write('base.md', base);
    write('ours.md', base);
    const result = mergeFile();
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cannot read theirs\.md/);
    assert.equal(read('ours.md'), base);
  });
});
