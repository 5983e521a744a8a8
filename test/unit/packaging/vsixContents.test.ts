import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

const root = path.resolve(__dirname, '../../..');
// A CommonJS script of the repository (scripts/packageVsix.js), loaded as `npm run package` runs it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packageVsix } = require(path.join(root, 'scripts', 'packageVsix.js')) as {
  packageVsix(outFile: string): { file: string; bytes: number; entries: { name: string; size: number }[] };
};

/** What may be in the .vsix: vsce's own files, then the extension's (under extension/). */
const allowed: RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(extension|indexWorker)\.js$/,
  /^extension\/media\/[a-z-]+\.(css|png|svg)$/,
  /^extension\/media\/walkthrough\/[a-z-]+\.md$/,
  /^extension\/media\/webview\/[a-z]+\.js$/,
  /^extension\/syntaxes\/[a-z-.]+\.tmLanguage\.json$/,
  /^extension\/presets\/[a-z-]+\.yaml$/,
  /^extension\/presets\/README\.md$/,
  /^extension\/examples\/coproduction-study\/([a-z-]+\.(md|yaml)|README\.md)$/,
  /^extension\/docs\/[a-z-]+\.md$/,
];

/** Files the installed extension cannot work without. */
const required = [
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/indexWorker.js',
  'extension/media/preview.css',
  'extension/media/summary.css',
  'extension/media/webview/summary.js',
  'extension/media/pack.css',
  'extension/media/webview/pack.js',
  'extension/media/workshop.css',
  'extension/media/webview/workshop.js',
  'extension/media/icon.svg',
  'extension/media/logo.png',
  'extension/syntaxes/markdown-qda.injection.tmLanguage.json',
  'extension/presets/tensions.yaml',
  'extension/examples/coproduction-study/codebook.yaml',
];

describe('the .vsix that npm run package builds', function () {
  this.timeout(180000);
  let tmp: string;
  let built: ReturnType<typeof packageVsix>;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-vsix-test-'));
    built = packageVsix(path.join(tmp, 'markdown-qda.vsix'));
    console.log(`      .vsix: ${(built.bytes / 1024).toFixed(0)} KiB, ${built.entries.length} files`);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds only the bundles, manifest, media, grammar, presets, example study, docs and licence', () => {
    const unexpected = built.entries.map((entry) => entry.name).filter((name) => !allowed.some((pattern) => pattern.test(name)));
    assert.deepEqual(unexpected, []);
  });

  it('holds every file the installed extension needs', () => {
    const names = new Set(built.entries.map((entry) => entry.name));
    assert.deepEqual(required.filter((name) => !names.has(name)), []);
  });

  it('has no source maps, sources, tests or node_modules and stays small', () => {
    const names = built.entries.map((entry) => entry.name);
    assert.deepEqual(names.filter((name) => /\.map$|\/(src|test|node_modules)\//.test(name)), []);
    assert.ok(built.bytes < 1024 * 1024, `${built.bytes} bytes`);
  });

  it('carries a manifest VS Code can load: the main bundle, the preview contributions, the CLI files list left out', () => {
    const entries = unzipSync(fs.readFileSync(built.file));
    const manifest = JSON.parse(strFromU8(entries['extension/package.json']));
    const source = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(manifest.version, source.version);
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.contributes['markdown.markdownItPlugins'], true);
    assert.equal(manifest.files, undefined);
    // Production bundles: minified, with no link to a source map.
    assert.ok(!strFromU8(entries['extension/dist/extension.js']).includes('sourceMappingURL'));
  });
});
