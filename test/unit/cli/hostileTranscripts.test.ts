import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, runCli } from './runCli';

/** Front matter with `count` aliases of one anchor, then a coded body. */
function manyAliases(count: number): string {
  const lines = ['---', 'id: aliased', 'base: &a x'];
  for (let index = 0; index < count; index++) lines.push(`k${index}: *a`);
  return [...lines, '---', '', 'Some :code[text]{.T1} here.', ''].join('\n');
}

describe('hostile transcripts among good ones (the built CLI)', () => {
  let folder: string;
  before(() => ensureBuilt());
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-hostile-'));
    fs.writeFileSync(path.join(folder, 'codebook.yaml'), 'codes:\n  - id: T1\n    name: One\n');
    fs.writeFileSync(path.join(folder, 'good.md'), 'Good :code[one]{.T1}.\n');
    fs.writeFileSync(path.join(folder, 'other.md'), 'Other :code[two]{.T1}.\n');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reports front matter with 120 YAML aliases as an error of that file and reads the other files', () => {
    fs.writeFileSync(path.join(folder, 'aliases.md'), manyAliases(120));
    const lint = runCli(['lint', '--no-cache', folder]);
    assert.equal(lint.code, 1, lint.stdout + lint.stderr);
    assert.doesNotMatch(lint.stderr, /internal error|    at /);
    assert.match(lint.stdout, /^aliases\.md:4:5: error: front matter: .*alias.* \[front-matter-yaml\]$/m);
    const excerpts = runCli(['excerpts', '--no-cache', folder, '--format', 'json']);
    assert.equal(excerpts.code, 0, excerpts.stderr);
    const paths = JSON.parse(excerpts.stdout).map((excerpt: { path: string }) => excerpt.path).sort();
    assert.deepEqual(paths, ['aliases.md', 'good.md', 'other.md']);
  });

  it('refuses a transcript with 4,000 nested containers at the first line beyond the limit, reads the others, and a rename of a code it mentions stops, nothing written', () => {
    const deep = ':::code{.T1}\n'.repeat(4000) + 'hello\n' + ':::\n'.repeat(4000);
    fs.writeFileSync(path.join(folder, 'deep.md'), deep);
    const lint = runCli(['lint', '--no-cache', folder]);
    assert.equal(lint.code, 1, lint.stdout + lint.stderr);
    assert.match(lint.stdout, /^deep\.md:65:1: error: nesting deeper than 64 levels.* \[nesting-too-deep\]$/m);
    const excerpts = JSON.parse(runCli(['excerpts', '--no-cache', folder, '--format', 'json']).stdout);
    assert.deepEqual(excerpts.map((excerpt: { path: string }) => excerpt.path).sort(), ['good.md', 'other.md']);
    const rename = runCli(['rename', 'T1', 'T2', folder]);
    assert.equal(rename.code, 2, rename.stdout + rename.stderr);
    assert.match(rename.stderr, /deep\.md \(nesting deeper than 64 levels/);
    assert.equal(fs.readFileSync(path.join(folder, 'deep.md'), 'utf8'), deep);
    assert.equal(fs.readFileSync(path.join(folder, 'good.md'), 'utf8'), 'Good :code[one]{.T1}.\n');
  });
});
