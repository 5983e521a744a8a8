import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';

const repoRoot = path.resolve(__dirname, '../../..');
const EXAMPLE = path.join('examples', 'coproduction-study');

/** Runs `mdqda ARGS` in-process and collects its output. */
async function mdqda(args: string[], cwd = repoRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--no-cache'], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

const CODEBOOK = `codes:
  - id: A
    name: Alpha
    group: tensions
  - id: B
    name: Beta
    group: tensions
history:
  - { action: candidate, to: [A], step: step2 }
  - { action: rename, from: [B], to: [B2], step: step3, note: "clearer name" }
`;

describe('mdqda workshop', () => {
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-workshop-'));
    fs.writeFileSync(path.join(folder, 'codebook.yaml'), CODEBOOK);
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('tallies the example study’s workshop: T2 first, the three merged candidates mostly in the outer circle', async () => {
    const result = await mdqda(['workshop', path.join(EXAMPLE, 'workshop.yaml'), '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const tally = JSON.parse(result.stdout);
    assert.equal(tally.candidatesFrom, 'step2');
    assert.equal(tally.participants.length, 7);
    assert.deepEqual(
      tally.candidates.map((c: Record<string, unknown>) => [c.id, c.rank, c.votes, c.inner, c.outer, c.unplaced]),
      [
        ['T2', 1, 5, 5, 2, 0],
        ['T1', 2, 4, 5, 2, 0],
        ['T3', 3, 3, 4, 3, 0],
        ['TC6', 4, 1, 2, 5, 0],
        ['TC5', 5, 1, 1, 5, 1],
        ['TC4', 6, 0, 0, 6, 1],
      ],
    );
    assert.deepEqual(tally.changes.map((c: { action: string; from: string[]; to: string[] }) => [c.action, c.from, c.to]), [
      ['merge', ['TC4', 'TC5', 'TC6'], ['T4']],
      ['added', [], ['T3b']],
    ]);
  });

  it('prints the tally as CSV, one row per candidate in rank order', async () => {
    fs.writeFileSync(path.join(folder, 'w.yaml'), 'step: step3\ncandidates: [A, B]\nparticipants:\n  - id: p1\n    votes: [B]\n    inner: [B]\n    outer: [A]\n  - id: p2\n    inner: [A]\n');
    const result = await mdqda(['workshop', path.join(folder, 'w.yaml'), '--format', 'csv']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      'rank,id,name,votes,inner,outer,unplaced,voted_by,inner_by,outer_by,unplaced_by\r\n1,B,Beta,1,1,0,1,p1,p1,,p2\r\n2,A,Alpha,0,1,1,0,,p2,p1,\r\n',
    );
  });

  it('shows the codebook changes of the step in Markdown', async () => {
    fs.writeFileSync(path.join(folder, 'w.yaml'), 'step: step3\ncandidates: [A, B]\nparticipants:\n  - id: p1\n    votes: [A]\n');
    const result = await mdqda(['workshop', path.join(folder, 'w.yaml')]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.includes('| 1 | A Alpha | 1 | 0 | 0 | 1 | p1 | — | — | p1 |'), result.stdout);
    assert.ok(result.stdout.includes('## Codebook changes recorded for step3\n\n- rename: B Beta → B2. clearer name'), result.stdout);
  });

  it('exits 2 with every error of a bad file placed at its line and column', async () => {
    fs.writeFileSync(path.join(folder, 'bad.yaml'), 'candidates: [A, B]\nparticipants:\n  - id: p1\n    inner: [A, C]\n    outer: [A]\n  - id: p1\n');
    const result = await mdqda(['workshop', 'bad.yaml'], folder);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      [
        'bad.yaml:4:16: error: C in the inner of p1 is not one of the candidates (A, B) [not-a-candidate]',
        'bad.yaml:5:13: error: p1 placed A in both the inner and the outer circle; a card goes in one [both-circles]',
        'bad.yaml:6:5: error: participant \'p1\' is listed twice (first at line 3); merge the two entries [duplicate-participant]',
        'mdqda workshop: bad.yaml: 3 errors; no tally',
        '',
      ].join('\n'),
    );
  });

  it('prints warnings and still tallies when the tally can be made', async () => {
    fs.writeFileSync(path.join(folder, 'warn.yaml'), 'step: step3\ncandidates: [A, Q]\nparticipants:\n  - id: p1\n    votes: [Q]\n');
    const result = await mdqda(['workshop', 'warn.yaml', '--format', 'json'], folder);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, 'warn.yaml:2:17: warning: candidate Q is not a code of the codebook, now or in its history [unknown-candidate]\n');
    assert.equal(JSON.parse(result.stdout).candidates[0].id, 'Q');
  });

  it('exits 2 naming a codebook or folder that cannot be read', async () => {
    fs.writeFileSync(path.join(folder, 'w.yaml'), 'candidates: [A]\n');
    const codebook = await mdqda(['workshop', 'w.yaml', '--codebook', 'nope.yaml'], folder);
    assert.equal(codebook.code, 2);
    assert.equal(codebook.stderr, 'mdqda workshop: Cannot read codebook nope.yaml: ENOENT\n');
    const missing = await mdqda(['workshop', 'w.yaml', 'no-such-folder'], folder);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'mdqda workshop: no-such-folder: no such file or folder\n');
  });

  it('exits 2 naming a workshop file that cannot be read', async () => {
    const result = await mdqda(['workshop', 'missing.yaml'], folder);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'mdqda workshop: missing.yaml: cannot read (ENOENT)\n');
  });
});

