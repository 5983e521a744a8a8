// Step 3 in the editor, on the example study: open its workshop file, show the tally, watch it
// follow an edit (a mistake is underlined and the tally waits for the fix),
// then open the resource pack and export it as HTML; both panels come back after a window reload.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const workbench = require('../workbench');

const fixture = path.join(workbench.root, 'examples', 'coproduction-study');

/** The 1-based line of L7's votes in the example workshop file. */
function lineOfL7Votes(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.includes('id: L7'));
  return lines.findIndex((line, index) => index > start && line.trim().startsWith('votes:')) + 1;
}

/** The rows of the tally's candidate table as "ID rank votes inner outer". */
async function tallyRows(frame) {
  return frame.locator('#candidates tbody tr').evaluateAll((rows) => rows.map((row) => {
    const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent.trim());
    return `${row.dataset.code} ${cells.join(' ')}`;
  }));
}

module.exports = {
  title: 'Workshop: tally the workshop file as it is edited, open and export the resource pack, reload the window',
  fixture,
  async run({ page, check, dirs, screenshot, ui }) {
    let tally;
    await check('the Show Workshop Tally button of the workshop file\'s editor ranks its candidates', async () => {
      // The extension is up once its status-bar item counts the excerpts.
      await page.locator('.statusbar-item', { hasText: 'excerpts' }).first().waitFor();
      await ui.quickOpen(page, 'workshop.yaml');
      // The title bar of a workshop file's editor offers the tally.
      await page.locator('.editor-actions [aria-label="Show Workshop Tally"]').click();
      tally = await ui.frameWith(page, '#candidates tbody tr');
      const rows = await tallyRows(tally);
      if (rows.length !== 6) throw new Error(`6 candidates expected, got ${rows.join(' | ')}`);
      if (!rows[0].startsWith('T2 1 5 5 2')) throw new Error(`T2 first with 5 votes, 5 inner, 2 outer: ${rows[0]}`);
      const decisions = await tally.locator('#decisions li').count();
      if (decisions === 0) throw new Error('the decisions recorded for step3 are listed');
      await screenshot('workshop');
    });

    await check('an id that is not a candidate is underlined in the editor and the tally waits for the fix', async () => {
      const line = lineOfL7Votes(fs.readFileSync(path.join(dirs.workspace, 'workshop.yaml'), 'utf8'));
      await page.keyboard.press('Control+1'); // back to the editor of the file, left of the tally
      await (await ui.openQuickOpen(page)).fill(`:${line}`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.type('votes: [T1, X2]');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
      await tally.locator('.problems li', { hasText: 'X2 in the votes of L7 is not one of the candidates' }).waitFor();
      await tally.locator('.empty').waitFor();
      await workbench.sleep(800); // let the editor finish scrolling to the line before the picture
      await screenshot('workshop-diagnostics');
    });

    await check('fixing the mistake brings the tally back', async () => {
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.type('votes: [T1, T2]');
      const deadline = Date.now() + 20000;
      let rows = [];
      while (!(rows[0] || '').startsWith('T2 1 5 5 2')) {
        if (Date.now() > deadline) throw new Error(`the tally is back: ${rows[0]}`);
        await workbench.sleep(200);
        rows = await tallyRows(tally);
      }
    });

    await check('Open Resource Pack shows one card per candidate, as of another step when chosen, and Export HTML writes the printable page', async () => {
      await ui.runCommand(page, 'Markdown QDA: Open Resource Pack');
      const pack = await ui.frameWith(page, 'section.card');
      const cards = await pack.locator('section.card').evaluateAll((nodes) => nodes.map((node) => node.dataset.code));
      const quotes = await pack.locator('section.card blockquote').count();
      if (quotes === 0) throw new Error('the cards carry quotes');
      await screenshot('workshop-pack');
      if (cards.join(' ') !== 'T1 T2 T3 TC4 TC5 TC6 TC4 + TC5 + TC6') throw new Error(`the step-2 candidates, then the merged row: ${cards.join(', ')}`);
      // As of today's codebook: the tensions the workshop settled on.
      await pack.locator('select#as-of').selectOption('current');
      const chosen = Date.now() + 20000;
      let now = cards;
      while (now.join(' ') !== 'T1 T2 T3 T4') {
        if (Date.now() > chosen) throw new Error(`today's tensions expected: ${now.join(', ')}`);
        await workbench.sleep(200);
        now = await pack.locator('section.card').evaluateAll((nodes) => nodes.map((node) => node.dataset.code));
      }
      await pack.locator('button[data-action="export"]').click();
      // The save dialog proposes resource-pack.html in the workspace folder: accept it.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await page.keyboard.press('Enter');
      const written = path.join(dirs.workspace, 'resource-pack.html');
      const deadline = Date.now() + 20000;
      while (!fs.existsSync(written)) {
        if (Date.now() > deadline) throw new Error('resource-pack.html was not written');
        await workbench.sleep(200);
      }
      const html = fs.readFileSync(written, 'utf8');
      if (!html.includes('<section class="card"') || html.includes('<script')) throw new Error('the export is the printable page, with no script');
      await pack.locator('#status', { hasText: 'Exported the pack to resource-pack.html' }).waitFor();
      // The notification says where it wrote, with an Open action.
      await ui.runCommand(page, 'Notifications: Show Notifications');
      const notice = page.locator('.notifications-center .notification-list-item', { hasText: 'exported the resource pack to resource-pack.html' });
      await notice.waitFor();
      await notice.locator('.monaco-button', { hasText: 'Open' }).waitFor();
      await screenshot('workshop-pack-exported');
    });

    await check('after a window reload the tally and the pack come back as they were: the same file, group and step', async () => {
      await page.keyboard.press('Escape'); // the notification centre
      // As a user reloads: the workbench saves its editors (the panels' serialized state) first.
      const reloaded = page.waitForEvent('load');
      await ui.runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.monaco-workbench').waitFor();
      const restoredTally = await ui.frameWith(page, '#candidates tbody tr');
      const rows = await tallyRows(restoredTally);
      if (!(rows[0] || '').startsWith('T2 1 5 5 2')) throw new Error(`the tally of workshop.yaml expected, got ${rows.join(' | ')}`);
      const file = await restoredTally.locator('.controls .file').innerText();
      if (file !== 'workshop.yaml') throw new Error(`the tally names ${file}`);
      const pack = await ui.frameWith(page, 'section.card');
      const cards = await pack.locator('section.card').evaluateAll((nodes) => nodes.map((node) => node.dataset.code));
      if (cards.join(' ') !== 'T1 T2 T3 T4') throw new Error(`today's tensions expected, as chosen before the reload: ${cards.join(', ')}`);
      const asOf = await pack.locator('select#as-of').inputValue();
      if (asOf !== 'current') throw new Error(`the step chosen is ${asOf}`);
      await screenshot('workshop-restored');
    });
  },
};
