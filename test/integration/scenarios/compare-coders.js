// Step 2 of the analysis with the mouse: compare the coders of the workspace, click a
// disagreement (its transcript opens with the disputed text selected), and resolve it by
// accepting one coder's coding, which writes a consensus coding into the transcript.
'use strict';

const disputed = 'The café owners were never asked';

module.exports = {
  title: 'compare coders and resolve a disagreement by clicking',
  async run({ page, check, screenshot, ui }) {
    let frame;
    await check('Compare Coders… asks what to compare and which coders, then shows the comparison', async () => {
      // The extension is running (its status-bar item shows) before its commands are in the palette.
      await page.locator('.statusbar-item', { hasText: 'excerpts' }).first().waitFor();
      await ui.runCommand(page, 'Markdown QDA: Compare Coders…');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Coders of this workspace' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'rk' }).first().waitFor();
      // Both coders come ticked; accept with the picker's OK button once it says so.
      await page.locator('.quick-input-widget', { hasText: '2 Selected' }).waitFor();
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).first().click();
      frame = await ui.frameWith(page, '#agreement tr.overall');
      const overall = await frame.locator('#agreement tr.overall').innerText();
      if (!/Overall\s+1604\s+79\.4%\s+-0\.037\s+-0\.114/.test(overall)) throw new Error(`overall row: ${overall}`);
      await frame.locator('#progress', { hasText: 'Resolved 0 of 5' }).waitFor();
    });
    await check('clicking a disagreement opens its transcript with the disputed text selected', async () => {
      await frame.locator('li.disagreement', { hasText: disputed }).click();
      await page.locator('.tabs-container .tab', { hasText: 'lead-01.md' }).first().waitFor();
      await page.locator('.statusbar-item', { hasText: `(${[...disputed].length} selected)` }).first().waitFor();
      await frame.locator('li.disagreement.selected .codings', { hasText: 'rk: T1a' }).waitFor();
    });
    await check('clicking Accept rk writes a consensus coding and the view counts it resolved', async () => {
      await frame.locator('li.disagreement.selected button[data-coder="rk"]').click();
      await frame.locator('#progress', { hasText: 'Resolved 1 of 5' }).waitFor();
      await frame.locator('li.disagreement.resolved .settled', { hasText: 'consensus: T1a' }).waitFor();
      await page.locator('.editor-instance .view-lines', { hasText: 'by=consensus' }).first().waitFor();
    });
    await screenshot('compare-coders');
  },
};
