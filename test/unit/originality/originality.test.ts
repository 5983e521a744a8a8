import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findSharedRuns, indexSeeds } from '../../../scripts/originality/sharedRuns';
import { runOriginalityCheck } from '../../../scripts/originality/runOriginalityCheck';

// Our text must share no run of this many consecutive words with the papers.
const runLength = 12;

/** Runs the originality check in-process on a tiny repository and collects what it prints. */
function check(argv: string[], cwd: string, root: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runOriginalityCheck(argv, { cwd, root, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('originality against the seed papers', () => {
  it('finds a copied run regardless of case, punctuation and line breaks', () => {
    const seeds = new Map([['paper', 'One, two three four five six seven eight nine ten eleven twelve thirteen.']]);
    const runs = indexSeeds(seeds, runLength);
    const copied = 'Intro. ONE two -- three four five six\nseven eight nine "ten" eleven twelve!';
    assert.deepEqual(
      findSharedRuns(copied, runs, runLength).map((run) => [run.line, run.seed]),
      [[1, 'paper']],
    );
  });

  it('accepts a run one word shorter than the limit', () => {
    const seeds = new Map([['paper', 'one two three four five six seven eight nine ten eleven twelve']]);
    const runs = indexSeeds(seeds, runLength);
    assert.deepEqual(findSharedRuns('one two three four five six seven eight nine ten eleven', runs, runLength), []);
  });
});

describe('npm run check:originality PAPERS_DIR', () => {
  let root: string;
  const copied = 'the partnership board met every quarter and argued about money more than about the research';
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-originality-'));
    fs.mkdirSync(path.join(root, 'presets'));
    fs.mkdirSync(path.join(root, 'examples', 'coproduction-study'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'presets', 'p.yaml'),
      ['source:', `  title: "${copied}"`, 'codes:', '  - id: A', `    description: "${copied}"`, ''].join('\n'),
    );
    fs.writeFileSync(path.join(root, 'examples', 'coproduction-study', 'a.md'), `Intro.\n\n${copied}\n\n## References\n\n${copied}\n`);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('fails with a one-line message naming the folder when the papers folder is missing', () => {
    const result = check(['no-such-papers'], root, root);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'check:originality: no-such-papers: no such folder (give the folder of the papers as plain text, *.txt)\n');
  });

  it('fails with a usage line when no folder is given', () => {
    const result = check([], root, root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^check:originality: usage: npm run check:originality -- PAPERS_DIR \(the folder of the papers as plain text, \*\.txt\)\n$/);
  });

  it('fails when the folder holds no paper as plain text', () => {
    fs.mkdirSync(path.join(root, 'papers'));
    fs.writeFileSync(path.join(root, 'papers', 'paper.pdf'), 'not text');
    const result = check(['papers'], root, root);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'check:originality: papers: no papers (*.txt) in this folder\n');
  });

  it('names each file and line that shares a twelve-word run with a paper, outside citations', () => {
    fs.mkdirSync(path.join(root, 'papers'));
    fs.writeFileSync(path.join(root, 'papers', 'smith-2020.txt'), `Results. ${copied.toUpperCase()}, said one lead.`);
    const result = check([path.join(root, 'papers')], os.tmpdir(), root);
    assert.equal(result.code, 1);
    assert.deepEqual(result.stderr.trim().split('\n'), [
      'presets/p.yaml:5: shares "the partnership board met every quarter and argued about money more than" with smith-2020.txt',
      'examples/coproduction-study/a.md:3: shares "the partnership board met every quarter and argued about money more than" with smith-2020.txt',
      'check:originality: 2 runs of 12 or more words shared with 1 paper',
    ]);
  });

  it('passes and says what it checked when nothing is shared', () => {
    fs.mkdirSync(path.join(root, 'papers'));
    fs.writeFileSync(path.join(root, 'papers', 'smith-2020.txt'), 'A different text about something else entirely, long enough to hold several runs of words.');
    const result = check(['papers'], root, root);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'check:originality: 2 files share no run of 12 words with 1 paper\n');
  });
});
