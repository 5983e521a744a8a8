import { strict as assert } from 'node:assert';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { importTranscript } from '../../../src/core/ingest/importTranscript';
import { readTranscript } from '../../../src/core/ingest/readTranscript';
import { wordFixtures } from './spokenStudy';

const bytesOf = (text: string) => new TextEncoder().encode(text);

async function errorOf(bytes: Uint8Array, fileName: string): Promise<string> {
  const result = await readTranscript(bytes, fileName);
  assert.equal(result.ok, false, `${fileName} was read`);
  return result.ok ? '' : result.error;
}

describe('transcript import: bad input', () => {
  let word: Uint8Array;
  before(async function () {
    this.timeout(30_000);
    word = (await wordFixtures())[0].bytes;
  });

  it('says to save an old binary Word file (.doc) as .docx', async () => {
    assert.match(await errorOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.doc'), /\.doc\).*save it as \.docx/);
    assert.match(await errorOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'renamed.docx'), /save it as \.docx/);
  });

  it('says a password-protected Word file is protected', async () => {
    const name = Array.from('EncryptedPackage').flatMap((char) => [char.charCodeAt(0), 0]);
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(500).fill(0), ...name, 0, 0]);
    assert.match(await errorOf(bytes, 'secret.docx'), /password-protected/);
  });

  it('says a truncated, a non-Word zip and a zip with broken document XML are not readable Word files', async () => {
    assert.match(await errorOf(word.subarray(0, Math.floor(word.length / 2)), 'cut.docx'), /damaged Word file/);
    assert.match(await errorOf(zipSync({ 'notes.txt': strToU8('hello') }), 'zip.docx'), /no word\/document\.xml/);
    const parts = unzipSync(word);
    parts['word/document.xml'] = strToU8('<w:document><w:body><w:p>');
    assert.match(await errorOf(zipSync(parts), 'broken.docx'), /damaged Word file/);
    assert.match(await errorOf(bytesOf('plain text'), 'text.docx'), /not a Word \.docx file/);
  });

  it('reads a 50 MB Word file whose size is an embedded file, and does not read that file', async function () {
    this.timeout(60_000);
    const parts = unzipSync(word);
    const big = new Uint8Array(50 * 1024 * 1024);
    for (let index = 0; index < big.length; index += 4096) big[index] = index & 0xff;
    const bytes = zipSync({ ...parts, 'word/media/recording.bin': [big, { level: 0 }] });
    assert.ok(bytes.length > 50 * 1024 * 1024);
    const result = await importTranscript(bytes, 'big.docx', { id: 'big' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.summary.speakers.length, 3);
  });

  it('refuses a caption file without a single cue, and names the first problem', async () => {
    assert.match(await errorOf(bytesOf('WEBVTT\n\n'), 'empty.vtt'), /no cues could be read/);
    assert.match(await errorOf(bytesOf('WEBVTT\n\n00:00:01.000 --> soon\nHello\n'), 'bad.vtt'), /no cues could be read \(.*soon/);
    assert.match(await errorOf(bytesOf('just some words\n'), 'none.srt'), /no cues could be read/);
  });

  it('imports the cues it can read and lists the cues with bad timings as skipped, with their line', async () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>First.\n\n00:00:03.000 --> later\n<v Ana>Lost.\n\n00:00:05.000 --> 00:00:06.000\n<v Bo>Third.\n';
    const result = await importTranscript(bytesOf(vtt), 'gaps.vtt', { id: 'gaps' });
    assert.ok(result.ok);
    assert.deepEqual(result.skipped, ['line 6: cue end timestamp `later` is invalid']);
    assert.match(result.markdown, /\*\*Ana:\*\* \[00:00:01\] First\.\n\n\*\*Bo:\*\* \[00:00:05\] Third\.\n$/);
  });

  it('refuses a binary file renamed .txt, and an empty text file', async () => {
    const binary = new Uint8Array(4096).map((_, index) => (index * 7919) & 0xff);
    assert.match(await errorOf(binary, 'photo.txt'), /not a text file/);
    assert.match(await errorOf(bytesOf(' \n\n \n'), 'blank.txt'), /no text/);
  });

  it('reads a text file that is not UTF-8 as Windows-1252 and says so', async () => {
    const latin = new Uint8Array([...bytesOf('Zo'), 0xeb, ...bytesOf(': Caf'), 0xe9, ...bytesOf(' ok\nZo'), 0xeb, ...bytesOf(': again\n')]);
    const result = await importTranscript(latin, 'latin.txt', { id: 'latin' });
    assert.ok(result.ok);
    assert.deepEqual(result.summary.speakers, ['Zoë']);
    assert.match(result.markdown, /\*\*Zoë:\*\* Café ok\n\nagain\n$/);
    assert.deepEqual(result.skipped, ['not valid UTF-8: read as Windows-1252']);
  });

  it('refuses file names of other formats', async () => {
    assert.match(await errorOf(bytesOf('x'), 'notes.pdf'), /not a transcript file/);
  });
});
