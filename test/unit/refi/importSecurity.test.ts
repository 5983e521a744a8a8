import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importProject } from '../../../src/core/refi/importProject';
import { readZip } from '../../../src/core/refi/readZip';
import { readXml } from '../../../src/core/refi/readXml';
import { writeImportedFiles } from '../../../src/node/refi/writeImportedFiles';
import { runCli } from '../../../src/cli/main';
import { guid, makeZip, projectXml } from './refiFixtures';

const CODES = `<CodeBook><Codes><Code guid="${guid(10)}" name="A" isCodable="true"/></Codes></CodeBook>`;

function textSource(inner: string, attributes = `guid="${guid(2)}" name="t" plainTextPath="internal://t.txt"`): string {
  return `${CODES}<Sources><TextSource ${attributes}>${inner}</TextSource></Sources>`;
}

function coded(id: number, start: number, end: number, code = 10): string {
  return `<PlainTextSelection guid="${guid(id)}" startPosition="${start}" endPosition="${end}"><Coding guid="${guid(id + 1000)}"><CodeRef targetGUID="${guid(code)}"/></Coding></PlainTextSelection>`;
}

/** A deflated zip with one entry whose central directory claims `declared` bytes uncompressed: a lying zip bomb. */
function lyingZip(name: string, data: Uint8Array, declared: number): Uint8Array {
  const zip = makeZip({ [name]: [data, { level: 9 }] });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = zip.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      view.setUint32(view.getUint32(at + 16, true) + 24, declared, true);
      break;
    }
  }
  return zip;
}

/** The zip with the central directory record of `name` changed by `change` (given the record's offset). */
function directoryChanged(zip: Uint8Array, name: string, change: (view: DataView, at: number) => void): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
  let eocd = copy.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let at = view.getUint32(eocd + 16, true);
  for (let index = 0; index < view.getUint16(eocd + 10, true); index++) {
    const length = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(copy.subarray(at + 46, at + 46 + length)) === name) change(view, at);
    at += 46 + length + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return copy;
}

