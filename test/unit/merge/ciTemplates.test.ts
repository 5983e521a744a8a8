import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ensureBuilt, repoRoot } from '../cli/runCli';
import { gitRepository } from './gitRepository';

/** The fenced block of docs/team.md whose first line names `file`. */
function template(file: string): string {
  const team = fs.readFileSync(path.join(repoRoot, 'docs', 'team.md'), 'utf8');
  const blocks = [...team.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  const block = blocks.find((text) => text.split('\n').slice(0, 2).includes(`# ${file}`));
  assert.ok(block, `docs/team.md has no block for ${file}`);
  return block;
}

const codebook = ['codes:', '  - id: T1', '    name: "Meaning"', '  - id: M3', '    name: "Money"', ''].join('\n');
const transcript = ['---', 'id: iv-01', '---', '', '**P1:** We met the residents in the hall and talked about the rent.', ''].join('\n');

describe('the CI templates of docs/team.md, run in a temporary git repository (the built CLI)', function () {
  this.timeout(120_000);
  let repo: string;
  let git: (...args: string[]) => string;
  let bin: string;
  let env: NodeJS.ProcessEnv;
  const write = (name: string, text: string) => fs.writeFileSync(path.join(repo, name), text);
  const sh = (script: string, extra: NodeJS.ProcessEnv = {}) => spawnSync('sh', ['-c', script], { cwd: repo, encoding: 'utf8', env: { ...env, ...extra } });

  before(() => ensureBuilt());
  beforeEach(() => {
    ({ root: repo, git } = gitRepository({ 'interviews/iv-01.md': transcript, 'codebook.yaml': codebook }));
    // `mdqda` on the PATH, as the install step or a coder's machine provides it.
    bin = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-bin-'));
    fs.writeFileSync(path.join(bin, 'mdqda'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(repoRoot, 'dist', 'cli.js'))} "$@"\n`, { mode: 0o755 });
    env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, MDQDA_CACHE_DIR: path.join(repoRoot, 'tmp', 'test-cache') };
    git('remote', 'add', 'origin', repo);
    git('fetch', '-q', 'origin');
    git('checkout', '-q', '-b', 'coding-rk');
  });
  afterEach(() => {
    fs.rmSync(repo, { recursive: true, force: true });
    fs.rmSync(bin, { recursive: true, force: true });
  });

  it('the GitHub Actions workflow passes a coding-only pull request and fails one that edits a transcript’s words', () => {
    const workflow = parse(template('.github/workflows/coding.yml')) as { on: unknown; jobs: Record<string, { steps: { name?: string; run?: string; if?: string }[] }> };
    assert.equal(workflow.on, 'pull_request');
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps).filter((step) => step.run?.includes('mdqda ') && !step.run.includes('npm install'));
    assert.deepEqual(steps.map((step) => step.name), ['Lint the markup and the codebook', "Codings only (no transcript's words changed)", 'Coding review']);
    const summary = path.join(os.tmpdir(), `mdqda-summary-${process.pid}.md`);
    const runSteps = () => steps.map((step) => sh(`set -e\n${step.run}`, { GITHUB_BASE_REF: 'main', GITHUB_STEP_SUMMARY: summary }));
    try {
      write('interviews/iv-01.md', transcript.replace('the residents', ':code[the residents]{.T1 by=rk}'));
      git('commit', '-q', '-am', 'rk codes');
      const passing = runSteps();
      for (const [index, result] of passing.entries()) assert.equal(result.status, 0, `${steps[index].name}: ${result.stdout}${result.stderr}`);
      assert.match(fs.readFileSync(summary, 'utf8'), /^- added T1 by rk \(line 5, P1\): “the residents”$/m);

      write('interviews/iv-01.md', transcript.replace('the residents', ':code[the residents]{.T1 by=rk}').replace('the rent', 'the high rent'));
      git('commit', '-q', '-am', 'rk edits a word');
      const [lint, check] = runSteps();
      assert.equal(lint.status, 0, lint.stderr);
      assert.equal(check.status, 1, check.stdout + check.stderr);
      assert.match(check.stderr, /plain text changed in 1 transcript: interviews\/iv-01\.md/);
    } finally {
      fs.rmSync(summary, { force: true });
    }
  });

  it('the pre-commit hook lets a coding-only commit through and refuses one that edits a transcript’s words or breaks the markup', () => {
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, template('.git/hooks/pre-commit'), { mode: 0o755 });
    const commit = (message: string) => sh(`git commit -q -am ${JSON.stringify(message)}`);

    write('interviews/iv-01.md', transcript.replace('the residents', ':code[the residents]{.T1 by=rk}'));
    const coding = commit('rk codes');
    assert.equal(coding.status, 0, coding.stdout + coding.stderr);

    write('interviews/iv-01.md', transcript.replace('the residents', ':code[the residents]{.T1 by=rk}').replace('the rent', 'the high rent'));
    const edit = commit('rk edits a word');
    assert.notEqual(edit.status, 0);
    assert.match(edit.stderr, /pre-commit: a coding branch changes codings only/);
    assert.equal(git('log', '--format=%s', '-1').trim(), 'rk codes');

    write('interviews/iv-01.md', transcript.replace('the residents', ':code[the residents]{.T1 by=rk}').replace('the rent.', ':code[the rent]{.T1 by=rk.'));
    const broken = commit('rk forgets the code');
    assert.notEqual(broken.status, 0);
    assert.match(broken.stdout + broken.stderr, /interviews\/iv-01\.md:5:\d+: error/);
    assert.equal(git('log', '--format=%s', '-1').trim(), 'rk codes');
  });
});
