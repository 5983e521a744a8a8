import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { pseudonymiseTranscript } from '../../../src/core/ingest/pseudonymiseTranscript';
import { applyTextEdits } from '../../../src/core/edit/textEdit';
import { parseTranscript, parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';

const MAP = new Map([
  ['John Smith', 'P1'],
  ['John', 'P2'],
  ['Zoë', 'P3'],
]);

function pseudonymise(text: string, map = MAP): { text: string; counts: Map<string, number>; skipped: string[] } {
  const parsed = parseTranscriptWithMap(text, { path: 'a.md' });
  const result = pseudonymiseTranscript(text, parsed, map);
  assert.ok(result.ok, JSON.stringify(result));
  return { text: applyTextEdits(text, result.edits), counts: result.counts, skipped: result.skipped };
}

describe('pseudonymising transcripts', () => {
  it('replaces whole names, the longest first, case as written, in turns, labels and front matter', () => {
    const result = pseudonymise('---\ntitle: Interview with John Smith\nspeakers: [John Smith, Zoë]\n---\n**John Smith:** John and Johnson met john.\n\n**Zoë:** Hi John_x, Zoë’s here.\n');
    assert.equal(result.text, '---\ntitle: Interview with P1\nspeakers: [P1, P3]\n---\n**P1:** P2 and Johnson met john.\n\n**P3:** Hi John_x, P3’s here.\n');
    assert.deepEqual(Object.fromEntries(result.counts), { 'John Smith': 3, John: 1, 'Zoë': 3 });
  });

  it('keeps codings on their text and never touches their attributes', () => {
    const text = '**Zoë:** I told :code[John Smith about it]{.T1 by=pg memo="John Smith agreed"} and John.\n';
    const result = pseudonymise(text);
    assert.equal(result.text, '**P3:** I told :code[P1 about it]{.T1 by=pg memo="John Smith agreed"} and P2.\n');
    const [excerpt] = parseTranscript(result.text, { path: 'a.md' }).excerpts;
    assert.deepEqual([excerpt.text, excerpt.codes, excerpt.memo, excerpt.speaker], ['P1 about it', ['T1'], 'John Smith agreed', 'P3']);
  });

  it('leaves a name that coding markup splits, and says where', () => {
    const result = pseudonymise('**P9:** Jo:code[hn said]{.T1} yes.\n');
    assert.equal(result.text, '**P9:** Jo:code[hn said]{.T1} yes.\n');
    assert.deepEqual(result.skipped, ['"John" at line 1: coding markup splits it']);
  });

  it('refuses a pseudonym that markup could read', () => {
    const parsed = parseTranscriptWithMap('John.\n', { path: 'a.md' });
    assert.deepEqual(pseudonymiseTranscript('John.\n', parsed, new Map([['John', '[P1]']])), { ok: false, error: '"[P1]" (for "John"): a pseudonym is letters, digits, spaces and . \' ’ _ -' });
  });
});

describe('mdqda pseudonymise', () => {
  let folder: string;
  let out: string;
  let err: string;
  const io = () => ({ stdout: (text: string) => (out += text), stderr: (text: string) => (err += text), cwd: folder });
  const original = '---\nid: a\n---\n**John Smith:** I am :code[John Smith]{.T1 by=pg}.\n';
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-pseudonymise-'));
    fs.mkdirSync(path.join(folder, 'study'));
    fs.writeFileSync(path.join(folder, 'study/a.md'), original);
    fs.writeFileSync(path.join(folder, 'study/b.md'), 'Nobody here.\n');
    fs.writeFileSync(path.join(folder, 'names.yaml'), 'John Smith: P1\n');
    out = '';
    err = '';
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('replaces the names in the files and reports the count per name and file', async () => {
    assert.equal(await runCli(['pseudonymise', '--map', 'names.yaml', 'study'], io()), 0, err);
    assert.equal(fs.readFileSync(path.join(folder, 'study/a.md'), 'utf8'), '---\nid: a\n---\n**P1:** I am :code[P1]{.T1 by=pg}.\n');
    assert.equal(out, 'study/a.md: John Smith → P1 ×2\n2 replacements in 1 of 2 transcripts\n');
  });

  it('prints the diff and writes nothing with --dry-run', async () => {
    assert.equal(await runCli(['pseudonymise', '--map', 'names.yaml', 'study', '--dry-run'], io()), 0, err);
    assert.match(out, /^-\*\*John Smith:\*\* I am :code\[John Smith\]\{\.T1 by=pg\}\.$/m);
    assert.match(out, /^\+\*\*P1:\*\* I am :code\[P1\]\{\.T1 by=pg\}\.$/m);
    assert.equal(fs.readFileSync(path.join(folder, 'study/a.md'), 'utf8'), original);
  });

  it('refuses a map that is not a mapping of names, with one line', async () => {
    fs.writeFileSync(path.join(folder, 'names.yaml'), '- John\n');
    assert.equal(await runCli(['pseudonymise', '--map', 'names.yaml', 'study'], io()), 2);
    assert.equal(err, 'mdqda pseudonymise: names.yaml: write one "Real Name: Pseudonym" line per name\n');
  });
});
