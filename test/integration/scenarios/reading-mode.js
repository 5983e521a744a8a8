// Reading a dense passage: nested codings, a container with codings inside, three codes on one
// phrase. Screenshots before and after Hide Markup; checks that every directive's markup is out of
// sight (its spans not displayed) except on the cursor line, and that the file is unchanged.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const file = 'reading-dense.md';
const dense = [
  '---',
  'id: reading-dense',
  'partnership: North East',
  '---',
  '',
  '**Interviewer:** Who set the agenda of the partnership?',
  '',
  '**P4:** :code[We :code[never :code[owned]{.T1a by=pg} the agenda]{.T1 by=pg} at all]{.T2 by=pg}, and :code[the money]{.M3 by=rk} decided what counted.',
  '',
  ':::code{.T2 by=pg memo="knowledge from practice"}',
  '**P4:** Later :code[we wrote our own questions]{.T1 .M3 by=pg} and :code[the academics listened]{.M3 by=rk}.',
  '',
  '**P4:** :code[It took two years]{.T1 by=rk exemplar}.',
  ':::',
  '',
  '**Interviewer:** Thank you.',
  '',
].join('\n');

/** The text of the editor's lines, and how many markup spans are still in sight (with a width, not transparent). */
async function editorState(page) {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
    let shownMarkup = 0;
    for (const line of lines) {
      for (const span of line.querySelectorAll('span span')) {
        if (!/:code\[|\]\{|:::/.test(span.textContent || '')) continue;
        // Folded markup is still in the line, shrunk to no width, hidden and transparent.
        const style = getComputedStyle(span);
        if (style.display !== 'none' && style.visibility === 'visible' && Number(style.opacity) > 0 && span.getBoundingClientRect().width > 0.5) shownMarkup += 1;
      }
    }
    return { shownMarkup, text: lines.map((line) => line.textContent).join('\n') };
  });
}

module.exports = {
  title: 'Reading mode: Hide Markup on a dense passage',
  async run({ page, check, dirs, screenshot, ui, workbench }) {
    const target = path.join(dirs.workspace, 'interviews', file);
    fs.writeFileSync(target, dense);

    await check('the dense passage shows its markup, dimmed, with stacked underlines where three codes overlap', async () => {
      await ui.quickOpen(page, file);
      await page.locator('.view-line', { hasText: 'owned' }).first().waitFor();
      await workbench.sleep(1500);
      const state = await editorState(page);
      if (state.shownMarkup === 0) throw new Error('no markup displayed before Hide Markup');
      await page.locator('.statusbar-item', { hasText: 'markup' }).first().waitFor();
      await screenshot('reading-mode-before');
    });

    await check('Hide Markup folds every directive out of sight except on the cursor line; the file is unchanged', async () => {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await ui.runCommand(page, 'Hide Markup (on/off)');
      await page.locator('.statusbar-item', { hasText: 'markup hidden' }).first().waitFor();
      await workbench.sleep(1000);
      const state = await editorState(page);
      if (state.shownMarkup !== 0) throw new Error(`${state.shownMarkup} markup spans still displayed`);
      await screenshot('reading-mode-after');
      if (fs.readFileSync(target, 'utf8') !== dense) throw new Error('the file changed');
    });

    await check('the cursor line shows its markup again', async () => {
      await page.locator('.view-line', { hasText: 'owned' }).first().click();
      await workbench.sleep(800);
      const state = await editorState(page);
      if (state.shownMarkup === 0) throw new Error('the cursor line shows no markup');
      await screenshot('reading-mode-cursor-line');
    });
  },
};
