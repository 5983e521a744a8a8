import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TABLE_NAMES } from '../../../src/core/analysis/tables/table';
import { ensureBuilt, repoRoot, runCli } from './runCli';

/** The READMEs whose commands a new user copies: the project's and the example study's. */
const READMES = ['README.md', path.join('examples', 'coproduction-study', 'README.md')];
const STUDY = 'examples/coproduction-study';

/** Splits a command line as a POSIX shell would for these simple commands (quotes, no expansions). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]);
}

/**
 * Every `node dist/cli.js …` command a README lists, as written: the lines of
 * its shell blocks (a trailing `# comment` dropped) and the commands in code
 * spans (the tables of commands to try).
 */
function readmeCommands(): { readme: string; command: string }[] {
  const found: { readme: string; command: string }[] = [];
  for (const readme of READMES) {
    const text = fs.readFileSync(path.join(repoRoot, readme), 'utf8');
    for (const block of text.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)) {
      for (const line of block[1].split('\n')) {
        const command = line.replace(/\s+#.*$/, '').trim();
        if (command.startsWith('node dist/cli.js ')) found.push({ readme, command });
      }
    }
    for (const span of text.matchAll(/`(node dist\/cli\.js [^`]+)`/g)) found.push({ readme, command: span[1].trim() });
  }
  return found;
}

/** The table names the README's CLI reference lists for `summary --table NAME`. */
function readmeTables(): string[] {
  const text = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const row = text.split('\n').find((line) => line.startsWith('| `summary --table NAME` |'));
  assert.ok(row, 'the README has no `summary --table NAME` row');
  return [...row.split('|')[2].matchAll(/`([a-z]+)`/g)].map((match) => match[1]);
}

describe('every command the READMEs list runs on the example study', function () {
  // About twenty runs of the built CLI, each indexing the example study.
  this.timeout(180_000);
  let output: string;
  before(() => {
    ensureBuilt();
    output = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-readme-'));
  });
  after(() => fs.rmSync(output, { recursive: true, force: true }));

  const commands = readmeCommands();

  it('finds the commands: every table, the pack and the workshop tally are among them', () => {
    const listed = commands.map(({ command }) => command);
    assert.ok(listed.length >= 15, `only ${listed.length} commands found`);
    for (const name of ['pack', 'workshop', 'agreement', 'excerpts', 'lint', 'init']) {
      assert.ok(listed.some((command) => words(command)[2] === name), `no ${name} command in the READMEs`);
    }
    assert.deepEqual(readmeTables(), [...TABLE_NAMES]);
  });

  for (const { readme, command } of commands) {
    it(`${readme}: ${command}`, () => {
      const args = words(command).slice(2);
      // A file the command writes (-o) goes to a scratch folder, never into the repository.
      const at = args.indexOf('-o');
      const written = at >= 0 ? path.join(output, path.basename(args[at + 1])) : undefined;
      if (written) args[at + 1] = written;
      const result = runCli(args);
      assert.equal(result.code, 0, `exit ${result.code}: ${result.stderr}`);
      const printed = written ? fs.readFileSync(written, 'utf8') : result.stdout;
      // lint prints its problems on stdout and its count on stderr: a clean study prints only the count.
      assert.ok(printed.trim() !== '' || (args[0] === 'lint' && /0 errors/.test(result.stderr)), 'no output');
    });
  }

  for (const table of readmeTables()) {
    it(`summary --table ${table} ${STUDY}`, () => {
      const result = runCli(['summary', '--table', table, STUDY]);
      assert.equal(result.code, 0, `exit ${result.code}: ${result.stderr}`);
      assert.ok(result.stdout.includes('|'), result.stdout);
    });
  }
});
