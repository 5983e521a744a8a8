import assert from 'node:assert/strict';
import { stopwords as english } from '@orama/stopwords/english';
import { parseStopWords } from '../../../src/core/analysis/tables/stopWords';
import { wordTable } from '../../../src/core/analysis/tables/wordTable';
import { renderCsv } from '../../../src/core/render/renderCsv';
import { renderHtml } from '../../../src/core/render/renderHtml';
import { renderJson } from '../../../src/core/render/renderJson';
import { renderMarkdown } from '../../../src/core/render/renderMarkdown';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import type { Table } from '../../../src/core/analysis/tables/table';
import { makeCodebook } from './corpus';
import { cellText, tableOf } from './lookup';

const codebook = makeCodebook([
  { id: 'T1', name: 'Money', color: '#1f77b4' },
  { id: 'T2', name: 'Power' },
]);

const FIRST = `---
partnership: North
---

**Ann:** The :code[money money decides]{.T1} and the money goes to the university.

**Bo:** :code[Power sits with the university]{.T2}, not with us. In 2019 the university won.
`;
const SECOND = `---
partnership: South
---

**Ann:** We had :code[no money]{.T1} at all, and the council kept the power.
`;

function study() {
  return [parseTranscript(FIRST, { path: 'first.md' }), parseTranscript(SECOND, { path: 'second.md' })];
}

/** Word counts by a different route: ASCII letters split on anything else, lower case, minus the English list. */
function independentCounts(texts: string[]): Map<string, number> {
  const stop = new Set(english);
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().split(/[^a-z']+/)) {
      if (word === '' || stop.has(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

function counts(table: Table, column: string): Map<string, string> {
  return new Map(table.rows.filter((r) => r.kind === 'word').map((r) => [r.key, cellText(table, r.key, column)]));
}

describe('wordTable', () => {
  it('counts the words said overall, without stop words, speaker labels or numbers, as an independent count does', () => {
    const table = tableOf(wordTable(study(), codebook, { top: 100 }));
    const said = [
      'The money money decides and the money goes to the university.',
      'Power sits with the university, not with us. In the university won.',
      'We had no money at all, and the council kept the power.',
    ];
    const expected = independentCounts(said);
    assert.deepEqual(new Map([...counts(table, 'count')].map(([word, count]) => [word, Number(count)])), expected);
    assert.equal(table.rows[0].key, 'money');
    assert.equal(cellText(table, 'money', 'count'), '4');
    assert.equal(cellText(table, 'money', 'sources'), '2');
    assert.ok(!table.rows.some((r) => r.key === 'ann' || r.key === 'bo' || r.key === '2019'));
  });

  it('keeps the most frequent words, ties in alphabetical order', () => {
    const table = tableOf(wordTable(study(), codebook, { top: 3 }));
    assert.deepEqual(table.rows.map((r) => r.key), ['money', 'university', 'power']);
  });

  it('counts per code the text of its excerpts', () => {
    const table = tableOf(wordTable(study(), codebook, { by: 'code', top: 10 }));
    assert.deepEqual(table.columns.map((c) => c.key), ['T1', 'T2', 'total']);
    assert.equal(cellText(table, 'money', 'T1'), '3');
    assert.equal(cellText(table, 'money', 'T2'), '0');
    assert.equal(cellText(table, 'university', 'T2'), '1');
    assert.equal(cellText(table, 'university', 'total'), '3');
    // "money money decides" + "no money": 4 words, "no" a stop word.
    assert.equal(cellText(table, 'total', 'T1'), '4');
  });

  it('counts per speaker and per attribute value', () => {
    const bySpeaker = tableOf(wordTable(study(), codebook, { by: 'speaker', top: 10 }));
    assert.deepEqual(bySpeaker.columns.map((c) => c.key), ['Ann', 'Bo', 'total']);
    assert.equal(cellText(bySpeaker, 'university', 'Ann'), '1');
    assert.equal(cellText(bySpeaker, 'university', 'Bo'), '2');
    const byPartnership = tableOf(wordTable(study(), codebook, { by: 'partnership', top: 10 }));
    assert.equal(cellText(byPartnership, 'money', 'North'), '3');
    assert.equal(cellText(byPartnership, 'money', 'South'), '1');
  });

  it('counts only a speaker’s words under --where speaker=, only coded text under --code', () => {
    const bo = tableOf(wordTable(study(), codebook, { where: ['speaker=Bo'], top: 10 }));
    assert.equal(cellText(bo, 'university', 'count'), '2');
    assert.ok(!bo.rows.some((r) => r.key === 'money'));
    const coded = tableOf(wordTable(study(), codebook, { codes: ['T2'], top: 10 }));
    assert.deepEqual(coded.rows.map((r) => r.key), ['power', 'sits', 'university']);
  });

  it('uses the German list and extra stop words when asked', () => {
    const source = parseTranscript('**P1:** Die Forschung und die Praxis und das Geld.\n', { path: 'de.md' });
    const german = tableOf(wordTable([source], codebook, { languages: ['de'] }));
    assert.deepEqual(german.rows.map((r) => r.key).sort(), ['forschung', 'geld', 'praxis']);
    const extra = tableOf(wordTable([source], codebook, { languages: ['de'], stopWords: parseStopWords('# mine\ngeld  praxis\n') }));
    assert.deepEqual(extra.rows.map((r) => r.key), ['forschung']);
    const none = tableOf(wordTable([source], codebook, { languages: ['none'] }));
    assert.equal(cellText(none, 'die', 'count'), '2');
  });

  it('leaves out contractions of stop words', () => {
    const source = parseTranscript('**P1:** It’s what we’re told, doesn’t matter, but funding’s late.\n', { path: 'c.md' });
    const table = tableOf(wordTable([source], codebook));
    assert.deepEqual(table.rows.map((r) => r.key).sort(), ["funding's", 'late', 'matter', 'told']);
  });

  it('refuses an unknown language or attribute', () => {
    const language = wordTable(study(), codebook, { languages: ['xx'] });
    assert.equal(language.table, null);
    assert.match(language.problems[0].message, /'xx'.*en, de, none/);
    const attribute = wordTable(study(), codebook, { by: 'region' });
    assert.equal(attribute.table, null);
  });

  it('renders as Markdown, CSV, JSON and HTML', () => {
    const table = tableOf(wordTable(study(), codebook, { by: 'code', top: 2 }));
    assert.match(renderMarkdown(table), /\| money \| 3 \| 0 \| 4 \|/);
    assert.match(renderCsv(table), /^key,Word,depth,T1,T2,Total\r\nmoney,money,0,3,0,4\r\n/);
    assert.equal(JSON.parse(renderJson(table)).table, 'words');
    assert.match(renderHtml(table), /<th scope="row"[^>]*>money<\/th>/);
  });
});
