// Autocoding in the editor: Find and Code… lists the hits of a word with their context in a quick
// pick with check boxes; the researcher keeps them all, picks a code and the unit "Sentence", gives
// the coder identity, and each hit's sentence is coded in the transcript as one edit. The Coded
// Excerpts view, open all along, counts the new excerpts in the row of their code.
'use strict';

module.exports = {
  title: 'Find and Code: keyword in context, codes, unit (browser)',
  async run({ page, check, screenshot, ui }) {
    const quickInput = page.locator('.quick-input-widget');
    const input = quickInput.locator('input').first();
    const rows = quickInput.locator('.quick-input-list .monaco-list-row');
    const excerptsPane = page.locator('[id="workbench.parts.sidebar"] .pane', { has: page.locator('.pane-header', { hasText: 'Coded Excerpts' }) });
    /** The description (the count) of the Coded Excerpts row of a code. */
    const countOfRow = (label) => excerptsPane.locator('.monaco-list-row', { hasText: label }).first().locator('.label-description').innerText();

    await check('the Coded Excerpts view is open beside the transcript, T2 with its 2 excerpts', async () => {
      await page.locator('.activitybar [aria-label^="Markdown QDA"]').first().click();
      const count = await countOfRow('T2 Whose knowledge counts');
      if (count.trim() !== '2') throw new Error(`the T2 row counts '${count}'`);
    });

    await check('the pattern typed gives its hits with their context, all checked', async () => {
      await ui.quickOpen(page, 'lead-01.md');
      await ui.runCommand(page, 'Markdown QDA: Find and Code…');
      await quickInput.filter({ hasText: 'Find and Code (1/4)' }).waitFor();
      await input.fill('asked');
      await page.keyboard.press('Enter');
      await quickInput.filter({ hasText: '2 hits' }).waitFor();
      await rows.filter({ hasText: 'because the funder' }).first().waitFor();
      await rows.filter({ hasText: 'The café owners were never' }).first().waitFor();
      // The quick pick counts the checked rows in a badge.
      await quickInput.filter({ hasText: '2 Selected' }).waitFor();
      await screenshot('find-and-code');
      await page.keyboard.press('Enter');
    });
    await check('a code and the unit "Sentence" are chosen, then the coder', async () => {
      await quickInput.filter({ hasText: 'code 2 hits' }).waitFor();
      await input.fill('Whose knowledge');
      await rows.filter({ hasText: 'T2' }).first().click();
      await page.keyboard.press('Enter');
      await quickInput.filter({ hasText: 'code 2 hits with T2' }).waitFor();
      await input.fill('Sentence');
      await rows.filter({ hasText: 'Sentence' }).first().waitFor();
      await page.keyboard.press('Enter');
      await quickInput.filter({ hasText: 'coder identity' }).waitFor();
      await input.fill('pg');
      await page.keyboard.press('Enter');
    });
    await check('each hit\'s sentence is coded in the transcript, around the coding already there', async () => {
      const line = (text) => page.locator('.editor-instance .view-line', { hasText: text }).first();
      const deadline = Date.now() + 15000;
      const shown = async (text) => (await line(text).innerText()).replace(/\u00a0/g, ' ');
      let first = await shown('funder asked');
      while (!first.includes('{.T2 by=pg}') && Date.now() < deadline) {
        await page.waitForTimeout(200);
        first = await shown('funder asked');
      }
      if (!first.includes('**P1:** :code[We called it co-production because the funder asked for it.]{.T2 by=pg}')) throw new Error(`the line shows '${first}'`);
      // The second coding wraps its line: its start is on the first view line, and the excerpt count grows by two.
      const second = await shown('Not at first');
      if (!second.includes('Not at first. :code[:code[The café owners were never asked]{.T1a by=rk exemplar}, and that')) throw new Error(`the line shows '${second}'`);
      await page.locator('.statusbar-item', { hasText: 'pg · 6 excerpts' }).first().waitFor();
      await screenshot('find-and-code-coded');
    });
    await check('the T2 row of the open Coded Excerpts view counts the 2 new excerpts', async () => {
      const deadline = Date.now() + 10000;
      let count = await countOfRow('T2 Whose knowledge counts');
      while (count.trim() !== '4' && Date.now() < deadline) {
        await page.waitForTimeout(100);
        count = await countOfRow('T2 Whose knowledge counts');
      }
      if (count.trim() !== '4') throw new Error(`the T2 row counts '${count}'`);
      await screenshot('find-and-code-tree');
    });
  },
};
