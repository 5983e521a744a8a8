#!/usr/bin/env node
// Builds the release files of the version in package.json into out/release/:
//   markdown-qda-<version>.vsix   the VS Code extension (scripts/packageVsix.js)
//   markdown-qda-<version>.tgz    the npm package of the mdqda command line (npm pack)
//   SHA256SUMS                    their checksums, in the format `sha256sum -c SHA256SUMS` reads
// Refuses (exit 2) when CHANGELOG.md has no section for the version. Steps: docs/release.md.
'use strict';

const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { packageVsix } = require('./packageVsix');

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const version = manifest.version;
const outDir = path.join(root, 'out', 'release');

const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
if (!changelog.includes(`\n## [${version}]`)) {
  console.error(`CHANGELOG.md has no section '## [${version}]': move the Unreleased entries under it first (docs/release.md)`);
  process.exit(2);
}

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const vsix = packageVsix(path.join(outDir, `${manifest.name}-${version}.vsix`));
console.log(`${path.basename(vsix.file)}: ${(vsix.bytes / 1024).toFixed(0)} KiB, ${vsix.entries.length} files`);
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
console.log(`${packed.filename}: ${(packed.size / 1024).toFixed(0)} KiB, ${packed.files.length} files`);

const sums = [path.basename(vsix.file), packed.filename].map((name) => {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(outDir, name))).digest('hex');
  return `${hash}  ${name}\n`;
});
fs.writeFileSync(path.join(outDir, 'SHA256SUMS'), sums.join(''));
process.stdout.write(sums.join(''));
console.log(`release files of ${version} in ${path.relative(process.cwd(), outDir) || '.'}`);
