import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliInProcess } from './runCliInProcess';
import { commands } from '../../../src/cli/commands/index';

const cli = runCliInProcess;

/** Arguments that would make each command run (and write) were the codebook there. */
const runnable: Record<string, string[]> = {
  init: ['--preset', 'tensions', '-o', 'written.yaml'],
  lint: ['int.md'],
  plain: ['int.md'],
  excerpts: ['int.md'],
  search: ['money', 'int.md'],
  autocode: ['--search', 'money', '--codes', 'T2', 'int.md'],
  summary: ['int.md'],
  agreement: ['int.md'],
  code: ['int.md', '--plain', '0-2', '--codes', 'T2'],
  uncode: ['int.md', '--line', '1'],
  memo: ['int.md', '--line', '1', '--set', 'a memo'],
  rename: ['T1', 'T9', 'int.md'],
  merge: ['T1', '--into', 'T9', 'int.md'],
  split: ['T1', 'T9', '--at', 'int.md:1', 'int.md'],
  export: ['int.md', '--to', 'csv', '-o', 'written.csv'],
  import: ['project.qdpx'],
  pseudonymise: ['--map', 'names.yaml', 'int.md'],
  pack: ['int.md', '-o', 'written'],
  workshop: ['workshop.yaml'],
  'merge-file': ['int.md', 'int.md', 'int.md'],
  git: ['setup'],
  diff: ['HEAD', 'int.md'],
};

describe('--codebook FILE', () => {
  let folder: string;
  const transcript = '**P1:** We :code[receive the money]{.T1 by=ann} :code[late]{.T1 by=bo}.\n';
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-codebook-'));
    fs.writeFileSync(path.join(folder, 'int.md'), transcript);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('lists a runnable command line for every command', () => {
    assert.deepEqual(Object.keys(runnable).sort(), commands.map((command) => command.name).sort());
  });

  for (const [name, args] of Object.entries(runnable)) {
    it(`\`${name}\` exits 2 with one line and writes nothing when the codebook file does not exist`, async () => {
      const result = await cli([name, ...args, '--codebook', 'missing.yaml', '--no-cache'], folder);
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, `mdqda ${name}: Cannot read codebook missing.yaml: ENOENT\n`);
      assert.deepEqual(fs.readdirSync(folder), ['int.md']);
      assert.equal(fs.readFileSync(path.join(folder, 'int.md'), 'utf8'), transcript);
    });
  }

  it('names a folder given as the codebook', async () => {
    fs.mkdirSync(path.join(folder, 'books'));
    const result = await cli(['summary', 'int.md', '--codebook', 'books', '--no-cache'], folder);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'mdqda summary: Cannot read codebook books: not a regular file (a folder)\n');
  });
});

describe('--rollup', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-rollup-'));
    fs.writeFileSync(path.join(folder, 'int.md'), '**P1:** We :code[receive the money]{.T1a by=ann} :code[late]{.T1a by=bo}.\n');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const warning = /^mdqda \w+: warning: --rollup: (there is no codebook \(give --codebook FILE\)|no code used here has a parent in the codebook); nothing rolls up$/m;

  for (const command of ['summary', 'agreement']) {
    it(`\`${command} --rollup\` warns on stderr that nothing rolls up when there is no codebook`, async () => {
      const result = await cli([command, 'int.md', '--rollup', '--no-cache'], folder);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, warning);
    });

    it(`\`${command} --rollup\` warns when the codebook has no hierarchy for the codes used`, async () => {
      fs.writeFileSync(path.join(folder, 'codebook.yaml'), 'codes:\n  - id: T1\n    name: One\n  - id: T1a\n    name: One a\n  - id: T2\n    name: Two\n    parent: T1\n');
      const result = await cli([command, 'int.md', '--rollup', '--codebook', 'codebook.yaml', '--no-cache'], folder);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, warning);
    });

    it(`\`${command} --rollup\` does not warn when a code used has a parent`, async () => {
      fs.writeFileSync(path.join(folder, 'codebook.yaml'), 'codes:\n  - id: T1\n    name: One\n  - id: T1a\n    name: One a\n    parent: T1\n');
      const result = await cli([command, 'int.md', '--rollup', '--codebook', 'codebook.yaml', '--no-cache'], folder);
      assert.equal(result.code, 0, result.stderr);
      assert.doesNotMatch(result.stderr, warning);
    });
  }
});
