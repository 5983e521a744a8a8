import assert from 'node:assert/strict';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';

const repoRoot = path.resolve(__dirname, '../../..');
const STUDY = path.join(repoRoot, 'examples', 'coproduction-study');

/** Runs `mdqda ARGS` in-process, printing to a terminal `columns` wide (or to a pipe when undefined). */
async function mdqda(args: string[], columns?: number): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--no-cache'], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: repoRoot,
    terminalColumns: columns,
  });
  return { code, stdout, stderr };
}

const tableLines = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('|'));

describe('tables printed to a terminal', function () {
  this.timeout(60_000);

  it('indent sub-codes with em space characters, not &emsp; entities, on a terminal', async () => {
    const result = await mdqda(['summary', '--table', 'tensions', STUDY], 200);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stdout.includes('&emsp;'), 'an entity on the terminal');
    assert.match(result.stdout, /^\| \u2003T1a /m);
  });

  it('keep &emsp; in Markdown written to a pipe or a file, where renderers would trim plain spaces', async () => {
    const result = await mdqda(['summary', '--table', 'tensions', STUDY]);
    assert.match(result.stdout, /^\| &emsp;T1a /m);
  });

  it('show the code groups instead of a co-occurrence matrix wider than the terminal, and say on stderr how to get the full one', async () => {
    const result = await mdqda(['summary', '--table', 'cooccurrence', STUDY], 80);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\*\*Co-occurrence of code groups\.\*\*/);
    assert.deepEqual(
      tableLines(result.stdout).slice(2).map((line) => line.split('|')[1].trim()),
      ['**tensions**', '**mechanisms**', '**facilitators**', '**impact**', '**reflection**'],
    );
    for (const line of tableLines(result.stdout)) assert.ok([...line].length <= 80, `wider than 80: ${line}`);
    const codes = JSON.parse((await mdqda(['summary', '--table', 'cooccurrence', STUDY, '--format', 'json'])).stdout).rows.length;
    const notice = result.stderr.split('\n').filter((line) => line !== '');
    assert.equal(notice.length, 1, result.stderr);
    assert.ok(notice[0].startsWith(`mdqda summary: the ${codes} × ${codes} co-occurrence matrix`), notice[0]);
    assert.match(notice[0], /^mdqda summary: the \d+ × \d+ co-occurrence matrix is wider than the terminal \(80 columns\): showing the code groups; for the full matrix write it to a file \(-o FILE\) or pipe it \(\| less -S\), for the codes of groups use --rows GROUP --cols GROUP$/);
  });

  it('print the full co-occurrence matrix when it fits, when written to a pipe, or when the axes are asked for', async () => {
    const wide = await mdqda(['summary', '--table', 'cooccurrence', STUDY], 100_000);
    const piped = await mdqda(['summary', '--table', 'cooccurrence', STUDY]);
    assert.equal(wide.stdout.replace(/\u2003/g, '&emsp;'), piped.stdout);
    assert.match(piped.stdout, /^\*\*Co-occurrence of all codes\.\*\*/);
    assert.equal(piped.stderr, '');
    const asked = await mdqda(['summary', '--table', 'cooccurrence', '--rows', 'tensions', '--cols', 'mechanisms', STUDY], 40);
    assert.match(asked.stdout, /^\*\*Co-occurrence of tensions × mechanisms\.\*\*/);
    assert.equal(asked.stderr, '');
  });
});
