import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkspace } from '../../../src/node/loadWorkspace';
import { defaultThreads, freeCores, helperCount, parseAll, planBatches } from '../../../src/node/parsePool';
import { parseCompact } from '../../../src/core/syntax/parseCompact';
import { ensureBuilt, repoRoot } from '../cli/runCli';

describe('loadWorkspace', () => {
  let folder: string;
  let cacheFolder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-ws-'));
    cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-cache-'));
  });
  afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(cacheFolder, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  };
  const load = (paths = ['.'], cache = true) => loadWorkspace({ paths, cwd: folder, cache, cacheFolder });

  it('indexes files with code markup and skips others found in folders, but not files named directly', async () => {
    write('a.md', ':code[x]{.A}\n');
    write('notes/readme.md', 'no codings here\n');
    write('notes/howto.md', 'write `:code[text]{.T1}` to code text\n');
    write('node_modules/pkg/b.md', ':code[x]{.A}\n');
    write('.hidden/c.md', ':code[x]{.A}\n');
    assert.deepEqual((await load()).sources.map((source) => source.path), ['a.md']);
    const named = await load(['.', 'notes/readme.md']);
    assert.deepEqual(named.sources.map((source) => source.path), ['a.md', 'notes/readme.md']);
  });

  it('indexes an uncoded file found in a folder when its front matter names its source id (an imported transcript)', async () => {
    write('a.md', ':code[x]{.A}\n');
    write('imported/p1.md', '---\nid: P1\ntitle: Interview\ntype: interview\n---\n\n**P1:** Nothing coded yet.\n');
    write('imported/p2.md', '\uFEFF---\r\nid: P2\r\n---\r\n\r\n**P2:** Nor here.\r\n');
    write('notes/readme.md', '---\ntitle: Notes\n---\nno id, no codings\n');
    write('notes/late.md', '---\ntitle: Notes\n---\nid: not in the front matter\n');
    for (const cache of [true, true, false]) {
      const workspace = await load(['.'], cache);
      assert.deepEqual(workspace.sources.map((source) => [source.path, source.id, source.excerpts.length]), [
        ['a.md', 'a', 1], ['imported/p1.md', 'P1', 0], ['imported/p2.md', 'P2', 0],
      ]);
    }
  });

  it('gives the same sources from the cache as from a fresh parse, and writes the cache outside the transcripts', async () => {
    write('a.md', '---\nid: A1\n---\n**P1:** :code[x]{.A by=pg} and :::code\n');
    write('b.md', ':::code{.B}\npara\n:::\n');
    const fresh = await load(['.'], false);
    const first = await load();
    const warm = await load();
    assert.deepEqual(warm.sources, fresh.sources);
    assert.deepEqual(first.sources, fresh.sources);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['a.md', 'b.md']);
    assert.equal(fs.readdirSync(cacheFolder).length, 1);
  });

  it('notices a changed file even when the cache holds its old version', async () => {
    write('a.md', ':code[x]{.A}\n');
    await load();
    write('a.md', ':code[x]{.B}\n');
    assert.deepEqual((await load()).sources[0].excerpts[0].codes, ['B']);
  });

  it('ignores a corrupt cache file', async () => {
    write('a.md', ':code[x]{.A}\n');
    await load();
    const [file] = fs.readdirSync(cacheFolder);
    fs.writeFileSync(path.join(cacheFolder, file), '{not json');
    assert.equal((await load()).sources[0].excerpts.length, 1);
  });

  it('reports duplicate source ids and unknown codes, and keeps both sources', async () => {
    write('codebook.yaml', 'codes:\n  - id: A\n    name: A code\n');
    write('one.md', '---\nid: same\n---\n:code[x]{.A}\n');
    write('two.md', '---\nid: same\n---\n:code[y]{.Q}\n');
    const workspace = await load();
    assert.equal(workspace.sources.length, 2);
    const rules = workspace.diagnostics.map((diagnostic) => `${diagnostic.path}:${diagnostic.line}:${diagnostic.ruleId}`);
    assert.ok(rules.includes('two.md:1:duplicate-source-id'), rules.join(' '));
    assert.ok(rules.includes('two.md:4:unknown-code'), rules.join(' '));
    assert.equal(workspace.codebook.codes.size, 1);
  });

  it('gives the same workspace, diagnostics and order whether each file is parsed as it is read (one thread) or all are read first', async () => {
    write('a.md', '---\nid: A1\n---\n**P1:** :code[x]{.A by=pg} and :::code\n');
    write('b.md', '\uFEFF# Topic\r\n\r\n**P2:** :code[caf\u00e9 \u{1F600}]{.B memo="m"}\r\n');
    write('notes/howto.md', 'write `:code[text]{.T1}` to code text\n');
    write('notes/plain.md', 'no codings here\n');
    write('named.md', 'nothing coded, named directly\n');
    write('binary.md', ':code[x]{.A}\n\u0000\n');
    write('large.md', `:code[x]{.A}\n${'y'.repeat(3000)}\n`);
    write('bad.md', '---\nid: [unclosed\n---\n:::code{.A}\nno end\n');
    fs.writeFileSync(path.join(folder, 'latin1.md'), Buffer.concat([Buffer.from(':code[x]{.A} caf'), Buffer.from([0xe9, 0x0a])]));
    const paths = ['.', 'named.md', 'missing.md'];
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [path.join(folder, 'pipe.md')]);
      paths.push('pipe.md');
    }
    const loadWith = (maxWorkers: number, cache: boolean, cacheName: string) =>
      loadWorkspace({ paths, cwd: folder, cache, cacheFolder: path.join(cacheFolder, cacheName), maxBytes: 2000, maxWorkers });
    const fresh = await loadWith(1, false, 'none');
    assert.deepEqual(fresh.sources.map((source) => source.path), ['a.md', 'b.md', 'bad.md', 'latin1.md', 'named.md']);
    assert.deepEqual(
      fresh.diagnostics.filter((diagnostic) => ['binary-file', 'file-too-large', 'invalid-utf8', 'not-a-regular-file', 'path-not-found'].includes(diagnostic.ruleId)).map((diagnostic) => `${path.basename(diagnostic.path)} ${diagnostic.ruleId}`).sort(),
      ['binary.md binary-file', 'large.md file-too-large', 'latin1.md invalid-utf8', 'missing.md path-not-found', ...(paths.includes('pipe.md') ? ['pipe.md not-a-regular-file'] : [])],
    );
    for (const [maxWorkers, cacheName] of [[1, 'in-turn'], [2, 'read-first']] as const) {
      for (const round of ['cold', 'warm']) {
        const workspace = await loadWith(maxWorkers, true, cacheName);
        assert.deepEqual(workspace.sources, fresh.sources, `${maxWorkers} thread(s), ${round}`);
        assert.deepEqual(workspace.diagnostics, fresh.diagnostics, `${maxWorkers} thread(s), ${round}`);
      }
    }
    assert.deepEqual((await loadWith(2, false, 'none')).diagnostics, fresh.diagnostics);
  });

  it('keeps indexing the other files when one is broken', async () => {
    write('good.md', ':code[x]{.A}\n');
    write('bad.md', '---\nid: [unclosed\n---\n:::code{.A}\nno end\n');
    const workspace = await load();
    assert.equal(workspace.sources.length, 2);
    assert.ok(workspace.diagnostics.some((diagnostic) => diagnostic.path === 'bad.md' && diagnostic.severity === 'error'));
  });
});

