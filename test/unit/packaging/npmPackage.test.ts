import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, repoRoot } from '../cli/runCli';

/** What may be in the npm package of the CLI (paths inside the tarball, without `package/`). */
const allowed: RegExp[] = [
  /^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/,
  /^dist\/(cli|indexWorker)\.js$/,
  /^presets\/([a-z-]+\.yaml|README\.md)$/,
  /^examples\/coproduction-study\/([a-z-]+\.(md|yaml)|README\.md)$/,
  /^docs\/[a-z-]+\.md$/,
];

/** An address where no registry answers: a command that needs the registry fails at once. */
const noRegistry = 'http://127.0.0.1:9/';

/** Runs npm with its output captured; the environment keeps npm away from any registry and cache of the user. */
function npm(args: string[], cwd: string, cache: string): string {
  return execFileSync('npm', [...args, '--registry', noRegistry, '--cache', cache, '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('the npm package of the mdqda command line', function () {
  this.timeout(180000);
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  let tmp: string;
  let cache: string;
  let tarball: string;
  let files: string[];

  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-npm-test-'));
    cache = path.join(tmp, 'npm-cache');
    // --ignore-scripts: pack the bundles the test run built (npm pack would otherwise build them again).
    const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], repoRoot, cache)) as { filename: string; size: number; files: { path: string }[] }[];
    tarball = path.join(tmp, packed.filename);
    files = packed.files.map((file) => file.path);
    console.log(`      ${packed.filename}: ${(packed.size / 1024).toFixed(0)} KiB, ${files.length} files`);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is a public package with a command, its files, engines, repository, keywords and licence, and nothing to install beside it', () => {
    assert.equal(manifest.private, undefined);
    assert.deepEqual(manifest.bin, { mdqda: './dist/cli.js' });
    assert.ok(Array.isArray(manifest.files) && manifest.files.length > 0);
    assert.match(manifest.engines.node, /^>=\d/);
    assert.ok(manifest.repository?.url && manifest.bugs?.url);
    assert.ok(manifest.keywords.length >= 5);
    assert.equal(manifest.license, 'MIT');
    assert.ok(fs.existsSync(path.join(repoRoot, 'LICENSE')));
    // The bundles are self-contained: a runtime dependency would be fetched from the registry on install.
    assert.equal(manifest.dependencies, undefined);
  });

  it('holds only the CLI bundles, the presets, the example study, the docs, the licence, the README and the changelog', () => {
    assert.deepEqual(files.filter((file) => !allowed.some((pattern) => pattern.test(file))), []);
    for (const needed of ['dist/cli.js', 'dist/indexWorker.js', 'presets/tensions.yaml', 'LICENSE', 'README.md', 'CHANGELOG.md']) {
      assert.ok(files.includes(needed), `${needed} is in the package`);
    }
  });

  it('installs from the tarball into an empty prefix with no registry, and runs --version, init --preset tensions and lint there', () => {
    const clean = path.join(tmp, 'clean');
    const prefix = path.join(tmp, 'prefix');
    const study = path.join(tmp, 'study');
    for (const folder of [clean, prefix, study]) fs.mkdirSync(folder);
    npm(['install', '--global', '--prefix', prefix, '--offline', tarball], clean, cache);
    const mdqda = path.join(prefix, 'bin', 'mdqda');
    const run = (args: string[]) => spawnSync(mdqda, args, { cwd: study, encoding: 'utf8', env: { ...process.env, MDQDA_CACHE_DIR: path.join(tmp, 'mdqda-cache') } });

    const version = run(['--version']);
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout, `${manifest.version}\n`);

    const init = run(['init', '--preset', 'tensions']);
    assert.equal(init.status, 0, init.stderr);
    assert.match(fs.readFileSync(path.join(study, 'codebook.yaml'), 'utf8'), /^extends: tensions$/m);

    fs.writeFileSync(path.join(study, 'lead.md'), '**P1:** :code[We were told to co-produce]{.T1 by=ab} by the funder.\n');
    const lint = run(['lint']);
    assert.equal(lint.status, 0, lint.stdout + lint.stderr);
    assert.match(lint.stdout + lint.stderr, /1 transcripts?, 1 excerpts?: 0 errors/);
  });
});
