#!/usr/bin/env node
// End-to-end test in a real browser: what a user sees and clicks. Opens the web workbench of the
// real VS Code (see workbench.js) on a copy of the fixture workspace with this repository as the
// extension under development, then, as a user would: opens the Markdown QDA activity-bar view,
// reads the tree rows, expands a code and a source, clicks an excerpt and checks the editor's
// selection in the status bar. Saves out/e2e/excerpt-selected.png. Prints one line per check and
// "N passed, N failed" last; exits 1 when a check failed.
// Environment: MDQDA_KEEP_TMP=1 keeps the temp folder; MDQDA_CHROMIUM is the browser path.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const workbench = require('./workbench');
const { createChecks } = require('./checks');

const fixture = path.join(__dirname, 'workspace');
const extensionBundle = path.join(workbench.root, 'dist', 'extension.js');
const screenshotFile = path.join(workbench.root, 'out', 'e2e', 'excerpt-selected.png');
const stepTimeoutMs = 60000;

/** The excerpt the test clicks, as written in the fixture, and where it is. */
function expectedExcerpt() {
  const text = fs.readFileSync(path.join(fixture, 'interviews', 'lead-01.md'), 'utf8');
  const directive = ':code[academics often see themselves as the experts]{.T2 .M3 by=pg}';
  const offset = text.indexOf(directive);
  if (offset < 0) throw new Error('the fixture lost the excerpt the e2e test clicks');
  return { label: 'academics often see themselves as the experts', line: text.slice(0, offset).split('\n').length, length: directive.length };
}

/** Number of code directives in the fixture's transcripts (text and container openings). */
function fixtureExcerptCount() {
  const folder = path.join(fixture, 'interviews');
  return fs.readdirSync(folder)
    .map((name) => fs.readFileSync(path.join(folder, name), 'utf8'))
    .reduce((total, text) => total + (text.match(/:code\[|^:::+code\{/gm) || []).length, 0);
}

async function main() {
  const started = Date.now();
  const state = {};
  const cleanup = workbench.cleanupOnExit(state);
  const checks = createChecks();
  const check = checks.run;
  try {
    workbench.requireTools([extensionBundle]);
    state.dirs = workbench.makeSandbox(fixture);
    ({ process: state.server, port: state.port } = await workbench.startServer(state.dirs));
    state.context = await workbench.launchBrowser(state.dirs);
    const page = state.context.pages()[0] || (await state.context.newPage());
    page.setDefaultTimeout(stepTimeoutMs);
    const excerpt = expectedExcerpt();
    // Rows of the Coded Excerpts view only (the container also holds the Codebook view).
    const excerptsPane = page.locator('[id="workbench.parts.sidebar"] .pane', { has: page.locator('.pane-header', { hasText: 'Coded Excerpts' }) });
    const sidebarRows = excerptsPane.locator('.monaco-list-row');
    const row = (text) => sidebarRows.filter({ hasText: text }).first();
    console.log('end-to-end (browser)');

    await check('the workbench opens the workspace', async () => {
      await page.goto(workbench.workbenchUrl(state.port, state.dirs.workspace));
      await page.locator('.monaco-workbench').waitFor();
    });
    await check('the status bar shows the excerpt count of the workspace', async () => {
      const count = fixtureExcerptCount();
      await page.locator('.statusbar-item', { hasText: `${count} excerpts` }).first().waitFor();
    });
    await check('the activity bar has the Markdown QDA container and it opens the tree', async () => {
      await page.locator('.activitybar [aria-label^="Markdown QDA"]').first().click();
      await row('T2 Whose knowledge counts').waitFor();
    });
    await check('the tree rows are the codebook codes with their counts', async () => {
      // Each row is its label then its description (the count).
      const rows = await sidebarRows.evaluateAll((elements) => elements.map((element) => [
        element.querySelector('.label-name')?.textContent?.trim(),
        element.querySelector('.label-description')?.textContent?.trim(),
      ].join(' | ')));
      const expected = ['T1 Meaning of co-production | 1', 'T2 Whose knowledge counts | 2', 'M3 Shared decision making | 1', 'M9 Unused mechanism | 0'];
      if (JSON.stringify(rows) !== JSON.stringify(expected)) throw new Error(`rows ${JSON.stringify(rows)}`);
    });
    await check('clicking a code, then a source, shows its excerpts', async () => {
      await row('T2 Whose knowledge counts').click();
      await row('lead-01').click();
      await row(excerpt.label).waitFor();
    });
    await check('clicking an excerpt opens its transcript with exactly the excerpt selected', async () => {
      await row(excerpt.label).click();
      await page.locator('.tabs-container .tab', { hasText: 'lead-01.md' }).first().waitFor();
      const selection = page.locator('.statusbar-item', { hasText: `(${excerpt.length} selected)` }).first();
      await selection.waitFor();
      const text = await selection.innerText();
      if (!text.includes(`Ln ${excerpt.line},`)) throw new Error(`status bar says '${text}', expected line ${excerpt.line}`);
    });
    fs.mkdirSync(path.dirname(screenshotFile), { recursive: true });
    await page.screenshot({ path: screenshotFile });
    console.log(`screenshot: ${path.relative(workbench.root, screenshotFile)} (${Date.now() - started} ms in all)`);
  } catch (error) {
    checks.fail(error, 'e2e');
  }
  await checks.finish(state.dirs, cleanup);
}

main();
