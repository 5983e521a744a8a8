// The Codebook view edited from the keyboard: rename a code's display name through the command
// palette, its quick pick of codes, its pick of fields and its input box; the YAML on disk changes
// in place with a history entry, and the view shows the new name. Then the quick fix "Add to the
// codebook…" on an unknown code asks for its name and its parent.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

exports.title = 'Codebook view: edit a code name from the palette; add an unknown code with the quick fix';

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
  const pane = page.locator('[id="workbench.parts.sidebar"] .pane', { has: page.locator('.pane-header', { hasText: /^Codebook/ }) });
  const row = (text) => pane.locator('.monaco-list-row', { hasText: text }).first();
  await check('the Codebook view lists M9 as unused', async () => {
    await page.locator('.activitybar [aria-label^="Markdown QDA"]').first().click();
    const header = pane.locator('.pane-header').first();
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await row('M9 Unused mechanism').waitFor();
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
    await row('M9 Mechanism not seen yet').waitFor();
    await screenshot('codebook-editing');
  });
  await check('the quick fix on an unknown code asks for the name and the parent, and adds it', async () => {
    fs.writeFileSync(path.join(dirs.workspace, 'interviews', 'new-code.md'), '**P7:** We :code[paid the peer researchers]{.Peerpay by=pg} at last.\n');
    await ui.quickOpen(page, 'new-code.md');
    await page.keyboard.press('Control+G');
    await answer(page, ':1:20');
    const deadline = Date.now() + 20000;
    const row = page.locator('.action-widget .monaco-list-row', { hasText: 'Add `Peerpay` to the codebook' }).first();
    while (Date.now() < deadline) {
      await page.keyboard.press('Control+.');
      if (await row.waitFor({ timeout: 2000 }).then(() => true, () => false)) break;
      await page.keyboard.press('Escape');
    }
    await row.click();
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.value === 'Peerpay');
    await input.fill('Paying peer researchers');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'No parent' }).first().waitFor();
    await workbench.sleep(500);
    await screenshot('codebook-editing-parent');
    await answer(page, 'T2', 'Whose knowledge counts');
    let text = '';
    const until = Date.now() + 20000;
    while (Date.now() < until) {
      text = fs.readFileSync(codebook, 'utf8');
      if (text.includes('Peerpay')) break;
      await workbench.sleep(200);
    }
    if (!text.includes('  - { id: Peerpay, name: "Paying peer researchers", parent: T2 }\n')) throw new Error(`codebook.yaml:\n${text}`);
    if (!/ {2}- \{ action: add, from: \[\], to: \[Peerpay\], date: \d{4}-\d{2}-\d{2} \}\n$/.test(text)) throw new Error(`no add entry:\n${text}`);
    await pane.locator('.monaco-list-row', { hasText: 'Peerpay Paying peer researchers' }).first().waitFor({ timeout: 3000 }).catch(async () => {
      const t2 = pane.locator('.monaco-list-row', { hasText: 'T2 Whose knowledge counts' }).first();
      await t2.click();
      await page.keyboard.press('ArrowRight');
      await pane.locator('.monaco-list-row', { hasText: 'Peerpay Paying peer researchers' }).first().waitFor();
    });
    await screenshot('codebook-editing-added');
  });
};
