import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt, runCli } from '../cli/runCli';
import { gitRepository } from './gitRepository';

const firstCoding = [
  '**P1:** We met :code[the residents]{.T1 by=rk} in the hall.',
  '',
  '**P2:** The :code[rent went up]{.M3 by=rk} twice that year, :code[and nobody]{.F2 by=pg memo="check"} told us.',
  '',
  '**P3:** :code[Repairs took months]{.T1 by=pg}.',
  '',
].join('\n');

const secondCoding = [
  '**P1:** We met :code[the residents]{.T1 .F2 by=rk} in the hall.',
  '',
  '**P2:** The :code[rent went up twice]{.M3 by=rk} that year, :code[and nobody]{.F2 by=pg memo="checked with P2"} told us.',
  '',
  '**P3:** Repairs took :code[months]{.M3 by=rk}.',
  '',
].join('\n');

describe('mdqda diff (the built CLI, a temporary git repository)', function () {
  this.timeout(60_000);
  let repo: string;
  let git: (...args: string[]) => string;
  const mdqda = (...args: string[]) => runCli(args, { cwd: repo });

  before(() => ensureBuilt());
  beforeEach(() => {
    ({ root: repo, git } = gitRepository({ 'interviews/iv-01.md': firstCoding, 'interviews/iv-02.md': '**P1:** Nothing coded yet.\n' }));
    fs.writeFileSync(path.join(repo, 'interviews', 'iv-01.md'), secondCoding);
    git('commit', '-q', '-am', 'second coding');
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('lists each coding change between two commits once, with the right kind, coder, codes, speaker and text', () => {
    const result = mdqda('diff', 'HEAD~1', 'HEAD', '--format', 'json');
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.transcripts.length, 1);
    const [transcript] = report.transcripts;
    assert.equal(transcript.path, 'interviews/iv-01.md');
    assert.deepEqual(transcript.plainText, { inserted: 0, deleted: 0 });
    const summary = transcript.changes.map((change: { kind: string; coder: string; codes: string[]; speaker: string; text: string }) =>
      [change.kind, change.coder, change.codes.join(' '), change.speaker, change.text].join(' | '),
    );
    assert.deepEqual(summary.sort(), [
      'added | rk | M3 | P3 | months',
      'memo | pg | F2 | P2 | and nobody',
      're-ranged | rk | M3 | P2 | rent went up twice',
      'recoded | rk | T1 F2 | P1 | the residents',
      'removed | pg | T1 | P3 | Repairs took months',
    ]);
  });

  it('prints Markdown for a review and, with --check-plain-text, exits 1 only when a plain text changed', () => {
    const clean = mdqda('diff', 'HEAD~1', 'HEAD', '--check-plain-text');
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stdout, /^## interviews\/iv-01\.md$/m);
    assert.match(clean.stdout, /^- recoded \+F2 \(now T1 F2\) by rk \(line 1, P1\): “the residents”$/m);
    fs.writeFileSync(path.join(repo, 'interviews', 'iv-02.md'), '**P1:** Nothing was coded yet.\n');
    const edited = mdqda('diff', '--check-plain-text');
    assert.equal(edited.code, 1);
    assert.match(edited.stdout, /^- \*\*plain text changed\*\*: 4 characters inserted, 0 deleted$/m);
    assert.match(edited.stderr, /plain text changed in 1 transcript: interviews\/iv-02\.md/);
  });

  it('writes the same changes as a standalone HTML page with --format html', () => {
    const result = mdqda('diff', 'HEAD~1', 'HEAD', '--format', 'html');
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^<!DOCTYPE html>/);
    assert.match(result.stdout, /<title>Coding changes from HEAD~1 to HEAD<\/title>/);
    assert.match(result.stdout, /<h2>interviews\/iv-01\.md<\/h2>/);
    assert.equal(result.stdout.match(/<li class="/g)?.length, 5);
    assert.match(result.stdout, /<li class="removed"><span class="kind">removed<\/span> T1 by pg \(line 5, P3\): “Repairs took months”<\/li>/);
  });

  it('restricts the diff to the given paths', () => {
    fs.writeFileSync(path.join(repo, 'interviews', 'iv-02.md'), '**P1:** Nothing :code[coded]{.T1 by=rk} yet.\n');
    const result = mdqda('diff', 'HEAD', '.', 'interviews/iv-02.md', '--format', 'json');
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).transcripts.map((transcript: { path: string }) => transcript.path), ['interviews/iv-02.md']);
  });
});
