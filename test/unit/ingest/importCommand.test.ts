import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { textFixtures, wordFixtures } from './spokenStudy';

describe('mdqda import with transcripts', () => {
  let folder: string;
  let out: string;
  let err: string;
  const io = () => ({ stdout: (text: string) => (out += text), stderr: (text: string) => (err += text), cwd: folder });
  const write = (name: string, content: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
  };
  const run = async (...args: string[]) => {
    out = '';
    err = '';
    return runCli(['import', ...args], io());
  };
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-ingest-cli-'));
    for (const fixture of textFixtures()) write(`raw/${fixture.file}`, fixture.text);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('imports a folder of transcripts, one Markdown transcript and one summary line per file', async () => {
    assert.equal(await run('raw', '-o', 'study'), 0, err);
    assert.deepEqual(fs.readdirSync(path.join(folder, 'study')).sort(), ['bracket.md', 'colon.md', 'otter.md', 'paren.md', 'podcast.md', 'teams.md', 'zoom.md']);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 7);
    assert.match(lines.find((line) => line.startsWith(path.join('raw', 'teams.vtt'))) ?? '', /→ study\/teams\.md: 6 turns, 3 speakers \(Interviewer, Zoë Łukasz, Ana-María Núñez\), \d+ words$/);
    assert.equal(await runCli(['lint', 'study'], io()), 0, out + err);
  });

  it('writes the type, drops timestamps and renames speakers as asked', async () => {
    assert.equal(await run('raw/teams.vtt', '-o', 'study', '--type', 'focus group', '--timestamps', 'drop', '--speakers', 'Zoë Łukasz=P1,Ana-María Núñez=P2'), 0, err);
    const markdown = fs.readFileSync(path.join(folder, 'study/teams.md'), 'utf8');
    assert.match(markdown, /^type: focus group$/m);
    assert.match(markdown, /^speakers: \[Interviewer, P1, P2\]$/m);
    assert.match(markdown, /^\*\*P1:\*\* It started/m);
    assert.doesNotMatch(markdown, /\[\d\d:\d\d:\d\d\]/);
  });

  it('writes nothing when one file is bad, and names that file', async () => {
    write('raw/old.doc', 'binary');
    assert.equal(await run('raw', '-o', 'study'), 2);
    assert.match(err, /^mdqda import: raw\/old\.doc: an old binary Word file \(\.doc\): .*save it as \.docx$/m);
    assert.equal(fs.existsSync(path.join(folder, 'study')), false);
  });

  it('refuses a --speakers name that never speaks, naming the file, and writes nothing', async () => {
    assert.equal(await run('raw/zoom.vtt', '-o', 'study', '--speakers', 'Speaker 9=P9'), 2);
    assert.match(err, /raw\/zoom\.vtt: --speakers names "Speaker 9", who never speaks in it/);
    assert.equal(fs.existsSync(path.join(folder, 'study')), false);
  });

  it('never replaces an existing transcript without --force', async () => {
    assert.equal(await run('raw/zoom.vtt', '-o', 'study'), 0, err);
    fs.writeFileSync(path.join(folder, 'study/zoom.md'), 'mine');
    assert.equal(await run('raw/zoom.vtt', '-o', 'study'), 2);
    assert.match(err, /exist already .*zoom\.md.*--force/);
    assert.equal(fs.readFileSync(path.join(folder, 'study/zoom.md'), 'utf8'), 'mine');
    assert.equal(await run('raw/zoom.vtt', '-o', 'study', '--force'), 0, err);
    assert.match(fs.readFileSync(path.join(folder, 'study/zoom.md'), 'utf8'), /^id: zoom$/m);
  });

  it('gives a new id when the folder already has a transcript with that id', async () => {
    write('study/other.md', '---\nid: zoom\n---\nText.\n');
    assert.equal(await run('raw/zoom.vtt', '-o', 'study'), 0, err);
    assert.match(fs.readFileSync(path.join(folder, 'study/zoom-2.md'), 'utf8'), /^id: zoom-2$/m);
  });

  it('prints the summary as JSON with --format json, Word files included', async function () {
    this.timeout(30_000);
    const [bold] = await wordFixtures();
    write('word/bold.docx', bold.bytes);
    assert.equal(await run('word/bold.docx', '-o', 'study', '--format', 'json'), 0, err);
    const [report] = JSON.parse(out);
    assert.deepEqual([report.input, report.output, report.turns, report.speakers], ['word/bold.docx', 'study/bold.md', 6, ['Interviewer', 'Zoë Łukasz', 'Ana-María Núñez']]);
  });

  it('refuses a FIFO named like a transcript instead of waiting on it, and writes nothing', async () => {
    execFileSync('mkfifo', [path.join(folder, 'raw/pipe.txt')]);
    assert.equal(await run('raw/pipe.txt', 'raw/zoom.vtt', '-o', 'study'), 2);
    assert.match(err, /^mdqda import: raw\/pipe\.txt: not a regular file \(a FIFO\)$/m);
    assert.equal(fs.existsSync(path.join(folder, 'study')), false);
  });

  it('refuses bad options with one line', async () => {
    assert.equal(await run('raw/zoom.vtt', '-o', 'study', '--timestamps', 'maybe'), 2);
    assert.equal(err, 'mdqda import: --timestamps: use keep or drop, not "maybe"\n');
    assert.equal(await run('raw/zoom.vtt'), 2);
    assert.match(err, /-o FOLDER/);
    assert.equal(await run('empty-folder-missing', '-o', 'study'), 2);
    assert.match(err, /empty-folder-missing: no such file or folder/);
  });
});
