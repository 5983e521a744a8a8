import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseCompact } from '../../../src/core/syntax/parseCompact';
import { isCompactSource } from '../../../src/node/isCompactSource';
import { loadWorkspace } from '../../../src/node/loadWorkspace';

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
  const cacheFile = () => path.join(cacheFolder, fs.readdirSync(cacheFolder).find((name) => name.endsWith('.json'))!);

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
    const stored = JSON.parse(fs.readFileSync(cacheFile(), 'utf8'));
    const keys = Object.keys(stored.entries);
    assert.equal(keys.length, 2);
    for (const garbage of [0, false, '', 'text', 42, [], [1, 2], {}, { source: null }, { source: {}, turns: 5 }, { excerpts: 'x' }]) {
      for (const key of keys) stored.entries[key] = garbage;
      fs.writeFileSync(cacheFile(), JSON.stringify(stored));
      const workspace = await load();
      assert.deepEqual(workspace.sources, fresh.sources, `entries ${JSON.stringify(garbage)}`);
    }
  });

  it('never fails on an entry with one value of another type anywhere in it, and reads the file afresh', async () => {
    const fresh = await loadWorkspace({ paths: ['.'], cwd: folder, cache: false });
    await load();
    const stored = JSON.parse(fs.readFileSync(cacheFile(), 'utf8'));
    const key = Object.keys(stored.entries).find((name) => name.endsWith(':int01.md'))!;
    const entry = stored.entries[key];
    const places = placesOf(entry).filter((at) => at.length > 0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...places), fc.jsonValue(), async (at, replacement) => {
        let current: unknown = entry;
        for (const step of at) current = (current as Record<string | number, unknown>)[step];
        fc.pre(kindOf(replacement) !== kindOf(current));
        // Places whose value may be of several kinds (strings or null, any front matter value).
        fc.pre(!(at[0] === 'source' && at[1] === 'attributes' && at.length > 2));
        fc.pre(!(at[0] === 'excerpts' && [0, 2, 3, 5].includes(at[2] as number) && at.length === 3 && (replacement === null || kindOf(current) === 'null')));
        stored.entries[key] = replaced(entry, at, replacement);
        fs.writeFileSync(cacheFile(), JSON.stringify(stored));
        const workspace = await load();
        assert.deepEqual(workspace.sources, fresh.sources, `${JSON.stringify(at)} = ${JSON.stringify(replacement)}`);
      }),
      { numRuns: 150 },
    );
  });
});
