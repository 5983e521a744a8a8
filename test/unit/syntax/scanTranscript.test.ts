import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { analyseTranscript } from '../../../src/core/syntax/analyseTranscript';
import { scanOrExplain, scanTranscript } from '../../../src/core/syntax/scan/scanTranscript';
import { readerTally, readTranscriptFacts, useTranscriptReader } from '../../../src/core/syntax/readTranscriptFacts';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { generateTranscript, random } from '../../bench/generateCorpus';

const study = path.join(__dirname, '../../../examples/coproduction-study');

function markdownFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

describe('transcript scanner', () => {
  it('reads every transcript of the example study itself, with the facts micromark reads', () => {
    const files = markdownFiles(study).filter((file) => path.basename(file) !== 'README.md');
    assert.ok(files.length > 0);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      const read = scanOrExplain(text);
      assert.notEqual(typeof read, 'string', `${path.basename(file)} was left to micromark: ${String(read)}`);
      assert.deepEqual(read, analyseTranscript(text), path.basename(file));
    }
  });

  it('reads codings in headings itself: the heading keeps the labels\' text, as micromark reads it', () => {
    const text = '## Being :code[honest]{.HON by=pg} about :note[money]{.x} #\n\nWe were :code[honest]{.HON}.\n';
    const facts = scanOrExplain(text);
    assert.notEqual(typeof facts, 'string', String(facts));
    assert.deepEqual(facts, analyseTranscript(text));
    assert.equal((facts as Exclude<typeof facts, string>).headings[0].text, 'Being honest about money');
    assert.equal((facts as Exclude<typeof facts, string>).directives.length, 2);
    // Markup the scanner does not read in headings still goes to micromark.
    assert.equal(scanOrExplain('# Being :code[*honest*]{.HON}\n'), 'markup in headings');
  });

  it('reads the generated bench transcripts (LF and CRLF, nested, crossing and container codings) itself', () => {
    const next = random(5);
    for (let index = 0; index < 20; index++) {
      const text = generateTranscript(index, { size: 6_000, crlf: index % 2 === 0, nonAscii: true, codingEvery: 250 }, next);
      const facts = scanTranscript(text);
      assert.ok(facts, `transcript ${index} was left to micromark: ${String(scanOrExplain(text))}`);
      assert.deepEqual(facts, analyseTranscript(text));
      assert.ok(facts.directives.length > 5);
    }
  });

  it('leaves what it cannot decide to micromark, and says what it was', () => {
    assert.equal(scanOrExplain('**P1:** hello\n\n- a list item :code[x]{.A}\n'), 'lists');
    assert.equal(scanOrExplain('> a quote :code[x]{.A}\n'), 'block quotes');
    assert.equal(scanOrExplain('<div>\n:code[x]{.A}\n</div>\n'), 'HTML blocks');
    assert.equal(scanOrExplain('see [this](:code[x]{.A})\n'), 'links with a destination');
    assert.equal(scanOrExplain('Title\n=====\n'), 'setext headings');
    assert.equal(scanOrExplain('# A *b*\n'), 'markup in headings');
    assert.equal(scanOrExplain('a\rb'), 'lone carriage returns');
  });

  it('refuses a file nested too deep, as the micromark reading does', () => {
    const text = `${'['.repeat(70)}x`.replace(/^/, ':code');
    assert.deepEqual(scanTranscript(text), analyseTranscript(text));
    assert.equal(scanTranscript(text)?.refused, true);
  });

  it('is what the index reads with, and micromark alone is one switch away', () => {
    const text = '---\nid: t\n---\n\n# Topic\n\n**P1:** :code[we met]{.T1 by=pg} often.\n\n:::code{.T2}\nP2: yes\n:::\n';
    const before = { ...readerTally };
    const scanned = parseTranscript(text, { path: 't.md' });
    assert.equal(readerTally.scanned, before.scanned + 1);
    useTranscriptReader('micromark');
    try {
      assert.deepEqual(readTranscriptFacts(text), analyseTranscript(text));
      assert.deepEqual(parseTranscript(text, { path: 't.md' }), scanned);
      assert.equal(readerTally.scanned, before.scanned + 1);
    } finally {
      useTranscriptReader('scanner');
    }
    assert.deepEqual(scanned.excerpts.map((excerpt) => [excerpt.text, excerpt.codes, excerpt.speaker]), [
      ['we met', ['T1'], 'P1'],
      ['P2: yes', ['T2'], 'P2'],
    ]);
  });
});
