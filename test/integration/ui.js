// What a user does in the browser workbench, shared by the end-to-end tests: run a command from
// the palette, open Quick Open or a file with it, find the webview frame that shows something, and save
// a screenshot.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const workbench = require('./workbench');

const stepTimeoutMs = Number(process.env.MDQDA_STEP_TIMEOUT_MS || 60000);

/**
 * Saves a screenshot as OUT_DIR/NAME.png (and in MDQDA_SCREENSHOTS_DIR when set, except the
 * failure shot); prints and returns its path.
 */
async function screenshot(page, outDir, name) {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  const extra = process.env.MDQDA_SCREENSHOTS_DIR;
  if (extra && name !== 'failure') {
    fs.mkdirSync(extra, { recursive: true });
    fs.copyFileSync(file, path.join(extra, `${name}.png`));
  }
  console.log(`    screenshot: ${path.relative(workbench.root, file)}`);
  return file;
}

/** The first frame of the page (webviews are nested iframes) in which `selector` matches. */
async function frameWith(page, selector, timeoutMs = stepTimeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    await workbench.sleep(200);
  }
  throw new Error(`no frame shows ${selector} within ${timeoutMs} ms`);
}

/** Runs a command from the palette (F1), as a user types it. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Opens Quick Open (Ctrl+P) and resolves to its input; presses the keys again (three times at
 * most) when a busy workbench let them go before the editor had the focus.
 */
async function openQuickOpen(page) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    if (await input.waitFor({ timeout: 10000 }).then(() => true, () => false)) return input;
    if (attempt === 3) throw new Error('Quick Open (Ctrl+P) did not open');
  }
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits for its tab. */
async function quickOpen(page, name) {
  const input = await openQuickOpen(page);
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

module.exports = { stepTimeoutMs, screenshot, frameWith, runCommand, openQuickOpen, quickOpen };