describe('parseAll on worker threads', () => {
  before(() => ensureBuilt());

  it('gives the same compact sources as parsing on this thread, in input order', async () => {
    const inputs = Array.from({ length: 12 }, (_, index) => ({
      text: `# T${index}\n\n` + `**P${index}:** :code[word ${index}]{.A} text 😀 `.repeat(60) + '\n',
      path: `t${index}.md`,
      hash: String(index),
      bom: false,
      writable: true,
      diagnostics: [],
    }));
    const seen: number[] = [];
    const onWorkers = await parseAll(inputs, { workerScript: path.join(repoRoot, 'dist', 'indexWorker.js'), maxWorkers: 2, minParallelChars: 0, onResult: (index) => seen.push(index) });
    assert.deepEqual(onWorkers.map(({ compact, codes }) => ({ compact, codes })), inputs.map((input) => parseCompact(input)));
    assert.deepEqual([...seen].sort((a, b) => a - b), inputs.map((_, index) => index));
  });

  const inputsOf = (sizes: number[]) =>
    sizes.map((size, index) => ({ text: `:code[${index}]{.A} `.padEnd(size, 'x'), path: `t${index}.md`, hash: String(index), bom: false, writable: true, diagnostics: [] }));

  // A worker that fails at its first batch, and one that never answers: this thread parses what they held.
  for (const [behaviour, script, threads] of [
    ['fails', "require('node:worker_threads').parentPort.on('message', () => { throw new Error('worker failed'); });", 3],
    ['never answers', "require('node:worker_threads').parentPort.on('message', () => undefined);", 2],
  ] as const) {
    it(`parses on this thread what a worker that ${behaviour} holds, each result once`, async () => {
      const file = path.join(os.tmpdir(), `mdqda-worker-${process.pid}.js`);
      fs.writeFileSync(file, `${script}\n`);
      try {
        const inputs = inputsOf(Array.from({ length: 30 }, (_, index) => 20_000 + index));
        const seen: number[] = [];
        const results = await parseAll(inputs, { workerScript: file, maxWorkers: threads, minParallelChars: 0, onResult: (index) => seen.push(index) });
        assert.deepEqual(results.map(({ compact, codes }) => ({ compact, codes })), inputs.map((input) => parseCompact(input)));
        assert.deepEqual([...seen].sort((a, b) => a - b), inputs.map((_, index) => index));
      } finally {
        fs.rmSync(file, { force: true });
      }
    });
  }

  it('deals out the largest files first, in batches of about the size asked for', () => {
    const sizes = [500, 5000, 2000, 3000, 1000, 4000];
    const batches = planBatches(inputsOf(sizes), 6000);
    assert.deepEqual(batches, [[1, 5], [3, 2, 4], [0]]);
    assert.deepEqual(planBatches([], 60), []);
  });

  it('starts worker threads only for enough text, one more per such amount, leaving one thread for this one', () => {
    assert.equal(helperCount(399_999, 8, 400_000), 0);
    assert.equal(helperCount(400_000, 8, 400_000), 1);
    assert.equal(helperCount(1_300_000, 8, 400_000), 3);
    assert.equal(helperCount(100_000_000, 4, 400_000), 3);
    assert.equal(helperCount(100_000_000, 1, 400_000), 0);
    assert.equal(helperCount(10, 2, 0), 1);
  });

  it('counts as free the cores that other work leaves idle, besides the one this process runs on', () => {
    assert.equal(freeCores(2, 0), 2);
    assert.equal(freeCores(2, 1.1), 2);
    assert.equal(freeCores(2, 1.7), 1);
    assert.equal(freeCores(2, 9), 1);
    assert.equal(freeCores(8, 3), 6);
    assert.equal(freeCores(1, 0), 1);
  });

  it('parses on this thread alone by default unless at least three cores are free', () => {
    assert.deepEqual([1, 2, 3, 4, 8].map(defaultThreads), [1, 1, 3, 4, 8]);
  });
});

describe('compact sources (the cache form)', () => {
  it('restores exactly the source it was made from', async () => {
    const { parseTranscriptWithMap } = await import('../../../src/core/syntax/parseTranscript');
    const { compactSource, restoreSource } = await import('../../../src/core/syntax/compactSource');
    const text = '---\nid: s1\n---\n# A\n\n## B\n\n**P1:** 😀 :code[one :code[two]{.B id=f}]{.A by=pg memo="m" extra=1} :code[three]{.B id=f}\r\n\r\n:::code{.C exemplar}\nP2: para\n:::\n';
    const { source, map } = parseTranscriptWithMap(text, { path: 'x/s1.md' });
    const restored = restoreSource(JSON.parse(JSON.stringify(compactSource(source, map))), text);
    assert.deepEqual(restored, source);
  });
});
