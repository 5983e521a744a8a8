#!/usr/bin/env node
// Builds the VS Code extension package, markdown-qda-<version>.vsix, offline:
//   1. copies the repository (without .git, node_modules and build outputs) to a temp folder and
//      links node_modules into it;
//   2. builds production bundles there (node esbuild.js --production: minified, no source maps),
//      so the bundles of the working copy are left as they are;
//   3. removes package.json "files" from the copy (vsce refuses a manifest with both "files" and a
//      .vscodeignore; "files" is for the npm package of the CLI) and runs
//      `vsce package --no-dependencies`: the bundles are self-contained, .vscodeignore picks the rest;
//   4. lists the .vsix (a zip) and prints its size and file count.
// Usage: node scripts/packageVsix.js [--out FILE]   (default: markdown-qda-<version>.vsix at the root)
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { unzipSync } = require('fflate');

const root = path.resolve(__dirname, '..');
/** Top-level entries never copied to the staging folder. */
const notStaged = new Set(['.git', 'node_modules', 'dist', 'out', '.tools', '.mdqda-cache', 'bench-corpus', 'tmp']);

/** The default .vsix path: markdown-qda-<version>.vsix at the repository root. */
function defaultVsixPath() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return path.join(root, `${manifest.name}-${manifest.version}.vsix`);
}

/** A staging copy of the repository with node_modules linked in; returns its path. */
function stage(tmp) {
  const folder = path.join(tmp, 'extension');
  fs.mkdirSync(folder);
  for (const entry of fs.readdirSync(root)) {
    if (notStaged.has(entry) || entry.endsWith('.vsix') || entry.endsWith('.tgz')) continue;
    fs.cpSync(path.join(root, entry), path.join(folder, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  const manifestFile = path.join(folder, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  delete manifest.files;
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return folder;
}

/**
 * The files of a .vsix, in archive order, with their uncompressed sizes. Throws when the file is
 * not a zip archive.
 */
function listVsix(file) {
  const entries = unzipSync(fs.readFileSync(file));
  return Object.entries(entries)
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, data]) => ({ name, size: data.length }));
}

/**
 * Builds the .vsix at `outFile` (default: markdown-qda-<version>.vsix at the root) and resolves
 * to { file, bytes, entries }. Throws, with vsce's or esbuild's output, when a step fails.
 */
function packageVsix(outFile = defaultVsixPath()) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-vsix-'));
  try {
    const folder = stage(tmp);
    const run = (args) => execFileSync(process.execPath, args, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    run(['esbuild.js', '--production']);
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    run([vsce, 'package', '--no-dependencies', '--out', path.resolve(outFile)]);
    return { file: path.resolve(outFile), bytes: fs.statSync(outFile).size, entries: listVsix(outFile) };
  } catch (error) {
    const output = [error.stdout, error.stderr].filter(Boolean).join('\n').trim();
    throw new Error(`packaging the extension failed: ${output || error.message}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { packageVsix, listVsix, defaultVsixPath };

if (require.main === module) {
  const outIndex = process.argv.indexOf('--out');
  const outFile = outIndex > 0 ? process.argv[outIndex + 1] : defaultVsixPath();
  try {
    const { file, bytes, entries } = packageVsix(outFile);
    console.log(`${path.relative(process.cwd(), file)}: ${(bytes / 1024).toFixed(0)} KiB, ${entries.length} files`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
