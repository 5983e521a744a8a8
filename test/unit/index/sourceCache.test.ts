import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';
import { loadWorkspace } from '../../../src/node/loadWorkspace';
import { decodeCacheFile, encodeCacheFile } from '../../../src/node/sourceCache';
import { encodeSourceEntry, restoreSourceEntry } from '../../../src/node/sourceEntry';
import { document } from '../syntax/scannerModel';

const transcript = '---\nid: int01\ncoders: [pg]\n---\n# Funding\n\n**P1:** We :code[receive the money]{.T1 .M2 by=pg memo="late" exemplar} late.\n\n:::code{.T2 by=rk}\n**P2:** It is hard.\n:::\n';

/** A parse of `text`, its cache entry, and the file text it is restored with (without BOM). */
function entryOf(text: string, options: { path?: string; hash?: string } = {}) {
  const { source, map } = parseTranscriptWithMap(text, { path: options.path ?? 'x.md', hash: options.hash ?? 'h' });
  return { source, entry: Buffer.from(encodeSourceEntry(source, map.toSegments())), body: text.replace(/^\ufeff/, '') };
}

describe('cache entries (binary sources)', () => {
  it('restores exactly the source encoded, for every construct the parser reads', () => {
    const texts = [
      transcript,
      '\ufeff---\nid: x\ntags: [a, {b: c}]\nn: 3\n---\r\n:code[a]{.T1 #e1 k=v data-x="y z"}\r\n',
      ':::code{.T1}\nunclosed\n',
      '# H\n\n## G 😀\n\n**P:** 😀 𝒜 :code[b 😀]{.T1 by=pg} :code[c]{.T1 #e1}\n\n**Q:** :code[one :code[two]{.B id=f}]{.A by=pg memo="m" extra=1}\n',
      ':code[x]{.A}',
      'nothing coded',
      '',
    ];
    for (const text of texts) {
      const { source, entry, body } = entryOf(text);
      assert.deepEqual(restoreSourceEntry(entry, body), source, JSON.stringify(text));
    }
  });

  it('restores exactly the source encoded, for random transcripts (property)', () => {
    fc.assert(
      fc.property(document, (text) => {
        const { source, entry, body } = entryOf(text, { path: 'dir/any file.md', hash: 'abc' });
        assert.deepEqual(restoreSourceEntry(entry, body), source);
      }),
      { numRuns: 400, seed: 17 },
    );
  });

  it('gives a miss, never an error, for an entry cut short, lengthened or with any bytes changed (property)', () => {
    const { source, entry } = entryOf(transcript);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat({ max: entry.length - 1 }).map((end) => ({ cut: end })),
          fc.uint8Array({ minLength: 1, maxLength: 4 }).map((extra) => ({ extra })),
          fc.array(fc.tuple(fc.nat({ max: entry.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }).map((changes) => ({ changes })),
        ),
        (damage) => {
          let damaged: Buffer;
          if ('cut' in damage) damaged = entry.subarray(0, damage.cut);
          else if ('extra' in damage) damaged = Buffer.concat([entry, damage.extra]);
          else {
            damaged = Buffer.from(entry);
            for (const [at, value] of damage.changes) damaged[at] = value;
          }
          const restored = restoreSourceEntry(damaged, transcript);
          // A change may still read as a source (a letter of a code, say); the cache file's checksum is what catches it.
          if ('cut' in damage || 'extra' in damage) assert.equal(restored, undefined);
          else if (damaged.equals(entry)) assert.deepEqual(restored, source);
        },
      ),
      { numRuns: 1000, seed: 5 },
    );
    for (const garbage of ['', '\u0000', 'null', '[]', '{}', '\u0005[1,2]']) assert.equal(restoreSourceEntry(Buffer.from(garbage), transcript), undefined, garbage);
  });

  it('refuses a source with a number that is not a whole number from 0, and encodes the next one as if it had not been asked', () => {
    const { source, entry } = entryOf(transcript);
    const broken = { ...source, turns: [{ ...source.turns[0], start: -1 }] };
    assert.throws(() => encodeSourceEntry(broken, [0, 1]), RangeError);
    assert.throws(() => encodeSourceEntry({ ...source, headings: [{ ...source.headings[0], line: 1.5 }] }, [0, 1]), RangeError);
    const { map } = parseTranscriptWithMap(transcript, { path: 'x.md', hash: 'h' });
    assert.deepEqual(Buffer.from(encodeSourceEntry(source, map.toSegments())), entry);
  });

  it('restores from the ASCII bytes of a file the source it restores from its text, and leaves the bytes as they were on a miss (property)', () => {
    const ascii = document.map((text) => text.replace(/[^\x00-\x7f]/g, 'x'));
    fc.assert(
      fc.property(ascii, fc.nat(), (text, cut) => {
        const { source, entry, body } = entryOf(text, { path: 'dir/any file.md', hash: 'abc' });
        // Padding after the text, as in a read buffer used again, is neither read nor kept.
        const bytes = Buffer.from(`${body}padding`, 'latin1').subarray(0, body.length);
        assert.deepEqual(restoreSourceEntry(entry, bytes), source);
        const unchanged = Buffer.from(body, 'latin1');
        const copy = Buffer.from(unchanged);
        assert.equal(restoreSourceEntry(entry.subarray(0, cut % entry.length), copy), undefined);
        assert.deepEqual(copy, unchanged);
      }),
      { numRuns: 300, seed: 23 },
    );
  });

  it('gives a miss, and leaves the bytes as they were, for an entry whose kept stretches overlap or go back', () => {
    const { source, map } = parseTranscriptWithMap(transcript, { path: 'x.md', hash: 'h' });
    const segments = map.toSegments();
    assert.ok(segments.length >= 4);
    const swapped = [segments[2], segments[3], segments[0], segments[1], ...segments.slice(4)];
    const bytes = Buffer.from(transcript, 'latin1');
    assert.equal(restoreSourceEntry(Buffer.from(encodeSourceEntry(source, swapped)), bytes), undefined);
    assert.equal(restoreSourceEntry(Buffer.from(encodeSourceEntry(source, swapped)), transcript), undefined);
    assert.deepEqual(bytes, Buffer.from(transcript, 'latin1'));
  });

  it('gives a miss for an entry whose plain text does not fit the file text given', () => {
    const { entry } = entryOf(transcript);
    assert.equal(restoreSourceEntry(entry, transcript.slice(0, 40)), undefined);
  });
});

