import { strict as assert } from 'node:assert';
import { emptyCodebook } from '../../../src/core/codebook/emptyCodebook';
import { searchSources, type SearchQuery, type SearchResult } from '../../../src/core/search/searchSources';
import { parseTranscript, parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';
import type { Source } from '../../../src/core/model/source';

const interview = [
  '---',
  'id: int',
  'site: north',
  '---',
  '**Interviewer:** Tell me about the money.',
  '',
  '**P1:** The :code[money came late]{.T1 by=ann} and the :code[Money]{.T2 by=bo} ran out.',
  '',
  ':::code{.T3 by=ann}',
  '**P2:** We chased money for months.',
  ':::',
  '',
].join('\n');

function search(query: SearchQuery, sources: Source[] = [parseTranscript(interview, { path: 'int.md' })]): SearchResult {
  return searchSources(sources, emptyCodebook(), query);
}

function hitsOf(result: SearchResult): string[] {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.hits.map((hit) => `${hit.speaker}:${hit.text}`);
}

describe('searchSources', () => {
  it('finds literal text case-insensitively by default, with the speaker of each hit', () => {
    assert.deepEqual(hitsOf(search({ pattern: 'money' })), ['Interviewer:money', 'P1:money', 'P1:Money', 'P2:money']);
  });

  it('tells case apart with caseSensitive', () => {
    assert.deepEqual(hitsOf(search({ pattern: 'Money', caseSensitive: true })), ['P1:Money']);
  });

  it('reads the pattern literally unless regex is set', () => {
    assert.deepEqual(hitsOf(search({ pattern: 'm.ney' })), []);
    assert.deepEqual(hitsOf(search({ pattern: 'm.ney', regex: true })).length, 4);
    assert.deepEqual(hitsOf(search({ pattern: 'came|ran', regex: true })), ['P1:came', 'P1:ran']);
  });

  it('never finds text of the front matter or of directive markup', () => {
    assert.deepEqual(hitsOf(search({ pattern: 'north' })), []);
    assert.deepEqual(hitsOf(search({ pattern: 'ann' })), []);
    assert.deepEqual(hitsOf(search({ pattern: 'code' })), []);
  });

  it('lists the codes of the excerpts that overlap a hit', () => {
    const result = search({ pattern: 'money' });
    assert.ok(result.ok);
    assert.deepEqual(result.hits.map((hit) => hit.codes), [[], ['T1'], ['T2'], ['T3']]);
  });

  it('keeps only hits inside an excerpt of the code given with within', () => {
    assert.deepEqual(hitsOf(search({ pattern: 'money', within: ['T1'] })), ['P1:money']);
    assert.deepEqual(hitsOf(search({ pattern: 'money came late and', within: ['T1'] })), []);
  });

  it('counts only the excerpts of the coders given, for within and for the codes shown', () => {
    assert.deepEqual(hitsOf(search({ pattern: 'money', within: ['T2'], coders: ['ann'] })), []);
    const result = search({ pattern: 'money', coders: ['bo'] });
    assert.ok(result.ok);
    assert.deepEqual(result.hits.map((hit) => hit.codes), [[], [], ['T2'], []]);
  });

  it('keeps only the hits in turns of the speakers given', () => {
    assert.deepEqual(hitsOf(search({ pattern: 'money', speakers: ['P2', 'Interviewer'] })), ['Interviewer:money', 'P2:money']);
  });

  it('refuses a speaker no source has, naming the speakers there are', () => {
    const result = search({ pattern: 'money', speakers: ['P9'] });
    assert.deepEqual(result, { ok: false, message: "no speaker 'P9' in the sources searched; speakers: Interviewer, P1, P2" });
  });

  it('searches only sources whose attribute has the value given with where', () => {
    const other = parseTranscript('---\nid: south\nsite: south\n---\nmoney\n', { path: 'south.md' });
    const sources = [parseTranscript(interview, { path: 'int.md' }), other];
    const result = search({ pattern: 'money', where: { site: 'south' } }, sources);
    assert.ok(result.ok);
    assert.deepEqual(result.hits.map((hit) => hit.sourceId), ['south']);
  });

  it('gives the code-point offsets of a hit in the plain text, past astral characters', () => {
    const source = parseTranscript('🪁🪁 kite 𝒜\n', { path: 'a.md' });
    const result = search({ pattern: 'kite' }, [source]);
    assert.ok(result.ok);
    assert.deepEqual([result.hits[0].start, result.hits[0].end], [3, 7]);
    assert.equal(Array.from(source.plainText).slice(3, 7).join(''), 'kite');
  });

  it('gives code-point offsets equal to UTF-16 offsets in text without astral characters, and none of the context with context 0', () => {
    const source = parseTranscript('ünï kite and kite\n', { path: 'a.md' });
    const result = searchSources([source], emptyCodebook(), { pattern: 'kite', context: 0 });
    assert.ok(result.ok);
    assert.deepEqual(
      result.hits.map((hit) => [hit.start, hit.end, hit.left, hit.text, hit.right]),
      [
        [4, 8, '', 'kite', ''],
        [13, 17, '', 'kite', ''],
      ],
    );
  });

  it('shows a fixed number of code points of context each side, on one line', () => {
    const source = parseTranscript('one two\nthree 🪁🪁 kite 🪁🪁 four\nfive\n', { path: 'a.md' });
    const result = searchSources([source], emptyCodebook(), { pattern: 'kite', context: 4 });
    assert.ok(result.ok);
    assert.deepEqual([result.hits[0].left, result.hits[0].text, result.hits[0].right], [' 🪁🪁 ', 'kite', ' 🪁🪁 ']);
    const wide = searchSources([source], emptyCodebook(), { pattern: 'kite', context: 13 });
    assert.ok(wide.ok);
    assert.deepEqual([wide.hits[0].left, wide.hits[0].right], ['two three 🪁🪁 ', ' 🪁🪁 four five']);
  });

  it('gives the file line of each hit when a locator is given, and null without one', () => {
    const parsed = parseTranscriptWithMap(interview, { path: 'int.md' });
    const located = searchSources([parsed.source], emptyCodebook(), { pattern: 'money' }, () => parsed);
    assert.ok(located.ok);
    assert.deepEqual(located.hits.map((hit) => hit.line), [5, 7, 7, 10]);
    const bare = search({ pattern: 'money' });
    assert.ok(bare.ok);
    assert.deepEqual(bare.hits.map((hit) => hit.line), [null, null, null, null]);
  });

  it('caps the hits of a source and names it', () => {
    const source = parseTranscript('a a a a a\n', { path: 'a.md' });
    const result = searchSources([source], emptyCodebook(), { pattern: 'a', maxHitsPerSource: 3 });
    assert.ok(result.ok);
    assert.equal(result.hits.length, 3);
    assert.deepEqual(result.capped, ['a.md']);
  });

  it('refuses an invalid regular expression with the reason, on one line', () => {
    const result = search({ pattern: '(money', regex: true });
    assert.deepEqual(result, { ok: false, message: 'invalid regular expression /(money/ at column 7: Unterminated group' });
  });

  it('points at the column where a regular expression goes wrong', () => {
    assert.deepEqual(search({ pattern: 'ab)cd', regex: true }), { ok: false, message: "invalid regular expression /ab)cd/ at column 3: Unmatched ')'" });
    assert.deepEqual(search({ pattern: 'x[z-a]', regex: true, wholeWord: true }), { ok: false, message: 'invalid regular expression /x[z-a]/ at column 6: Range out of order in character class' });
  });

  it('refuses an empty pattern and one that matches the empty string', () => {
    for (const pattern of ['', 'x*', '(?:)']) {
      const result = search({ pattern, regex: true });
      assert.equal(result.ok, false, pattern);
    }
    const boundary = search({ pattern: '\\b', regex: true });
    assert.ok(!boundary.ok);
    assert.match(boundary.message, /matches the empty string/);
  });

  it('treats Unicode letters, digits and marks as word characters for wholeWord', () => {
    const source = parseTranscript('café cafe\u0301 cafe2 cafe, (cafe)\n', { path: 'a.md' });
    const result = searchSources([source], emptyCodebook(), { pattern: 'cafe', wholeWord: true });
    assert.ok(result.ok);
    assert.deepEqual(result.hits.map((hit) => hit.start), [17, 24]);
  });
});
