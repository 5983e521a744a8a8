import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { listPresets, readPreset } from '../../../src/node/presets';
import { presetNames } from './presetCodes';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `mdqda ARGS` in `cwd`, capturing output. */
async function mdqda(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** Compiles the codebook written at `file` against the bundled presets. */
function compileWritten(file: string) {
  return compileCodebook([{ text: fs.readFileSync(file, 'utf8'), path: 'codebook.yaml' }], {
    resolvePreset: (name) => readPreset(name),
    presetNames: listPresets(),
  });
}

describe('mdqda init', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-init-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const name of presetNames) {
    it(`writes a codebook extending ${name} that loads with every code of the preset`, async () => {
      const run = await mdqda(dir, 'init', '--preset', name);
      assert.equal(run.code, 0, run.stderr);
      const file = path.join(dir, 'codebook.yaml');
      assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`^extends: ${name}$`, 'm'));
      const result = compileWritten(file);
      assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
      const direct = compileCodebook([{ text: `extends: ${name}\n`, path: 'x.yaml' }], {
        resolvePreset: (preset) => readPreset(preset),
      });
      assert.deepEqual([...result.codebook.codes.keys()], [...direct.codebook.codes.keys()]);
      assert.match(run.stdout, new RegExp(`${direct.codebook.codes.size} codes`));
    });
  }

  for (const name of presetNames) {
    it(`writes the ${name} codebook so that mdqda lint accepts it, with every preset code known`, async () => {
      assert.equal((await mdqda(dir, 'init', '--preset', name)).code, 0);
      const ids = [...compileWritten(path.join(dir, 'codebook.yaml')).codebook.codes.keys()];
      const coded = ids.map((id, index) => `**P1:** :code[passage ${index}]{.${id} by=pg}`).join('\n\n');
      fs.writeFileSync(path.join(dir, 'interview.md'), `---\nid: i1\ntype: interview\n---\n\n${coded}\n`);
      const lint = await mdqda(dir, 'lint', '.');
      assert.equal(lint.code, 0, lint.stdout + lint.stderr);
      assert.doesNotMatch(lint.stdout + lint.stderr, /: (warning|error): /);
      assert.match(lint.stdout + lint.stderr, /0 errors, 0 warnings/);
    });
  }

  it('extends several presets when --preset is repeated', async () => {
    const run = await mdqda(dir, 'init', '--preset', 'tensions', '--preset', 'mechanisms', '-o', 'book.yaml');
    assert.equal(run.code, 0, run.stderr);
    const result = compileWritten(path.join(dir, 'book.yaml'));
    assert.ok(result.codebook.codes.has('T2a') && result.codebook.codes.has('M9'));
  });

  it('writes a stand-alone copy with --copy that loads without any preset', async () => {
    const run = await mdqda(dir, 'init', '--preset', 'mechanisms', '--copy');
    assert.equal(run.code, 0, run.stderr);
    const text = fs.readFileSync(path.join(dir, 'codebook.yaml'), 'utf8');
    assert.doesNotMatch(text, /^extends:/m);
    const result = compileCodebook([{ text, path: 'codebook.yaml' }]);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.codebook.codes.size, 9);
  });

  it('writes codebook.yaml into the folder given as argument', async () => {
    fs.mkdirSync(path.join(dir, 'study'));
    const run = await mdqda(dir, 'init', '--preset', 'impact', 'study');
    assert.equal(run.code, 0, run.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'study', 'codebook.yaml')));
  });

  it('refuses to overwrite an existing codebook without --force and keeps its content', async () => {
    const file = path.join(dir, 'codebook.yaml');
    fs.writeFileSync(file, 'codes: []\n# mine\n');
    const run = await mdqda(dir, 'init', '--preset', 'tensions');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /codebook\.yaml already exists.*--force/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'codes: []\n# mine\n');
  });

  it('overwrites an existing codebook with --force', async () => {
    const file = path.join(dir, 'codebook.yaml');
    fs.writeFileSync(file, 'codes: []\n');
    const run = await mdqda(dir, 'init', '--preset', 'tensions', '--force');
    assert.equal(run.code, 0, run.stderr);
    assert.match(fs.readFileSync(file, 'utf8'), /^extends: tensions$/m);
  });

  it('exits 2 on an unknown preset, listing the presets, and writes nothing', async () => {
    const run = await mdqda(dir, 'init', '--preset', 'tension');
    assert.equal(run.code, 2);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    for (const name of presetNames) assert.match(run.stderr, new RegExp(name));
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('exits 2 when no preset is named', async () => {
    const run = await mdqda(dir, 'init');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--preset NAME is required \(presets: .*tensions/);
  });

  it('exits 2 when --copy is given more than one preset', async () => {
    const run = await mdqda(dir, 'init', '--preset', 'tensions', '--preset', 'impact', '--copy');
    assert.equal(run.code, 2);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
