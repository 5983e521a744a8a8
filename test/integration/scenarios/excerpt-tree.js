// The sidebar as a user first meets it: opens the Markdown QDA activity-bar view, reads the tree
// rows, expands a code and a source, clicks an excerpt and checks the editor's selection in the
// status bar. Screenshot: excerpt-selected.png.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const fixture = path.join(__dirname, '..', 'workspace');

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

module.exports = {
  title: 'the Coded Excerpts tree: from a code to a selected excerpt (browser)',
  fixture,
  async run({ page, check, screenshot }) {
    const excerpt = expectedExcerpt();
    // Rows of the Coded Excerpts view only (the container also holds the Codebook and Memos views).
    const excerptsPane = page.locator('[id="workbench.parts.sidebar"] .pane', { has: page.locator('.pane-header', { hasText: 'Coded Excerpts' }) });
    const sidebarRows = excerptsPane.locator('.monaco-list-row');
    const row = (text) => sidebarRows.filter({ hasText: text }).first();

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
      await screenshot('excerpt-selected');
    });
  },
};
