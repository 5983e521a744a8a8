import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliInProcess as cli } from '../cli/runCliInProcess';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import type { SearchHit } from '../../../src/core/search/searchSources';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = ['trust', 'Trust', 'trusted', 'distrust', 'trust2', 'money', 'the', 'partners', 'ward', 'straße', 'café', 'we', 'waited'];
const SPEAKERS = ['P1', 'P2', 'Interviewer', 'P10'];

interface Generated {
  folder: string;
  /** Per file: the text of each turn of P1 (marker included), in order. */
  p1Turns: Map<string, string[]>;
  /** Per file: how many times the whole word `trust` (any case) was written into the plain text. */
  trustCount: Map<string, number>;
}

/** Writes transcripts the project has never seen into a fresh folder outside the repository. */
function generate(seed: number, files: number): Generated {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-autocode-'));
  const p1Turns = new Map<string, string[]>();
  const trustCount = new Map<string, number>();
  for (let file = 0; file < files; file++) {
    const name = `interview-${file}.md`;
    const blocks: string[] = [];
    const turns: string[] = [];
    let trust = 0;
    const sentence = () => {
      const words = Array.from({ length: 3 + Math.floor(next() * 6) }, () => pick(WORDS));
      trust += words.filter((word) => word.toLowerCase() === 'trust').length;
      const text = words.join(' ');
      return text[0].toUpperCase() + text.slice(1) + '.';
    };
    for (let turn = 0; turn < 6 + Math.floor(next() * 6); turn++) {
      if (next() < 0.15) blocks.push(`## Part ${turn}`);
      const speaker = pick(SPEAKERS);
      const paragraphs = [`**${speaker}:** ${sentence()} ${sentence()}`];
      // One turn in four goes on over a second paragraph.
      if (next() < 0.25) paragraphs.push(sentence());
      // Coded text (so the folder search takes the file as a transcript) inside some turns.
      if (next() < 0.5) paragraphs[0] = paragraphs[0].replace(/ ([^ ]+)\.$/, (all, last: string) => ` :code[${last}]{.OLD by=pg}.`);
      blocks.push(...paragraphs);
      if (speaker === 'P1') turns.push(paragraphs.join('\n\n').replace(/:code\[([^\]]*)\]\{[^}]*\}/g, '$1'));
    }
    if (!blocks.some((block) => block.includes(':code['))) blocks.push('**P2:** :code[Fine.]{.OLD by=pg}');
    fs.writeFileSync(path.join(folder, name), `---\nid: i${file}\n---\n\n${blocks.join('\n\n')}\n`);
    p1Turns.set(name, turns);
    trustCount.set(name, trust);
  }
  return { folder, p1Turns, trustCount };
}

function plainTexts(folder: string): Map<string, string> {
  return new Map(fs.readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => [name, parseTranscript(fs.readFileSync(path.join(folder, name), 'utf8'), { path: name }).plainText]));
}

