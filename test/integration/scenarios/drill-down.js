// Drilling down from a table: open the Summary on the example study, show the code × source
// matrix, click a heatmap cell, read the excerpts behind it, click one and land in the transcript
// with the excerpt selected; then a co-occurrence matrix too wide for the panel offers its groups.
'use strict';

const path = require('node:path');

module.exports = {
  title: 'Drill down from a heatmap cell to the transcript',
  fixture: path.join(__dirname, '..', '..', '..', 'examples', 'coproduction-study'),

  async run({ page, check, screenshot, ui }) {
    let frame;
    let cell;
    let count;

    await check('the Summary panel shows the code × source matrix as a heatmap', async () => {
      // The extension has indexed the study once its status bar item counts the excerpts.
      await page.locator('.statusbar-item', { hasText: 'excerpts' }).first().waitFor();
      await ui.runCommand(page, 'Markdown QDA: Show Summary Tables');
      frame = await ui.frameWith(page, '#summary-table');
      await frame.locator('#table').selectOption('sources');
      await frame.locator('h1', { hasText: 'Codes by source' }).waitFor();
      const heated = await frame.locator('td.heat').count();
      if (heated < 10) throw new Error(`only ${heated} heatmap cells`);
    });

    await check('clicking a heatmap cell lists as many excerpts as it counts, without markup', async () => {
      // The busiest cell of the matrix: the one a researcher's eye goes to first.
      const cells = frame.locator('td.heat.drill');
      const values = await cells.evaluateAll((nodes) => nodes.map((node) => Number(node.dataset.value)));
      const best = values.indexOf(Math.max(...values));
      count = values[best];
      if (!(count > 1)) throw new Error(`largest count ${count}`);
      cell = cells.nth(best);
      await cell.click();
      const entries = frame.locator('#excerpts li');
      await entries.first().waitFor();
      const listed = await entries.count();
      if (listed !== count) throw new Error(`the cell says ${count}, the list has ${listed}`);
      const texts = await frame.locator('#excerpts .excerpt .text').allTextContents();
      const marked = texts.find((text) => /:code\[|\]\{|:::|\*\*[^*]{1,40}:\*\*/.test(text));
      if (marked) throw new Error(`markup in the list: ${marked}`);
      const who = await frame.locator('#excerpts .excerpt .who').first().textContent();
      if (!/ · /.test(who || '')) throw new Error(`no source, speaker or coder under the text: ${who}`);
      await screenshot('drill-down');
    });

    await check('clicking an excerpt opens its transcript beside the panel with the excerpt selected', async () => {
      const first = frame.locator('#excerpts .excerpt').first();
      const title = await first.getAttribute('title');
      const file = /^Open (.+) at line (\d+)$/.exec(title || '');
      if (!file) throw new Error(`entry title: ${title}`);
      await first.click();
      const name = path.basename(file[1]);
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
      await page.locator('.editor-instance .monaco-editor .selected-text').first().waitFor();
      // The Summary stays visible in the other editor group.
      await page.locator('.tabs-container .tab', { hasText: 'Markdown QDA Summary' }).waitFor();
      const groups = await page.locator('.editor-group-container').count();
      if (groups < 2) throw new Error('the transcript did not open beside the panel');
      await screenshot('drill-down-transcript');
    });

    await check('a co-occurrence matrix of every code, wider than the panel, offers the code groups', async () => {
      await frame.locator('#table').selectOption('cooccurrence');
      await frame.locator('h1', { hasText: 'Co-occurrence of code groups' }).waitFor();
      await frame.locator('#rows').selectOption('*');
      await frame.locator('h1', { hasText: 'Co-occurrence of all codes' }).waitFor();
      const note = frame.locator('#wide');
      await note.waitFor();
      await screenshot('drill-down-wide');
      await note.locator('button', { hasText: 'Show code groups' }).click();
      await frame.locator('h1', { hasText: 'Co-occurrence of code groups' }).waitFor();
      const groupCell = frame.locator('td.heat.drill').first();
      await groupCell.click();
      await frame.locator('#excerpts li').first().waitFor();
      const caption = await frame.locator('#excerpts .caption').textContent();
      if (!/co-occurrence/.test(caption || '')) throw new Error(`list caption: ${caption}`);
    });
  },
};
