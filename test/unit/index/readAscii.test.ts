import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { looksLikeTranscript } from '../../../src/core/syntax/looksLikeTranscript';
import { asciiMentionsCode, asciiText, readTranscriptFileSync } from '../../../src/node/readTranscriptFile';

describe('reading ASCII transcripts as bytes', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-ascii-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('gives an ASCII file as its bytes, whose text is the text read otherwise, and decodes any other file as before', () => {
    const files: [string, Buffer][] = [
      ['plain.md', Buffer.from(':code[x]{.A}\r\nline\n')],
      ['bom.md', Buffer.from('\ufeff# T\n:code[x]{.A}\n')],
      ['accent.md', Buffer.from(':code[café]{.A}\n')],
      ['invalid.md', Buffer.from([0x3a, 0x63, 0xff, 0x0a])],
      ['binary.md', Buffer.from([0x61, 0x00, 0x62])],
      ['empty.md', Buffer.alloc(0)],
    ];
    for (const [name, bytes] of files) {
      fs.writeFileSync(path.join(folder, name), bytes);
      const absolute = path.join(folder, name);
      const plain = readTranscriptFileSync(absolute, name);
      const lazy = readTranscriptFileSync(absolute, name, 1 << 20, true);
      if (lazy.ok && 'ascii' in lazy) {
        assert.ok(['plain.md', 'bom.md', 'empty.md'].includes(name), name);
        assert.deepEqual(asciiText(lazy), plain, name);
      } else {
        assert.ok(!['plain.md', 'bom.md', 'empty.md'].includes(name), name);
        assert.deepEqual(lazy, plain, name);
      }
    }
  });

  it('finds `:code` in ASCII bytes exactly where the text test finds it (property)', () => {
    const pieces = fc.constantFrom(':code', ':', 'code', 'x', '-', '_', '9', 'Z', ' ', '[', '{', '\n', '::code', ':codes', 'a');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        assert.equal(asciiMentionsCode(Buffer.from(text, 'latin1')), /:code(?![A-Za-z0-9_-])/.test(text), JSON.stringify(text));
        if (!text.includes('---')) assert.equal(asciiMentionsCode(Buffer.from(text, 'latin1')), looksLikeTranscript(text), JSON.stringify(text));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});
