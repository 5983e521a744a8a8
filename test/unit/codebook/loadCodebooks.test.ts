import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codebookAsOf } from '../../../src/core/codebook/codebookAsOf';
import { loadCodebooks } from '../../../src/node/loadCodebooks';
import { findPackageRoot, listPresets, readPreset } from '../../../src/node/presets';
import { lines, placed } from './helpers';

const repoRoot = path.resolve(__dirname, '../../..');

/** A fresh folder with the given files; removed after the test. */
function folderWith(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-codebook-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

describe('presets on disk', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const folder of made.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('finds the package root from the source folder and from the bundle folder', () => {
    assert.equal(findPackageRoot(path.join(repoRoot, 'src', 'node')), repoRoot);
    assert.equal(findPackageRoot(path.join(repoRoot, 'dist')), repoRoot);
    assert.equal(findPackageRoot(), repoRoot);
  });

  it('does not take a folder for the package root when its package.json has another name', () => {
    const folder = folderWith({ 'package.json': '{"name":"other"}', 'presets/x.yaml': 'codes: []\n', 'deep/er/.keep': '' });
    made.push(folder);
    const found = findPackageRoot(path.join(folder, 'deep', 'er'));
    assert.notEqual(found, folder);
  });

  it('lists and reads presets of a package, and refuses names that are paths', () => {
    const folder = folderWith({
      'package.json': '{"name":"markdown-qda"}',
      'presets/beta.yaml': 'codes: []\n',
      'presets/alpha.yaml': lines('codes:', '  - { id: A, name: A }'),
      'presets/notes.txt': 'not a preset',
      'secret.yaml': 'codes: []\n',
    });
    made.push(folder);
    assert.equal(findPackageRoot(path.join(folder, 'presets')), folder);
    assert.deepEqual(listPresets(folder), ['alpha', 'beta']);
    assert.equal(readPreset('alpha', folder)!.path, path.join(folder, 'presets', 'alpha.yaml'));
    assert.match(readPreset('alpha', folder)!.text, /id: A/);
    assert.equal(readPreset('missing', folder), undefined);
    assert.equal(readPreset('../secret', folder), undefined);
  });

  it('reads every bundled preset into a codebook without errors, each code marked with its preset', async () => {
    const names = listPresets();
    assert.ok(names.includes('tensions'), `bundled presets: ${names.join(', ')}`);
    for (const name of names) {
      const folder = folderWith({ 'codebook.yaml': lines(`extends: ${name}`) });
      made.push(folder);
      const { codebook, diagnostics } = await loadCodebooks([], folder);
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message}`),
        [],
        name,
      );
      assert.ok(codebook.codes.size > 0, name);
      assert.ok([...codebook.codes.values()].every((code) => code.preset === name), name);
      assert.equal(codebook.citations.length, 1, `${name} cites its paper`);
    }
  });

  it('shows the six candidate tensions of step 2 from the bundled tensions preset', async () => {
    const folder = folderWith({ 'codebook.yaml': lines('extends: tensions') });
    made.push(folder);
    const { codebook } = await loadCodebooks([], folder);
    const step2 = codebookAsOf(codebook, 'step2')!;
    assert.equal(step2.roots.length, 6);
    assert.deepEqual(codebook.roots.length, 4);
  });
});

describe('loadCodebooks', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const folder of made.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('gives an empty codebook without diagnostics when the workspace has none', async () => {
    const folder = folderWith({});
    made.push(folder);
    const { codebook, diagnostics } = await loadCodebooks([], folder);
    assert.equal(codebook.codes.size, 0);
    assert.deepEqual(diagnostics, []);
  });

  it('reads codebook.yaml at the root by default, and extended files relative to it', async () => {
    const folder = folderWith({
      'codebook.yaml': lines('extends: shared/base.yaml', 'codes:', '  - { id: L1, name: Local, parent: B1 }'),
      'shared/base.yaml': lines('codes:', '  - { id: B1, name: Base, colour: red }'),
    });
    made.push(folder);
    const { codebook, diagnostics } = await loadCodebooks([], folder);
    assert.deepEqual([...codebook.codes.keys()], ['B1', 'L1']);
    assert.deepEqual(placed(diagnostics), ['shared/base.yaml:2:27 warning unknown-key']);
    assert.deepEqual(codebook.files, ['shared/base.yaml', 'codebook.yaml']);
  });

  it('merges configured codebooks in order, with root-relative paths in diagnostics', async () => {
    const folder = folderWith({
      'books/a.yaml': lines('codes:', '  - { id: A, name: A }'),
      'books/b.yaml': lines('codes:', '  - { id: A, name: Again }'),
    });
    made.push(folder);
    const { codebook, diagnostics } = await loadCodebooks(['books/a.yaml', path.join(folder, 'books', 'b.yaml')], folder);
    assert.equal(codebook.codes.get('A')!.name, 'A');
    assert.deepEqual(placed(diagnostics), ['books/b.yaml:2:11 error duplicate-id']);
  });

  it('reports a configured codebook that cannot be read, and still loads the others', async () => {
    const folder = folderWith({ 'a.yaml': lines('codes:', '  - { id: A, name: A }') });
    made.push(folder);
    const { codebook, diagnostics } = await loadCodebooks(['missing.yaml', 'a.yaml'], folder);
    assert.deepEqual(placed(diagnostics), ['missing.yaml:1:1 error codebook-not-found']);
    assert.ok(codebook.codes.has('A'));
  });

  it('resolves presets from the package root it is given', async () => {
    const pkg = folderWith({
      'package.json': '{"name":"markdown-qda"}',
      'presets/mine.yaml': lines('source: { authors: Me, year: 2026, title: Mine }', 'codes:', '  - { id: P1, name: Preset code }'),
    });
    const workspace = folderWith({ 'codebook.yaml': lines('extends: [mine, mien]') });
    made.push(pkg, workspace);
    const { codebook, diagnostics } = await loadCodebooks([], workspace, { packageRoot: pkg });
    assert.equal(codebook.codes.get('P1')!.preset, 'mine');
    assert.deepEqual(placed(diagnostics), ['codebook.yaml:1:17 error unknown-preset']);
    assert.match(diagnostics[0]!.message, /did you mean `mine`/);
  });
});
