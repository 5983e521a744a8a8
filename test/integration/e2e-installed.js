#!/usr/bin/env node
// End-to-end test of the extension as a user installs it: builds the .vsix (scripts/packageVsix.js,
// the same code as `npm run package`), installs it with code-server's --install-extension into a
// fresh extensions folder, opens the web workbench of the real VS Code on a copy of the fixture
// workspace with no extension under development, and walks the user's path with keyboard and
// mouse: the Markdown QDA view, coding a selection from the keyboard, the tree updating, a hover,
// the Summary panel and the Markdown preview. Prints one line per check and "N passed, N failed"
// last; exits 1 when a check failed.
// Screenshots (out/e2e-installed/): coded-transcript.png (sidebar and hover), summary-heatmap.png,
// preview.png. MDQDA_SCREENSHOTS_DIR=DIR saves them there too (scripts/screenshots.js uses it).
// Environment: MDQDA_KEEP_TMP=1 keeps the temp folder; MDQDA_CHROMIUM is the browser path.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const workbench = require('./workbench');
const { createChecks } = require('./checks');
const ui = require('./ui');
const { frameWith, runCommand, quickOpen } = ui;
const { packageVsix } = require('../../scripts/packageVsix');

const fixture = path.join(__dirname, 'workspace');
const outDir = path.join(workbench.root, 'out', 'e2e-installed');
const manifest = JSON.parse(fs.readFileSync(path.join(workbench.root, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const { stepTimeoutMs } = ui;
/** The passage the test codes from the keyboard: the end of the last line of lead-02.md. */
const passage = { file: 'lead-02.md', line: 10, text: 'we fit around them', words: 4, code: 'M9', coder: 'e2e' };

/** Saves a screenshot under out/e2e-installed/ (and MDQDA_SCREENSHOTS_DIR when set); returns its path. */
const screenshot = (page, name) => ui.screenshot(page, outDir, name);

async function main() {
  const started = Date.now();
  const state = {};
  const cleanup = workbench.cleanupOnExit(state);
  const checks = createChecks();
  const check = checks.run;
  try {
    workbench.requireTools();
    state.dirs = workbench.makeSandbox(fixture);
    console.log('end-to-end, installed from the .vsix (browser)');
    let vsix;
    await check('npm run package builds the .vsix', async () => {
      vsix = packageVsix(path.join(state.dirs.tmp, `${manifest.name}-${manifest.version}.vsix`));
      console.log(`    ${path.basename(vsix.file)}: ${(vsix.bytes / 1024).toFixed(0)} KiB, ${vsix.entries.length} files`);
    });
    await check('code-server --install-extension installs it into a fresh extensions folder', async () => {
      workbench.installExtension(state.dirs, vsix.file);
      const installed = path.join(state.dirs.extensions, `${extensionId}-${manifest.version}`, 'package.json');
      if (!fs.existsSync(installed)) throw new Error(`no ${path.relative(state.dirs.tmp, installed)}`);
      const bundle = path.join(path.dirname(installed), 'dist', 'extension.js');
      if (!fs.existsSync(bundle)) throw new Error('the installed extension has no dist/extension.js');
    });
    ({ process: state.server, port: state.port } = await workbench.startServer(state.dirs));
    state.context = await workbench.launchBrowser(state.dirs);
    const page = state.context.pages()[0] || (await state.context.newPage());
    state.page = page;
    page.setDefaultTimeout(stepTimeoutMs);
    const excerptsPane = page.locator('[id="workbench.parts.sidebar"] .pane', { has: page.locator('.pane-header', { hasText: 'Coded Excerpts' }) });
    const row = (text) => excerptsPane.locator('.monaco-list-row').filter({ hasText: text }).first();
    const statusItem = (text) => page.locator('.statusbar-item', { hasText: text }).first();

    await check('the workbench opens the workspace with no extension under development', async () => {
      await page.goto(workbench.workbenchUrl(state.port, state.dirs.workspace, null, { development: false }));
      await page.locator('.monaco-workbench').waitFor();
      const title = await page.title();
      if (title.includes('Extension Development Host')) throw new Error(`window title '${title}'`);
    });
    await check('the installed extension activates: the status bar counts the excerpts', async () => {
      await statusItem('4 excerpts').waitFor();
    });
    await check('the activity bar opens the Markdown QDA view with the codes and their counts', async () => {
      await page.locator('.activitybar [aria-label^="Markdown QDA"]').first().click();
      await row('T2 Whose knowledge counts').waitFor();
      const count = await row('M9 Unused mechanism').locator('.label-description').innerText();
      if (count.trim() !== '0') throw new Error(`M9 counts '${count}' before coding`);
    });
    await check('a passage is selected from the keyboard', async () => {
      await quickOpen(page, passage.file);
      // The last line is empty: from the end of the text, two steps left stand before the full stop
      // (logical positions, so a wrapped line does not matter).
      await page.keyboard.press('Control+End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      for (let word = 0; word < passage.words; word++) await page.keyboard.press('Control+Shift+ArrowLeft');
      await statusItem(`(${passage.text.length} selected)`).waitFor();
    });
    await check('Ctrl+Alt+C asks for the codes, then (first time) the coder, and codes the selection', async () => {
      await page.keyboard.press('Control+Alt+C');
      const input = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-widget', { hasText: 'code the selection' }).waitFor();
      await input.fill(passage.code);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Unused mechanism' }).first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Space');
      await page.locator('.quick-input-widget', { hasText: '1 Selected' }).waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'coder identity' }).waitFor();
      await input.fill(passage.coder);
      await page.keyboard.press('Enter');
      await statusItem(`${passage.coder} · 5 excerpts`).waitFor();
      await page.keyboard.press('Control+S');
      const markup = `:code[${passage.text}]{.${passage.code} by=${passage.coder}}.`;
      const file = path.join(state.dirs.workspace, 'interviews', passage.file);
      const savedLine = () => fs.readFileSync(file, 'utf8').split('\n')[passage.line - 1];
      const deadline = Date.now() + 10000;
      while (!savedLine().endsWith(` ${markup}`) && Date.now() < deadline) await workbench.sleep(200);
      if (!savedLine().endsWith(` ${markup}`)) throw new Error(`saved line ${passage.line} reads '${savedLine()}'`);
    });
    await check('the tree counts the new excerpt at once', async () => {
      await row('M9 Unused mechanism').locator('.label-description', { hasText: '1' }).waitFor();
      await row('M9 Unused mechanism').click();
      await row(passage.file.replace(/\.md$/, '')).click();
      await row(passage.text).waitFor();
    });
    await check('hovering a coded span shows its codes with their names', async () => {
      await quickOpen(page, 'lead-01.md');
      await page.locator('.editor-instance .view-line span', { hasText: 'academics often see' }).first().hover();
      await page.locator('.monaco-hover', { hasText: 'Whose knowledge counts' }).first().waitFor();
      await screenshot(page, 'coded-transcript');
      await page.keyboard.press('Escape');
    });
    await check('the Summary panel shows the code × source table as a heatmap', async () => {
      await runCommand(page, 'Markdown QDA: Show Summary Tables');
      const frame = await frameWith(page, 'select');
      await frame.locator('select').first().selectOption('sources');
      await frame.locator('td.heat, td .heat').first().waitFor();
      await screenshot(page, 'summary-heatmap');
    });
    await check('the Markdown preview shows the codings highlighted with their badges, no raw markup', async () => {
      // Back to the transcript by its tab (keys pressed in a webview stay in the webview).
      await page.locator('.tabs-container .tab', { hasText: 'lead-01.md' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'lead-01.md' }).waitFor();
      await runCommand(page, 'Markdown: Open Preview');
      const frame = await frameWith(page, 'mark.mdqda-excerpt');
      const body = await frame.locator('body').innerText();
      if (body.includes(':code[') || body.includes(':::code')) throw new Error('raw :code markup in the preview');
      const badges = await frame.locator('.mdqda-badge').allInnerTexts();
      for (const badge of ['T2', 'M3', 'T1', 'T1a', 'pg']) {
        if (!badges.includes(badge)) throw new Error(`no badge ${badge} in ${JSON.stringify(badges)}`);
      }
      const blocks = await frame.locator('div.mdqda-block').count();
      if (blocks !== 1) throw new Error(`${blocks} coded blocks`);
      const border = await frame.locator('div.mdqda-block').evaluate((element) => getComputedStyle(element).borderTopStyle);
      if (border !== 'solid') throw new Error(`the coded block has border '${border}'`);
      await screenshot(page, 'preview');
    });
    console.log(`${Date.now() - started} ms in all`);
  } catch (error) {
    checks.fail(error, 'e2e-installed');
    if (state.page) await screenshot(state.page, 'failure').catch(() => {});
  }
  await checks.finish(state.dirs, cleanup);
}

main();
