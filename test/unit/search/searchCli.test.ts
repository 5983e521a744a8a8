import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliInProcess as cli } from '../cli/runCliInProcess';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import type { SearchHit } from '../../../src/core/search/searchSources';

const example = path.resolve(__dirname, '../../../examples/coproduction-study');

describe('mdqda search', () => {
  it('finds on the example study exactly the whole-word occurrences an independent count of the plain text finds', async () => {
    const result = await cli(['search', '--whole-word', 'money', '--format', 'json', example, '--no-cache'], example);
    assert.equal(result.code, 0, result.stderr);
    const hits = JSON.parse(result.stdout) as SearchHit[];
    const expected = new Map<string, number>();
    for (const file of fs.readdirSync(example).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
      const plain = parseTranscript(fs.readFileSync(path.join(example, file), 'utf8'), { path: file }).plainText;
      const count = plain.split(/[^A-Za-z0-9]+/).filter((word) => word.toLowerCase() === 'money').length;
      if (count > 0) expected.set(file, count);
    }
    const found = new Map<string, number>();
    for (const hit of hits) found.set(hit.path, (found.get(hit.path) ?? 0) + 1);
    assert.ok(hits.length > 5);
    assert.deepEqual(found, expected);
  });

  it('puts each hit on the file line that holds it', async () => {
    const result = await cli(['search', 'money', '--format', 'json', example, '--no-cache'], example);
    const hits = JSON.parse(result.stdout) as SearchHit[];
    for (const hit of hits) {
      const line = fs.readFileSync(path.join(example, hit.path), 'utf8').split('\n')[(hit.line ?? 0) - 1];
      assert.match(line, /money/i, `${hit.path}:${hit.line}`);
    }
  });

  it('lists hits as a Markdown table by default and as CSV and HTML on request', async () => {
    const md = await cli(['search', 'money', '--within', 'T1', example, '--no-cache'], example);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^\| source \| speaker \| line \| left \| hit \| right \| codes \|\n/);
    assert.match(md.stdout, /\| \*\*[Mm]oney\*\* \|/);
    const csv = await cli(['search', 'money', '--within', 'T1', '--format', 'csv', example, '--no-cache'], example);
    assert.equal(csv.stdout.split('\r\n')[0], 'source,path,speaker,line,start,end,left,hit,right,codes');
    assert.equal(csv.stdout.split('\r\n').length - 2, md.stdout.trimEnd().split('\n').length - 2);
    const html = await cli(['search', 'money', '--format', 'html', example, '--no-cache'], example);
    assert.match(html.stdout, /<mark>[Mm]oney<\/mark>/);
  });

  it('counts the descendants of a code for --within', async () => {
    const result = await cli(['search', 'money', '--within', 'T1', '--format', 'json', example, '--no-cache'], example);
    const hits = JSON.parse(result.stdout) as SearchHit[];
    assert.ok(hits.length > 0);
    assert.ok(hits.every((hit) => hit.codes.some((code) => code.startsWith('T1'))));
    assert.ok(hits.some((hit) => !hit.codes.includes('T1')), 'a hit found through a descendant of T1');
  });

  for (const [args, message] of [
    [['(money', '--regex'], 'mdqda search: invalid regular expression /(money/ at column 7: Unterminated group\n'],
    [['a*', '--regex'], 'mdqda search: the pattern /a*/ matches the empty string; give one that matches at least one character\n'],
    [['money', '--speaker', 'Nobody'], "mdqda search: no speaker 'Nobody' in the sources searched; speakers: Academic lead, Council officer, Interviewer, Knowledge exchange manager, P1, P2, P3, P4, P5, P6\n"],
    [['money', '--context', 'wide'], "mdqda search: --context takes a whole number of characters, got 'wide'\n"],
  ] as [string[], string][]) {
    it(`exits 2 with one line for ${args.join(' ')}`, async () => {
      const result = await cli(['search', ...args, example, '--no-cache'], example);
      assert.deepEqual(result, { code: 2, stdout: '', stderr: message });
    });
  }

  it('says on stderr when a file has more hits than are listed', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-search-'));
    try {
      fs.writeFileSync(path.join(folder, 'many.md'), 'a '.repeat(1200) + '\n');
      const result = await cli(['search', 'a', '--format', 'json', 'many.md', '--no-cache'], folder);
      assert.equal(result.code, 0);
      assert.equal((JSON.parse(result.stdout) as SearchHit[]).length, 1000);
      assert.equal(result.stderr, 'mdqda search: many.md: more than 1000 hits; only the first 1000 are listed\n');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