describe('the parse cache (MDQDA_CACHE_DIR)', () => {
  let folder: string;
  let cacheFolder: string;
  const previous = process.env.MDQDA_CACHE_DIR;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-cache-shape-'));
    cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-cache-dir-'));
    process.env.MDQDA_CACHE_DIR = cacheFolder;
    fs.writeFileSync(path.join(folder, 'int01.md'), transcript);
    fs.writeFileSync(path.join(folder, 'found.md'), 'Found in the folder: :code[text]{.T3 by=pg}\n');
    fs.writeFileSync(path.join(folder, 'mentions.md'), 'Write `:code[text]{.T1}` to code.\n');
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
  const cacheFile = () => path.join(cacheFolder, fs.readdirSync(cacheFolder).find((name) => name.endsWith('.cache'))!);
  const readEntries = () => decodeCacheFile(fs.readFileSync(cacheFile()));
  const writeEntries = (entries: Map<string, Uint8Array>) => fs.writeFileSync(cacheFile(), encodeCacheFile(entries));

  it('serves every source from the cache once it is warm, equal to a fresh parse', async () => {
    const fresh = await loadWorkspace({ paths: ['.'], cwd: folder, cache: false });
    await load();
    const entries = readEntries();
    assert.equal(entries.size, 3);
    // The file that only mentions `:code` is remembered as no transcript: an empty entry.
    assert.deepEqual([...entries].filter(([, bytes]) => bytes.length === 0).map(([key]) => key.split(':')[1]), ['mentions.md']);
    // An entry of a heading spelt otherwise (the plain text as long) shows the cache is used.
    const marked = new Map([...entries].map(([key, bytes]) => {
      if (!key.endsWith(':int01.md')) return [key, bytes];
      const text = fs.readFileSync(path.join(folder, 'int01.md'), 'utf8');
      const { source, map } = parseTranscriptWithMap(text.replace('Funding', 'Fundinx'), { path: 'int01.md', hash: key.split(':')[0] });
      return [key, encodeSourceEntry(source, map.toSegments())];
    }));
    writeEntries(marked);
    const warm = await load();
    assert.deepEqual(warm.sources.map((source) => source.headings.map((heading) => heading.text)), [[], ['Fundinx']]);
    assert.deepEqual(warm.sources.map((source) => source.path), fresh.sources.map((source) => source.path));
  });

  it('treats damaged entries in a cache file with a good checksum as misses and parses the files again (property)', async () => {
    const fresh = await loadWorkspace({ paths: ['.'], cwd: folder, cache: false });
    await load();
    const stored = readEntries();
    const keys = [...stored.keys()].filter((key) => stored.get(key)!.length > 0);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.boolean(), async (garbage, prefix) => {
        const damaged = new Map<string, Uint8Array>(stored);
        for (const key of keys) damaged.set(key, prefix ? Buffer.concat([stored.get(key)!.subarray(0, garbage.length), garbage]) : garbage);
        writeEntries(damaged);
        const workspace = await load();
        assert.deepEqual(workspace.sources, fresh.sources);
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it('ignores a cache file with any byte changed, cut short or lengthened, and reads the files afresh (property)', async () => {
    const fresh = await loadWorkspace({ paths: ['.'], cwd: folder, cache: false });
    await load();
    const good = fs.readFileSync(cacheFile());
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.constantFrom('change', 'cut', 'extra'), async (at, delta, how) => {
        const damaged = how === 'cut' ? good.subarray(0, at) : how === 'extra' ? Buffer.concat([good, Buffer.from([delta])]) : Buffer.from(good);
        if (how === 'change') damaged[at] = (damaged[at] + delta) % 256;
        assert.equal(decodeCacheFile(damaged).size, 0);
        fs.writeFileSync(cacheFile(), damaged);
        assert.deepEqual((await load()).sources, fresh.sources);
      }),
      { numRuns: 60, seed: 4 },
    );
  });
});

describe('the parse cache file', () => {
  it('gives back every entry as it was written, whatever its key and bytes', () => {
    const entries: [string, Buffer][] = [
      ['h1:a.md', Buffer.from([1, 2, 3, 10, 13, 0])],
      ['h2:dir/ünï 😀\n.md', Buffer.alloc(0)],
      ['h3:c.md', Buffer.from('{"text":"raw\nnewline and \u2028 and 😀"}')],
    ];
    assert.deepEqual([...decodeCacheFile(encodeCacheFile(entries))], entries);
    assert.deepEqual([...decodeCacheFile(encodeCacheFile([]))], []);
  });

  it('reads a file of another version, cut short, lengthened, with a wrong checksum or lengths that do not add up as empty', () => {
    const file = encodeCacheFile([['k1', Buffer.from('{"a":1}')], ['k2', Buffer.alloc(0)]]);
    assert.equal(decodeCacheFile(file).size, 2);
    assert.equal(decodeCacheFile(encodeCacheFile([['k1', Buffer.from('{}')]], 'other version')).size, 0);
    assert.equal(decodeCacheFile(file.subarray(0, -1)).size, 0);
    assert.equal(decodeCacheFile(Buffer.concat([file, Buffer.from(' ')])).size, 0);
    const text = file.toString('latin1');
    const [first, second, ...body] = text.split('\n');
    /** The file with its index and entries as given, and a right checksum. */
    const withChecksum = (rest: string) => `mdqda-cache ${first.split(' ')[1]} ${createHash('sha1').update(Buffer.from(rest, 'latin1')).digest('hex')}\n${rest}`;
    const rest = [second, ...body].join('\n');
    assert.equal(decodeCacheFile(Buffer.from(withChecksum(rest), 'latin1')).size, 2);
    const broken = [
      '',
      '{not json',
      'mdqda-cache\n',
      first.replace(/[0-9a-f]$/, (digit) => (digit === '0' ? '1' : '0')) + '\n' + rest,
      `${first} x\n${rest}`,
      text.replace('{"a":1}', '{"a":2}'),
      text.replace('"k1",7', '"k1",6').replace('"k2",0', '"k2",1'),
      withChecksum(rest.replace('"k1",7', '"k1",-1')),
      withChecksum(rest.replace('"k1",7', '"k1","7"')),
      withChecksum(rest.replace('"k1",7', '"k1",6')),
      withChecksum('null\n'),
      withChecksum(rest.replace('\n', ' ')),
    ];
    for (const bytes of broken) assert.equal(decodeCacheFile(Buffer.from(bytes, 'latin1')).size, 0, bytes);
  });

  it('does not rewrite the file when nothing changed, and keeps the bytes of unchanged entries when one file changed', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-cache-keep-'));
    const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-cache-keep-dir-'));
    try {
      fs.writeFileSync(path.join(folder, 'a.md'), ':code[a]{.A by=pg}\n');
      fs.writeFileSync(path.join(folder, 'b.md'), ':code[b]{.B by=rk}\n');
      const load = () => loadWorkspace({ paths: ['.'], cwd: folder, cacheFolder });
      await load();
      const file = path.join(cacheFolder, fs.readdirSync(cacheFolder)[0]);
      const before = decodeCacheFile(fs.readFileSync(file));
      const stamp = new Date(2000, 0, 1);
      fs.utimesSync(file, stamp, stamp);
      await load();
      assert.equal(fs.statSync(file).mtimeMs, stamp.getTime());
      fs.writeFileSync(path.join(folder, 'b.md'), ':code[b]{.C by=rk}\n');
      const changed = await load();
      assert.deepEqual(changed.sources.map((source) => source.excerpts[0].codes), [['A'], ['C']]);
      const after = decodeCacheFile(fs.readFileSync(file));
      const keyOf = (entries: Map<string, Buffer>, name: string) => [...entries.keys()].find((key) => key.endsWith(`:${name}`))!;
      assert.equal(after.size, 2);
      assert.deepEqual(after.get(keyOf(after, 'a.md')), before.get(keyOf(before, 'a.md')));
      assert.notEqual(keyOf(after, 'b.md'), keyOf(before, 'b.md'));
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(cacheFolder, { recursive: true, force: true });
    }
  });
});
