// Team coding in git, as a reviewer meets it: the workspace is a git repository whose `main` holds
// the first coding; a second coder (rk) has coded one more passage in the working tree with the
// command line. The reviewer runs Compare Coding with Branch…, picks `main`, reads the change in the
// Coding Changes view and opens it in the transcript. Then, in the same transcript, Code Speaker's
// Turns… from the editor's context menu codes every turn of P1 at once. Screenshots:
// coding-changes.png, speaker-turns.png.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');

/** Runs git in the workspace, quietly, with an identity of its own. */
function git(workspace, args) {
  execFileSync('git', ['-c', 'user.name=Reviewer', '-c', 'user.email=reviewer@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd: workspace, stdio: 'pipe' });
}

module.exports = {
  title: 'Team review: Compare Coding with Branch, then Code Speaker\'s Turns (browser)',
  async run({ page, check, dirs, screenshot, ui }) {
    const workspace = dirs.workspace;
    const transcript = path.join(workspace, 'interviews', 'lead-01.md');
    const quickInput = page.locator('.quick-input-widget');
    const input = quickInput.locator('input').first();
    const rows = quickInput.locator('.quick-input-list .monaco-list-row');
    const changesPane = page.locator('[id="workbench.parts.sidebar"] .pane', { has: page.locator('.pane-header', { hasText: 'Coding Changes' }) });
    const line = (text) => page.locator('.editor-instance .view-line', { hasText: text }).first();
    const shown = async (text) => (await line(text).innerText()).replace(/\u00a0/g, ' ');
    /** The line of the question the second coder codes. */
    let questionLine = 0;

    await check('main holds the first coding; rk codes one more passage in the working tree', async () => {
      git(workspace, ['init', '--quiet']);
      git(workspace, ['add', '-A']);
      git(workspace, ['commit', '--quiet', '-m', 'First coding']);
      questionLine = fs.readFileSync(transcript, 'utf8').split('\n').findIndex((text) => text === '**Interviewer:** How did the partnership start?') + 1;
      if (questionLine === 0) throw new Error('the fixture lost the question the scenario codes');
      execFileSync(process.execPath, [cli, 'code', 'interviews/lead-01.md', '--range', `${questionLine}:18-${questionLine}:48`, '--codes', 'M3', '--by', 'rk'], { cwd: workspace, stdio: 'pipe' });
      if (!fs.readFileSync(transcript, 'utf8').includes(':code[How did the partnership start?]{.M3 by=rk}')) throw new Error('the command line did not code the question');
    });
    await check('Compare Coding with Branch… offers the branches and shows the change since main', async () => {
      // Once the extension is active (its status bar item counts the new excerpt), the palette lists its commands by their full titles.
      await page.locator('.statusbar-item', { hasText: '5 excerpts' }).first().waitFor();
      await ui.runCommand(page, 'Markdown QDA: Compare Coding with Branch…');
      await quickInput.filter({ hasText: 'compare coding with branch' }).waitFor();
      await rows.filter({ hasText: 'main' }).first().waitFor();
      await input.fill('main');
      await page.keyboard.press('Enter');
      await changesPane.filter({ hasText: '1 coding change in 1 transcript since main.' }).waitFor();
      await changesPane.locator('.monaco-list-row', { hasText: 'interviews/lead-01.md' }).first().waitFor();
      await changesPane.locator('.monaco-list-row', { hasText: 'added M3' }).filter({ hasText: 'by rk' }).first().waitFor();
    });
    await check('the change opens the transcript with the coded question selected', async () => {
      await changesPane.locator('.monaco-list-row', { hasText: 'added M3' }).first().click();
      await line('How did the partnership start?').waitFor();
      // The status bar gives the selection's length: the new coding, its markup included.
      const coding = ':code[How did the partnership start?]{.M3 by=rk}';
      await page.locator('.statusbar-item', { hasText: `Ln ${questionLine}, Col ${18 + coding.length} (${coding.length} selected)` }).first().waitFor();
      await screenshot('coding-changes');
    });
    await check('Code Speaker\'s Turns… in the editor\'s context menu codes every turn of P1 as a container', async () => {
      await line('Not at first').click();
      const picker = quickInput.filter({ hasText: /code the \d+ turns of P1/ });
      // A busy workbench can let the click on a menu that is still opening go: open it again then.
      for (let attempt = 1; ; attempt++) {
        await line('Not at first').click({ button: 'right' });
        const item = page.locator('.monaco-menu .action-label', { hasText: 'Code Speaker\'s Turns…' }).first();
        await item.waitFor();
        await item.hover();
        await item.click();
        if (await picker.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
        if (attempt === 3) throw new Error('the context menu item did not open the code picker in three tries');
        await page.keyboard.press('Escape');
      }
      await input.fill('M9');
      await rows.filter({ hasText: 'M9' }).first().click();
      await quickInput.filter({ hasText: '1 Selected' }).waitFor();
      await quickInput.getByRole('button', { name: 'OK' }).click();
      // A fresh profile has no coder identity yet ("no coder" in the status bar): the command asks for it.
      await quickInput.filter({ hasText: 'coder identity' }).waitFor();
      await input.fill('pg');
      await page.keyboard.press('Enter');
      const deadline = Date.now() + 15000;
      while (!(await page.locator('.editor-instance .view-line', { hasText: ':::code{.M9 by=' }).count()) && Date.now() < deadline) await page.waitForTimeout(200);
      const fences = await page.locator('.editor-instance .view-line', { hasText: ':::code{.M9 by=' }).count();
      if (fences < 1) throw new Error('no container coding with M9 appeared in the editor');
      const answer = await shown('Not at first');
      if (!answer.startsWith('**P1:** Not at first.')) throw new Error(`the turn's text changed: '${answer}'`);
      // The tree counts the three turns under M9 (two new containers and one that had the turn already).
      await page.locator('[id="workbench.parts.sidebar"] .monaco-list-row', { hasText: 'M9 Unused mechanism' }).filter({ hasText: '3' }).first().waitFor();
      await screenshot('speaker-turns');
    });
  },
};
