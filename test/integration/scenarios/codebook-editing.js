// The Codebook view edited from the keyboard: rename a code's display name through the command
// palette, its quick pick of codes, its pick of fields and its input box; the YAML on disk changes
// in place with a history entry, and the view shows the new name.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

exports.title = 'Codebook view: edit a code name from the palette';

/** Types `text` into the open quick input and presses Enter once a row (or the input box) is ready. */
async function answer(page, text, row) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(text);
  if (row) await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
  await page.keyboard.press('Enter');
}

exports.run = async ({ page, check, dirs, screenshot, ui, workbench }) => {
  const codebook = path.join(dirs.workspace, 'codebook.yaml');
  await check('the Codebook view lists M9 as unused', async () => {
    await ui.runCommand(page, 'Markdown QDA: Focus on Codebook View');
    await page.locator('.monaco-list-row', { hasText: 'M9 Unused mechanism' }).first().waitFor();
  });
  await check('Edit Code… asks for the code, the field and the new name, and writes them', async () => {
    await ui.runCommand(page, 'Markdown QDA: Edit Code (Name, Description, Colour)…');
    await answer(page, 'M9', 'Unused mechanism');
    await answer(page, 'Name', 'Name');
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.value === 'Unused mechanism');
    await input.fill('Mechanism not seen yet');
    await page.keyboard.press('Enter');
    const deadline = Date.now() + 20000;
    let text = '';
    while (Date.now() < deadline) {
      text = fs.readFileSync(codebook, 'utf8');
      if (text.includes('Mechanism not seen yet')) break;
      await workbench.sleep(200);
    }
    if (!text.includes('    name: "Mechanism not seen yet"\n')) throw new Error(`codebook.yaml:\n${text}`);
    if (!/history:\n {2}- \{ action: describe, from: \[\], to: \[M9\], date: \d{4}-\d{2}-\d{2}, note: "name: Mechanism not seen yet" \}\n$/.test(text)) throw new Error(`no history entry:\n${text}`);
  });
  await check('the view shows the new name', async () => {
    await page.locator('.monaco-list-row', { hasText: 'M9 Mechanism not seen yet' }).first().waitFor();
    await screenshot('codebook-editing');
  });
};
