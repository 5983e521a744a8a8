import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';

/** Runs `mdqda ARGS` in-process and collects its output. */
async function mdqda(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--no-cache'], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

const CODEBOOK = `codes:
  - id: T1
    name: Meaning
    group: tensions
    color: "#1f77b4"
    children:
      - id: T1a
        name: Unclear meaning
  - id: T2
    name: Power
    group: tensions
  - id: M1
    name: Shared goals
    group: mechanisms
`;

const NORTH = `---
id: N1
partnership: North
---

**P1:** Nobody agrees :code[what co-production means]{.T1a by=ann} here.

**P1:** :code[Academics see themselves as experts]{.T2 .M1 by=ann exemplar} and :code[that is hard]{.T2 by=bob}.
`;

const SOUTH = `---
id: S1
partnership: South
---

**P2:** :code[Power sits with the <script>university</script> & co]{.T2 by=bob}.
`;

describe('mdqda summary', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-summary-'));
    fs.writeFileSync(path.join(folder, 'codebook.yaml'), CODEBOOK);
    fs.writeFileSync(path.join(folder, 'north.md'), NORTH);
    fs.writeFileSync(path.join(folder, 'south.md'), SOUTH);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints the tension table by partnership as Markdown', async () => {
    const result = await mdqda(['summary', '.', '--table', 'tensions', '--by', 'partnership'], folder);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.ok(lines.includes('| Tension | North | South | Total | Exemplar quotes |'), result.stdout);
    assert.ok(lines.includes('| T1 Meaning | 1 (1) | 0 (0) | 1 (1) | “what co-production means” (P1, N1) |'), result.stdout);
    assert.ok(lines.includes('| T2 Power | 2 (1) | 1 (1) | 3 (2) | “Academics see themselves as experts” (P1, N1) |'), result.stdout);
  });

  it('prints frequencies by default', async () => {
    const result = await mdqda(['summary', '.'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\*\*Code frequencies\.\*\*/);
  });

  it('agrees with mdqda excerpts on the number of excerpts per code', async () => {
    const excerpts = JSON.parse((await mdqda(['excerpts', '.', '--format', 'json'], folder)).stdout) as { codes: string[] }[];
    const table = JSON.parse((await mdqda(['summary', '.', '--format', 'json'], folder)).stdout);
    for (const id of ['T1', 'T1a', 'T2', 'M1']) {
      const expected = excerpts.filter((excerpt) => excerpt.codes.includes(id)).length;
      const row = table.rows.find((candidate: { key: string }) => candidate.key === id);
      assert.equal(row.cells[0].excerpts, expected, id);
    }
  });

  it('agrees with mdqda excerpts on the example study, rolled-up tension totals included', async function () {
    this.timeout(60_000);
    const study = path.resolve(__dirname, '../../../examples/coproduction-study');
    const excerpts = JSON.parse((await mdqda(['excerpts', study, '--format', 'json'], folder)).stdout) as { codes: string[] }[];
    assert.ok(excerpts.length > 50);
    const frequencies = JSON.parse((await mdqda(['summary', study, '--format', 'json'], folder)).stdout);
    for (const row of frequencies.rows.filter((r: { kind: string }) => r.kind === 'code')) {
      assert.equal(row.cells[0].excerpts, excerpts.filter((e) => e.codes.includes(row.key)).length, row.key);
    }
    const tensions = JSON.parse((await mdqda(['summary', study, '--table', 'tensions', '--by', 'partnership', '--format', 'json'], folder)).stdout);
    const total = tensions.columns.findIndex((c: { key: string }) => c.key === 'total');
    const rows = tensions.rows as { key: string; kind: string; depth: number; cells: { excerpts: number }[] }[];
    rows.forEach((row, index) => {
      if (row.kind !== 'code') return;
      // The row's family: itself and the deeper rows that follow it.
      const family = [row.key];
      for (let next = index + 1; next < rows.length && rows[next].kind === 'code' && rows[next].depth > row.depth; next += 1) family.push(rows[next].key);
      const expected = excerpts.filter((e) => e.codes.some((id) => family.includes(id))).length;
      assert.equal(row.cells[total].excerpts, expected, row.key);
    });
  });

  it('writes HTML atomically to -o, escaping the transcript', async () => {
    const result = await mdqda(['summary', '.', '--table', 'sources', '--format', 'html', '-o', 'table.html'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    const html = fs.readFileSync(path.join(folder, 'table.html'), 'utf8');
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.deepEqual(fs.readdirSync(folder).sort(), ['codebook.yaml', 'north.md', 'south.md', 'table.html']);
    const tableWithQuotes = await mdqda(['summary', '.', '--table', 'tensions', '--where', 'partnership=South', '--format', 'html'], folder);
    assert.ok(tableWithQuotes.stdout.includes('&lt;script&gt;university&lt;/script&gt; &amp; co'));
    assert.ok(!tableWithQuotes.stdout.includes('<script>'));
  });

  it('writes CSV with a byte order mark when asked', async () => {
    const result = await mdqda(['summary', '.', '--format', 'csv', '--bom'], folder);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.startsWith('\uFEFFkey,Code,depth,Excerpts,Sources,Coders,Words,Share of corpus coded\r\n'));
  });

  it('exits 2 with one line naming the unknown attribute', async () => {
    const result = await mdqda(['summary', '.', '--table', 'tensions', '--by', 'region'], folder);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^mdqda summary: no source has the attribute 'region' for --by \(attributes: id, partnership, path; or 'source', 'speaker'\)\n$/);
  });

  it('exits 2 for an unknown table, group or coder', async () => {
    assert.equal((await mdqda(['summary', '.', '--table', 'pie'], folder)).code, 2);
    assert.match((await mdqda(['summary', '.', '--table', 'tensions', '--group', 'barriers'], folder)).stderr, /unknown group 'barriers'/);
    assert.match((await mdqda(['summary', '.', '--coder', 'cat'], folder)).stderr, /unknown coder 'cat'/);
  });

  it('exits 2 for a folder without transcripts', async () => {
    const empty = path.join(folder, 'empty');
    fs.mkdirSync(empty);
    const result = await mdqda(['summary', 'empty'], folder);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no transcripts found under empty/);
  });

  it('warns on stderr about codes missing from the codebook but still prints them', async () => {
    fs.writeFileSync(path.join(folder, 'extra.md'), '---\nid: X\n---\n\n:code[odd bit]{.Z9 by=ann}\n');
    const result = await mdqda(['summary', '.'], folder);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /\| Z9 \(not in codebook\) \| 1 \|/);
    assert.match(result.stderr, /warning: codes used in transcripts but missing from the codebook: Z9/);
  });
});