describe('mdqda pack', () => {
  it('has a card per step-2 candidate tension of the example study', async () => {
    const result = await mdqda(['pack', EXAMPLE, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const pack = JSON.parse(result.stdout);
    assert.equal(pack.step, 'step2');
    assert.equal(pack.by, 'partnership');
    assert.deepEqual(pack.cards.map((c: { id: string }) => c.id), ['T1', 'T2', 'T3', 'TC4', 'TC5', 'TC6', 'TC4 + TC5 + TC6']);
    for (const card of pack.cards.filter((c: { excerpts: number }) => c.excerpts > 0)) assert.ok(card.quotes.length >= 2 && card.quotes.length <= 3, `${card.id}: ${card.quotes.length} quotes`);
    assert.deepEqual(pack.cards.find((c: { id: string }) => c.id === 'TC4 + TC5 + TC6').countedThrough, ['T4', 'T4a', 'T4b']);
    assert.deepEqual(pack.cards.find((c: { id: string }) => c.id === 'TC4').notSeparable, ['TC4 + TC5 + TC6']);
  });

  it('prints the example study’s pack as Markdown cards and as a printable page', async () => {
    const markdown = await mdqda(['pack', EXAMPLE]);
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.deepEqual(markdown.stdout.match(/^## (T\d|TC\d) /gm), ['## T1 ', '## T2 ', '## T3 ', '## TC4 ', '## TC5 ', '## TC6 ', '## TC4 ']);
    const html = await mdqda(['pack', EXAMPLE, '--format', 'html']);
    assert.equal(html.stdout.match(/<section class="card"/g)?.length, 7);
  });

  it('exits 2 with one line for a step the history does not name', async () => {
    const result = await mdqda(['pack', EXAMPLE, '--as-of', 'step5']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, "mdqda pack: the codebook history records no step 'step5' (steps: step2, step3; or 'current')\n");
  });

  it('shows today’s four tensions with --as-of current', async () => {
    const result = await mdqda(['pack', EXAMPLE, '--as-of', 'current', '--format', 'json']);
    assert.deepEqual(JSON.parse(result.stdout).cards.map((c: { id: string }) => c.id), ['T1', 'T2', 'T3', 'T4']);
  });
});
