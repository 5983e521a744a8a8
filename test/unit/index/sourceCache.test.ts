import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseCompact } from '../../../src/core/syntax/parseCompact';
import { isCompactSource } from '../../../src/node/isCompactSource';
import { loadWorkspace } from '../../../src/node/loadWorkspace';
import { decodeCacheFile, encodeCacheFile } from '../../../src/node/sourceCache';

/** Every place in a JSON value, as a list of keys and indexes. */
function placesOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [at, ...keys.flatMap((key) => placesOf((value as Record<string | number, unknown>)[key], [...at, key]))];
}

/** `value` with the place `at` replaced by `replacement` (the whole value when `at` is empty). */
function replaced(value: unknown, at: (string | number)[], replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[at[0]!] = replaced(copy[at[0]!], at.slice(1), replacement);
  return copy;
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

describe('the parse cache (MDQDA_CACHE_DIR)', () => {
  let folder: string;
  let cacheFolder: string;
  const previous = process.env.MDQDA_CACHE_DIR;
  const transcript = '---\nid: int01\ncoders: [pg]\n---\n# Funding\n\n**P1:** We :code[receive the money]{.T1 .M2 by=pg memo="late" exemplar} late.\n\n:::code{.T2 by=rk}\n**P2:** It is hard.\n:::\n';
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-cache-shape-'));
    cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-cache-dir-'));
    process.env.MDQDA_CACHE_DIR = cacheFolder;
    fs.writeFileSync(path.join(folder, 'int01.md'), transcript);
    fs.writeFileSync(path.join(folder, 'found.md'), 'Found in the folder: :code[text]{.T3 by=pg}\n');
  });
  after(() => {
    if (previous === undefined) delete process.env.MDQDA_CACHE_DIR;
    else process.env.MDQDA_CACHE_DIR = previous;
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(cacheFolder, { recursive: true, force: true });
  });

  const load = () => loadWorkspace({ paths: ['.'], cwd: folder });
  beforeEach(() => {
    for (const name of fs.readdirSync(cacheFolder)) fs.rmSync(path.join(cacheFolder, name), { recursive: true, force: true });
  });
  /** The entries of the cache file, parsed. */
  const readEntries = () => new Map([...decodeCacheFile(fs.readFileSync(cacheFile(), 'utf8'))].map(([key, text]) => [key, JSON.parse(text) as unknown]));
  const writeEntries = (entries: Map<string, unknown>) => fs.writeFileSync(cacheFile(), encodeCacheFile([...entries].map(([key, value]) => [key, JSON.stringify(value)])));
  const cacheFile = () => path.join(cacheFolder, fs.readdirSync(cacheFolder).find((name) => name.endsWith('.cache'))!);

  it('accepts every entry the parser writes, so a warm cache is used', () => {
    const texts = [transcript, '\ufeff---\nid: x\n---\r\n:code[a]{.T1 #e1 k=v}\r\n', ':::code{.T1}\nunclosed\n', '# H\n\n**P:** 😀 :code[b]{.T1 by=pg} :code[c]{.T1 #e1}\n'];
    for (const text of texts) {
      const { compact } = parseCompact({ text, path: 'x.md', hash: 'h', bom: false, writable: true, diagnostics: [] });
      assert.ok(isCompactSource(compact), JSON.stringify(compact));
    }
  });

  it('treats a cache entry of the wrong shape as a miss and parses the file again', async () => {
    const fresh = await loadWorkspace({ paths: ['.'], cwd: folder, cache: false });
    await load();
    const stored = readEntries();
    const keys = [...stored.keys()];
    assert.equal(keys.length, 2);
    for (const garbage of [0, false, '', 'text', 42, [], [1, 2], {}, { source: null }, { source: {}, turns: 5 }, { excerpts: 'x' }]) {
      for (const key of keys) stored.set(key, garbage);
      writeEntries(stored);
      const workspace = await load();
      assert.deepEqual(workspace.sources, fresh.sources, `entries ${JSON.stringify(garbage)}`);
    }
    fs.writeFileSync(cacheFile(), encodeCacheFile(keys.map((key) => [key, '{not json'])));
    assert.deepEqual((await load()).sources, fresh.sources, 'entries that are not JSON');
  });

  it('never fails on an entry with one value of another type anywhere in it, and reads the file afresh', async () => {
    const fresh = await loadWorkspace({ paths: ['.'], cwd: folder, cache: false });
    await load();
    const stored = readEntries();
    const key = [...stored.keys()].find((name) => name.endsWith(':int01.md'))!;
    const entry = stored.get(key);
    const places = placesOf(entry).filter((at) => at.length > 0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...places), fc.jsonValue(), async (at, replacement) => {
        let current: unknown = entry;
        for (const step of at) current = (current as Record<string | number, unknown>)[step];
        fc.pre(kindOf(replacement) !== kindOf(current));
        // Places whose value may be of several kinds (strings or null, any front matter value).
        fc.pre(!(at[0] === 'source' && at[1] === 'attributes' && at.length > 2));
        fc.pre(!(at[0] === 'excerpts' && [0, 2, 3, 5].includes(at[2] as number) && at.length === 3 && (replacement === null || kindOf(current) === 'null')));
        stored.set(key, replaced(entry, at, replacement));
        writeEntries(stored);
        const workspace = await load();
        assert.deepEqual(workspace.sources, fresh.sources, `${JSON.stringify(at)} = ${JSON.stringify(replacement)}`);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the parse cache file', () => {
  it('gives back every entry text as it was written, whatever characters it holds', () => {
    const entries: [string, string][] = [
      ['h1:a.md', '{"x":"line\\nbreak"}'],
      ['h2:dir/ünï 😀.md', 'null'],
      ['h3:c.md', '{"text":"raw\nnewline and \u2028 and 😀"}'],
    ];
    assert.deepEqual([...decodeCacheFile(encodeCacheFile(entries))], entries);
    assert.deepEqual([...decodeCacheFile(encodeCacheFile([]))], []);
  });

  it('reads a file of another version, cut short, or with lengths that do not add up as empty', () => {
    const text = encodeCacheFile([['k1', '{"a":1}'], ['k2', 'null']]);
    assert.equal(decodeCacheFile(text).size, 2);
    assert.equal(decodeCacheFile(encodeCacheFile([['k1', '{}']], 'other version')).size, 0);
    assert.equal(decodeCacheFile(text.slice(0, -1)).size, 0);
    assert.equal(decodeCacheFile(text + ' ').size, 0);
    for (const broken of ['', '{not json', '{"version":1}\n', 'null\n', text.replace('"k1",7', '"k1",-1'), text.replace('"k1",7', '"k1","7"')]) {
      assert.equal(decodeCacheFile(broken).size, 0, broken);
    }
  });

  it('does not rewrite the file when nothing changed, and keeps the text of unchanged entries when one file changed', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-cache-keep-'));
    const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-cache-keep-dir-'));
    try {
      fs.writeFileSync(path.join(folder, 'a.md'), ':code[a]{.A by=pg}\n');
      fs.writeFileSync(path.join(folder, 'b.md'), ':code[b]{.B by=rk}\n');
      const load = () => loadWorkspace({ paths: ['.'], cwd: folder, cacheFolder });
      await load();
      const file = path.join(cacheFolder, fs.readdirSync(cacheFolder)[0]);
      const before = decodeCacheFile(fs.readFileSync(file, 'utf8'));
      const stamp = new Date(2000, 0, 1);
      fs.utimesSync(file, stamp, stamp);
      await load();
      assert.equal(fs.statSync(file).mtimeMs, stamp.getTime());
      fs.writeFileSync(path.join(folder, 'b.md'), ':code[b]{.C by=rk}\n');
      const changed = await load();
      assert.deepEqual(changed.sources.map((source) => source.excerpts[0].codes), [['A'], ['C']]);
      const after = decodeCacheFile(fs.readFileSync(file, 'utf8'));
      const keyOf = (entries: Map<string, string>, name: string) => [...entries.keys()].find((key) => key.endsWith(`:${name}`))!;
      assert.equal(after.size, 2);
      assert.equal(after.get(keyOf(after, 'a.md')), before.get(keyOf(before, 'a.md')));
      assert.notEqual(keyOf(after, 'b.md'), keyOf(before, 'b.md'));
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(cacheFolder, { recursive: true, force: true });
    }
  });
});
