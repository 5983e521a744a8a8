import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliInProcess } from '../cli/runCliInProcess';

const mdqda = (args: string[], cwd: string) => runCliInProcess([...args, '--no-cache'], cwd);

const CODEBOOK = `codes:
  - id: T1
    name: Money
  - id: T2
    name: Power
`;

const GROUP = `---
id: G1
---

**Ann:** The :code[money decides]{.T1} and the money goes elsewhere.

**Bo:** :code[Power sits with the university]{.T2}, and the university knows it.

**Ann:** :code[Power]{.T2} again.
`;

describe('mdqda summary: speakers and words', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-speakers-'));
    fs.writeFileSync(path.join(folder, 'codebook.yaml'), CODEBOOK);
    fs.writeFileSync(path.join(folder, 'group.md'), GROUP);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints the speakers table', async () => {
    const result = await mdqda(['summary', '.', '--table', 'speakers'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.includes('| Speaker | Turns | Words | Excerpts | Share coded | T1 | T2 |'), result.stdout);
    // Ann: 8 + 2 words, "money decides" + "Power" coded; Bo: 10 words, 5 coded.
    assert.ok(result.stdout.includes('| Ann | 2 | 10 | 2 | 30.0% | 1 | 1 |'), result.stdout);
    assert.ok(result.stdout.includes('| Bo | 1 | 10 | 1 | 50.0% | 0 | 1 |'), result.stdout);
  });

  it('counts by speaker and filters by speaker', async () => {
    const bySpeaker = await mdqda(['summary', '.', '--table', 'sources', '--by', 'speaker'], folder);
    assert.equal(bySpeaker.code, 0, bySpeaker.stderr);
    assert.ok(bySpeaker.stdout.includes('| T2 Power | 1 (1) | 1 (1) | 2 (1) |'), bySpeaker.stdout);
    const bo = await mdqda(['summary', '.', '--where', 'speaker=Bo', '--format', 'json'], folder);
    const t2 = JSON.parse(bo.stdout).rows.find((row: { key: string }) => row.key === 'T2');
    assert.equal(t2.cells[0].value, 1);
  });

  it('exits 2 naming the speakers that exist when a speaker is unknown', async () => {
    for (const command of [['summary', '.', '--where', 'speaker=Cy'], ['excerpts', '.', '--where', 'speaker=Cy']]) {
      const result = await mdqda(command, folder);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /'Cy'.*speakers: Ann, Bo/);
      assert.equal(result.stdout, '');
    }
  });

  it('lists the excerpts of one speaker', async () => {
    const result = await mdqda(['excerpts', '.', '--where', 'speaker=Ann', '--format', 'json'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).map((excerpt: { text: string }) => excerpt.text), ['money decides', 'Power']);
  });

  it('prints word frequencies without the stop words of a file', async () => {
    fs.writeFileSync(path.join(folder, 'stop.txt'), '# ours\nuniversity\n');
    const result = await mdqda(['summary', '.', '--table', 'words', '--stop-words', 'stop.txt', '--format', 'csv'], folder);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\r\n');
    assert.equal(lines[0], 'key,Word,depth,Occurrences,Sources,Share of words');
    // Counted: money 2, power 2, decides, goes, elsewhere, sits, knows: 9 words.
    assert.deepEqual(lines.slice(1, 3), ['money,money,0,2,1,22.2', 'power,power,0,2,1,22.2']);
    assert.ok(!result.stdout.includes('university'));
  });

  it('refuses an unreadable stop-word file, an unknown language and --top 0', async () => {
    const missing = await mdqda(['summary', '.', '--table', 'words', '--stop-words', 'nope.txt'], folder);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.txt: cannot read the stop words/);
    const language = await mdqda(['summary', '.', '--table', 'words', '--language', 'xx'], folder);
    assert.equal(language.code, 2);
    assert.match(language.stderr, /no stop-word list for 'xx'/);
    const top = await mdqda(['summary', '.', '--table', 'words', '--top', '0'], folder);
    assert.equal(top.code, 2);
  });
});
