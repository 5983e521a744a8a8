#!/usr/bin/env node
// Regenerates the README screenshots in media/screenshots/ from the installed-.vsix end-to-end
// test (test/integration/e2e-installed.js): the coded transcript with the sidebar and a hover, the
// Summary panel's heatmap and the Markdown preview. Needs the VS Code test tools
// (scripts/install-test-tools.sh). Exits with the test's exit code; on a failure the committed
// screenshots are left as they were.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'media', 'screenshots');
const names = ['coded-transcript.png', 'summary-heatmap.png', 'preview.png'];

const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-screenshots-'));
const run = spawnSync(process.execPath, [path.join(root, 'test', 'integration', 'e2e-installed.js')], {
  stdio: 'inherit',
  env: { ...process.env, MDQDA_SCREENSHOTS_DIR: fresh },
});
const missing = names.filter((name) => !fs.existsSync(path.join(fresh, name)));
if (run.status === 0 && missing.length === 0) {
  fs.mkdirSync(target, { recursive: true });
  for (const name of names) {
    fs.copyFileSync(path.join(fresh, name), path.join(target, name));
    console.log(`${path.relative(root, path.join(target, name))}: ${(fs.statSync(path.join(target, name)).size / 1024).toFixed(0)} KiB`);
  }
} else {
  console.error(`screenshots not updated${missing.length ? ` (missing ${missing.join(', ')})` : ''}`);
}
fs.rmSync(fresh, { recursive: true, force: true });
process.exit(run.status === 0 && missing.length === 0 ? 0 : 1);