describe('REFI-QDA import of untrusted packages', () => {
  it('refuses zip-slip entries (../ and absolute paths) and never reads them', () => {
    const zip = makeZip({ 'project.qde': projectXml(textSource('')), 'sources/t.txt': 'ok', '../evil.txt': 'x', '/etc/evil.txt': 'y', 'sources/../../up.txt': 'z' });
    const archive = readZip(zip);
    assert.deepEqual(archive.entries.map((entry) => entry.name).sort(), ['project.qde', 'sources/t.txt']);
    const result = importProject(zip);
    const refused = result.report.skipped.filter((item) => item.kind === 'zip entry').map((item) => item.name).sort();
    assert.deepEqual(refused, ['../evil.txt', '/etc/evil.txt', 'sources/../../up.txt']);
    assert.deepEqual(result.files.map((file) => file.path).sort(), ['codebook.yaml', 't.md']);
  });

  it('refuses symbolic links in the package', () => {
    const link = [new TextEncoder().encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] as [Uint8Array, { os: number; attrs: number }];
    const result = importProject(makeZip({ 'project.qde': projectXml(textSource('')), 'sources/t.txt': link }));
    assert.ok(result.report.skipped.some((item) => item.name === 'sources/t.txt' && /symbolic link/.test(item.reason)));
    assert.ok(result.report.skipped.some((item) => item.kind === 'TextSource' && item.guid === guid(2) && /missing source file/.test(item.reason)));
  });

  it('refuses a path that climbs out of the package in plainTextPath', () => {
    const result = importProject(makeZip({ 'project.qde': projectXml(textSource('', `guid="${guid(2)}" name="t" plainTextPath="internal://../../../etc/passwd"`)) }));
    assert.ok(result.report.skipped.some((item) => item.guid === guid(2) && /refused: the path .* climbs out/.test(item.reason)));
    assert.deepEqual(result.files.map((file) => file.path), ['codebook.yaml']);
  });

  it('never reads sources outside the package (relative:// and absolute paths)', () => {
    for (const outside of ['file:///etc/passwd', 'relative:///passwd', '/etc/passwd']) {
      const result = importProject(makeZip({ 'project.qde': projectXml(textSource('', `guid="${guid(2)}" name="t" plainTextPath="${outside}"`)) }));
      assert.ok(result.report.skipped.some((item) => item.guid === guid(2) && /outside the package/.test(item.reason)), outside);
    }
  });

  it('caps the number of entries', () => {
    const files: Record<string, string> = { 'project.qde': projectXml('') };
    for (let index = 0; index < 30; index++) files[`sources/${index}.txt`] = 'x';
    const result = importProject(makeZip(files), { limits: { maxEntries: 20 } });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /too many entries \(31; at most 20\)/);
  });

  it('caps the uncompressed size of what it reads (a zip bomb stays a few bytes)', () => {
    const bomb = new Uint8Array(50 * 1024 * 1024);
    const zip = makeZip({ 'project.qde': projectXml(textSource('')), 'sources/t.txt': [bomb, { level: 9 }] });
    assert.ok(zip.length < 200_000);
    const result = importProject(zip, { limits: { maxEntryBytes: 1024 * 1024 } });
    assert.ok(result.report.skipped.some((item) => item.guid === guid(2) && /larger than 1048576 bytes/.test(item.reason)));
    const total = importProject(zip, { limits: { maxTotalBytes: 10 * 1024 * 1024 } });
    assert.ok(total.report.skipped.some((item) => /cap of 10485760 bytes uncompressed in total/.test(item.reason)));
  });

  it('inflates no more than the declared size, even when the header lies, and refuses the entry', () => {
    const zip = lyingZip('x.bin', new Uint8Array(5_000_000), 100);
    const read = readZip(zip).read('x.bin');
    assert.equal(read.ok, false);
    assert.match(read.ok ? '' : read.reason, /more than the 100 bytes its header declares/);
  });

  it('refuses a source file whose data is shorter than its header says, naming the entry, instead of reading part of it', () => {
    const zip = directoryChanged(makeZip({ 'project.qde': projectXml(textSource(coded(20, 0, 4))), 'sources/t.txt': 'Some text here.' }), 'sources/t.txt', (view, at) => view.setUint32(at + 24, 40, true));
    const result = importProject(zip);
    const reason = result.report.skipped.find((item) => item.guid === guid(2))?.reason ?? '';
    assert.match(reason, /sources\/t\.txt: damaged: its data is 15 bytes, not the 40 its header declares/);
    assert.ok(!result.files.some((file) => file.path === 't.md'));
  });

  it('refuses a stored (not deflated) entry whose size differs from its header, naming the entry', () => {
    const zip = directoryChanged(makeZip({ 'project.qde': projectXml(textSource('')), 'sources/t.txt': ['Some text here.', { level: 0 }] }), 'sources/t.txt', (view, at) => view.setUint32(at + 24, 10, true));
    const result = importProject(zip);
    assert.match(result.report.skipped.find((item) => item.guid === guid(2))?.reason ?? '', /sources\/t\.txt: damaged: its data is 15 bytes, not the 10 its header declares/);
  });

  it('refuses an entry whose CRC differs from its header, naming the entry', () => {
    const zip = directoryChanged(makeZip({ 'project.qde': projectXml(textSource('')), 'sources/t.txt': 'Some text here.' }), 'sources/t.txt', (view, at) => view.setUint32(at + 16, view.getUint32(at + 16, true) ^ 1, true));
    const result = importProject(zip);
    assert.match(result.report.skipped.find((item) => item.guid === guid(2))?.reason ?? '', /sources\/t\.txt: damaged: its CRC-32 is [0-9a-f]{8}, not the [0-9a-f]{8} its header declares/);
    const xml = directoryChanged(makeZip({ 'project.qde': projectXml('') }), 'project.qde', (view, at) => view.setUint32(at + 16, 0, true));
    assert.match(importProject(xml).error ?? '', /^project\.qde: damaged: its CRC-32/);
  });

  it('never reads external entities or a DTD (XXE)', () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;">${textSource('<PlainTextContent>secret: &xxe;</PlainTextContent>', `guid="${guid(2)}" name="t"`)}</Project>`;
    const result = importProject(makeZip({ 'project.qde': xml }));
    assert.equal(result.ok, true);
    assert.equal(result.report.project, '&xxe;');
    assert.match(result.report.notes.join('\n'), /DOCTYPE declaration: it was ignored/);
    const transcript = result.files.find((file) => file.path === 't.md')!.text;
    assert.ok(transcript.endsWith('secret: &xxe;'));
    assert.ok(!transcript.includes('root:'));
  });

  it('does not expand entity bombs (billion laughs)', () => {
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index || ''};`.repeat(10)}">`)].join('');
    const started = Date.now();
    const parsed = readXml(`<?xml version="1.0"?><!DOCTYPE lolz [${entities}]><Project name="&lol9;"/>`);
    assert.ok(Date.now() - started < 1000);
    assert.equal(parsed.root?.attributes.name, '&lol9;');
  });

  it('reports nesting too deep to be a project instead of running out of stack', () => {
    const depth = 100_000;
    const result = importProject(makeZip({ 'project.qde': `<Project>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</Project>` }));
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /not well-formed XML: Maximum nested tags exceeded/);
  });

  it('reports a selection out of range, a CodeRef to a missing code and a missing source file by GUID, and imports the rest', () => {
    const inner = `${coded(20, 0, 4)}${coded(21, 5, 999)}${coded(22, 5, 9, 99)}`;
    const xml = projectXml(`${CODES}<Sources><TextSource guid="${guid(2)}" name="t" plainTextPath="internal://t.txt">${inner}</TextSource><TextSource guid="${guid(3)}" name="gone" plainTextPath="internal://gone.txt">${coded(30, 0, 1)}</TextSource></Sources>`);
    const result = importProject(makeZip({ 'project.qde': xml, 'sources/t.txt': 'Some text here.' }));
    const reasons = new Map(result.report.skipped.map((item) => [item.guid, item.reason]));
    assert.match(reasons.get(guid(21)) ?? '', /positions 5–999 do not fall on the text/);
    assert.match(reasons.get(guid(1022)) ?? '', new RegExp(`CodeRef to a missing code ${guid(99)}`));
    assert.match(reasons.get(guid(3)) ?? '', /missing source file/);
    assert.match(reasons.get(guid(30)) ?? '', /has no text in the package/);
    assert.ok(result.files.find((file) => file.path === 't.md')!.text.endsWith(':code[Some]{.A} text here.'));
  });

  it('fails clearly on a file that is not a zip, a package without project XML, and broken XML', () => {
    assert.match(importProject(new TextEncoder().encode('hello')).error ?? '', /not a zip/);
    assert.match(importProject(makeZip({ 'readme.txt': 'x' })).error ?? '', /no project\.qde/);
    assert.match(importProject(makeZip({ 'project.qde': '<Project><Sources></Project>' })).error ?? '', /not well-formed/);
  });

  describe('writing the import', () => {
    let folder: string;
    beforeEach(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-refi-'));
    });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('refuses file names that would leave the output folder', async () => {
      for (const name of ['../x.md', '/tmp/x.md', 'a/b.md', '.hidden']) {
        await assert.rejects(writeImportedFiles(path.join(folder, 'out'), [{ path: name, text: 'x' }], true), /refused/);
      }
      assert.deepEqual(fs.readdirSync(folder), ['out']);
      assert.deepEqual(fs.readdirSync(path.join(folder, 'out')), []);
    });

    it('never overwrites an existing file or writes through a link without --force', async () => {
      const outside = path.join(folder, 'outside.md');
      fs.writeFileSync(outside, 'keep');
      fs.mkdirSync(path.join(folder, 'out'));
      fs.symlinkSync(outside, path.join(folder, 'out', 't.md'));
      const zip = makeZip({ 'project.qde': projectXml(textSource('')), 'sources/t.txt': 'Some text.' });
      fs.writeFileSync(path.join(folder, 'in.qdpx'), zip);
      const io = { stdout: () => {}, stderr: (text: string) => (errors += text), cwd: folder };
      let errors = '';
      assert.equal(await runCli(['import', 'in.qdpx', '-o', 'out'], io), 2);
      assert.match(errors, /exist already .*t\.md.*--force/);
      assert.equal(fs.readFileSync(outside, 'utf8'), 'keep');
      assert.ok(!fs.existsSync(path.join(folder, 'out', 'codebook.yaml')), 'nothing written when refusing');
      assert.equal(await runCli(['import', 'in.qdpx', '-o', 'out', '--force'], io), 0);
      assert.equal(fs.readFileSync(outside, 'utf8'), 'keep', 'the link was replaced, not written through');
      assert.ok(fs.readFileSync(path.join(folder, 'out', 't.md'), 'utf8').endsWith('Some text.'));
    });
  });
});

describe('REFI-QDA import of damaged packages', () => {
  it('never throws on a package with random bytes changed or cut off', () => {
    const xml = projectXml(`${CODES}<Sources><TextSource guid="${guid(2)}" name="t" plainTextPath="internal://t.txt">${coded(20, 0, 4)}</TextSource></Sources>`);
    const zip = makeZip({ 'project.qde': xml, 'sources/t.txt': 'Some text here.' });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(zip.length - 1), fc.nat(255)), { minLength: 1, maxLength: 8 }), fc.nat(zip.length), (changes, cut) => {
        const damaged = zip.slice(0, Math.max(cut, zip.length - 40));
        for (const [at, value] of changes) if (at < damaged.length) damaged[at] = value;
        const result = importProject(damaged);
        assert.equal(typeof result.ok, 'boolean');
        if (!result.ok) assert.ok(result.error);
      }),
      { numRuns: 300 },
    );
  });
});