describe('mdqda autocode on transcripts it has never seen', () => {
  let generated: Generated;
  beforeEach(() => {
    generated = generate(20261206, 8);
  });
  afterEach(() => fs.rmSync(generated.folder, { recursive: true, force: true }));

  it('--speaker P1 --unit turn codes exactly the turns of P1, keeps the plain text, and writes nothing the second time', async () => {
    const before = plainTexts(generated.folder);
    const run = await cli(['autocode', '--speaker', 'P1', '--unit', 'turn', '--codes', 'SP1', '--by', 'auto', '.', '--no-cache'], generated.folder);
    assert.equal(run.code, 0, run.stderr);
    const expected = [...generated.p1Turns.values()].reduce((sum, turns) => sum + turns.length, 0);
    assert.ok(expected > 5, 'the generator wrote turns of P1');
    assert.match(run.stderr, new RegExp(`^mdqda autocode: ${expected} codings written in \\d+ files, 0 skipped`, 'm'));
    assert.deepEqual(plainTexts(generated.folder), before);
    for (const [name, turns] of generated.p1Turns) {
      const source = parseTranscript(fs.readFileSync(path.join(generated.folder, name), 'utf8'), { path: name });
      const coded = source.excerpts.filter((excerpt) => excerpt.codes.includes('SP1'));
      assert.deepEqual(coded.map((excerpt) => excerpt.text), turns, name);
      assert.ok(coded.every((excerpt) => excerpt.speaker === 'P1' && excerpt.coder === 'auto'));
    }
    const again = await cli(['autocode', '--speaker', 'P1', '--unit', 'turn', '--codes', 'SP1', '--by', 'auto', '.', '--no-cache'], generated.folder);
    assert.match(again.stderr, new RegExp(`^mdqda autocode: 0 codings written in 0 files, ${expected} skipped`, 'm'));
  });

  it('search --whole-word trust finds exactly the occurrences an independent count finds', async () => {
    const run = await cli(['search', '--whole-word', 'trust', '--format', 'json', '.', '--no-cache'], generated.folder);
    assert.equal(run.code, 0, run.stderr);
    const found = new Map<string, number>();
    for (const hit of JSON.parse(run.stdout) as SearchHit[]) found.set(hit.path, (found.get(hit.path) ?? 0) + 1);
    const expected = new Map([...generated.trustCount].filter(([, count]) => count > 0));
    assert.ok(expected.size > 3);
    assert.deepEqual(found, expected);
  });

  it('--dry-run prints the keyword-in-context list and the diff, and writes nothing', async () => {
    const before = fs.readdirSync(generated.folder).map((name) => fs.readFileSync(path.join(generated.folder, name), 'utf8'));
    const run = await cli(['autocode', '--search', 'trust', '--whole-word', '--unit', 'sentence', '--codes', 'TR', '--dry-run', '.', '--no-cache'], generated.folder);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^\| source \| speaker \| line \| left \| hit \| right \| codes \|$/m);
    assert.match(run.stdout, /^\+.*:code\[[^\]]*[Tt]rust[^\]]*\]\{\.TR\}/m);
    assert.match(run.stderr, /codings to write in \d+ files, 0 skipped \(already coded\), 0 not coded \(dry run, nothing written\)/);
    assert.deepEqual(fs.readdirSync(generated.folder).map((name) => fs.readFileSync(path.join(generated.folder, name), 'utf8')), before);
  });

  for (const [args, message] of [
    [['--speaker', 'Nobody'], /^mdqda autocode: no speaker 'Nobody' in the sources searched; speakers: Interviewer, P1, P10, P2\n$/],
    [['--search', '(trust', '--regex'], /^mdqda autocode: invalid regular expression \/\(trust\/ at column 7: Unterminated group\n$/],
    [['--search', 'x*', '--regex'], /^mdqda autocode: the pattern \/x\*\/ matches the empty string; give one that matches at least one character\n$/],
    [['--search', 'trust', '--unit', 'page'], /^mdqda autocode: --unit takes match, sentence, paragraph, turn, got 'page'\n$/],
  ] as const) {
    it(`refuses ${args.join(' ')} with one line, exit 2, and writes nothing`, async () => {
      const run = await cli(['autocode', ...args, '--codes', 'X', '.', '--no-cache'], generated.folder);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
  }

  it('names the way out when a folder holds no coded transcript', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-autocode-fresh-'));
    try {
      fs.writeFileSync(path.join(empty, 'fresh.md'), '**P1:** Not coded yet.\n');
      const run = await cli(['autocode', '--speaker', 'P1', '--codes', 'X', '.', '--no-cache'], empty);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /name uncoded transcripts as files/);
      const named = await cli(['autocode', '--speaker', 'P1', '--codes', 'X', 'fresh.md', '--no-cache'], empty);
      assert.equal(named.code, 0, named.stderr);
      assert.equal(fs.readFileSync(path.join(empty, 'fresh.md'), 'utf8'), ':::code{.X}\n**P1:** Not coded yet.\n:::\n');
      // An imported transcript names its source id in its front matter: found in a folder even uncoded.
      fs.writeFileSync(path.join(empty, 'imported.md'), '---\nid: imp1\n---\n\n**P1:** Imported, not coded.\n');
      const folder = await cli(['autocode', '--speaker', 'P1', '--codes', 'Y', '.', '--no-cache'], empty);
      assert.equal(folder.code, 0, folder.stderr);
      assert.equal(fs.readFileSync(path.join(empty, 'imported.md'), 'utf8'), '---\nid: imp1\n---\n\n:::code{.Y}\n**P1:** Imported, not coded.\n:::\n');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('stops a regular expression that backtracks badly on a file, names the file and codes the others', async function () {
    this.timeout(20_000);
    fs.writeFileSync(path.join(generated.folder, 'slow.md'), `**P1:** :code[${'a'.repeat(40)}]{.OLD} trust\n`);
    const run = await cli(['autocode', '--search', '(a+)+$|trust', '--regex', '--codes', 'X', '.', '--no-cache'], generated.folder);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^mdqda autocode: slow\.md: the pattern ran longer than 2 s here and was stopped; nothing was coded in this file$/m);
    assert.match(run.stderr, /codings written in \d+ files/);
    assert.ok(!fs.readFileSync(path.join(generated.folder, 'slow.md'), 'utf8').includes('.X'));
  });
});
