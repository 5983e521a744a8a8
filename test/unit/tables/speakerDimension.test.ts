import assert from 'node:assert/strict';
import { applyFilters } from '../../../src/core/analysis/tables/filters';
import { frequencyTable } from '../../../src/core/analysis/tables/frequencyTable';
import { sourceMatrix } from '../../../src/core/analysis/tables/sourceMatrix';
import { speakerTable } from '../../../src/core/analysis/tables/speakerTable';
import { tensionTable } from '../../../src/core/analysis/tables/tensionTable';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { queryExcerpts } from '../../../src/core/index/queryExcerpts';
import type { Source } from '../../../src/core/model/source';
import { makeCodebook } from './corpus';
import { cellText, row, rowTexts, tableOf } from './lookup';

const codebook = makeCodebook([
  { id: 'T1', name: 'Meaning', group: 'tensions' },
  { id: 'T2', name: 'Power', group: 'tensions' },
  { id: 'M1', name: 'Trust', group: 'mechanisms' },
]);

// Counted by hand: P1 says 5 + 7 words in two turns, P10 says 6, P2 says 3, I says 4.
const FIRST = `---
partnership: North
---

# Interview one

**I:** What does it mean?

**P1:** It means :code[nothing to me]{.T1}.

**P10:** :code[Power]{.T2} sits with the :code[university]{.T2 .M1} today.

**P1:** We never had :code[the money]{.T1 .T2} for it.
`;
const SECOND = `---
partnership: South
---

**P2:** :code[Trust]{.M1} came later.
`;

function study(): Source[] {
  return [parseTranscript(FIRST, { path: 'first.md' }), parseTranscript(SECOND, { path: 'second.md' })];
}

describe('the speaker dimension', () => {
  it('gives one column per speaker with --by speaker, speakers in natural order', () => {
    const table = tableOf(sourceMatrix(study(), codebook, { by: 'speaker' }));
    assert.deepEqual(table.columns.map((column) => column.key), ['I', 'P1', 'P2', 'P10', 'total']);
    assert.deepEqual(rowTexts(table, 'T1'), ['0 (0)', '2 (1)', '0 (0)', '0 (0)', '2 (1)']);
    assert.deepEqual(rowTexts(table, 'T2'), ['0 (0)', '1 (1)', '0 (0)', '2 (1)', '3 (1)']);
    assert.deepEqual(rowTexts(table, 'M1'), ['0 (0)', '0 (0)', '1 (1)', '1 (1)', '2 (2)']);
  });

  it('normalises a speaker column by the words that speaker said', () => {
    const table = tableOf(sourceMatrix(study(), codebook, { by: 'speaker', normalise: true }));
    // P1: 2 T1 excerpts in 12 words said; P10: 2 T2 excerpts in 6 words.
    assert.equal(cellText(table, 'T1', 'P1'), '166.7');
    assert.equal(cellText(table, 'T2', 'P10'), '333.3');
  });

  it('counts the tension table by speaker', () => {
    const table = tableOf(tensionTable(study(), codebook, { by: 'speaker' }));
    assert.equal(cellText(table, 'T2', 'P10'), '2 (1)');
    assert.equal(cellText(table, 'T2', 'P1'), '1 (1)');
  });

  it('keeps only a speaker’s turns with --where speaker=NAME', () => {
    const table = tableOf(frequencyTable(study(), codebook, { where: ['speaker=P1'] }));
    assert.equal(cellText(table, 'T1', 'excerpts'), '2');
    assert.equal(cellText(table, 'T2', 'excerpts'), '1');
    assert.equal(cellText(table, 'M1', 'excerpts'), '0');
    const scope = applyFilters(study(), codebook, { where: ['speaker=P1'] });
    assert.equal(scope.corpusWords, 12);
    assert.deepEqual(scope.sources.map((source) => source.path), ['first.md']);
  });

  it('keeps the turns of any of several speakers, together with an attribute condition', () => {
    const scope = applyFilters(study(), codebook, { where: ['speaker=P1', 'speaker=P2'] });
    assert.equal(scope.excerpts.length, 3);
    const south = applyFilters(study(), codebook, { where: ['speaker=P1', 'partnership=South'] });
    assert.equal(south.sources.length, 0);
  });

  it('refuses an unknown speaker, naming the speakers that exist', () => {
    const result = frequencyTable(study(), codebook, { where: ['speaker=P7'] });
    assert.equal(result.table, null);
    const problem = result.problems.find((candidate) => candidate.ruleId === 'unknown-speaker');
    assert.ok(problem);
    assert.match(problem.message, /'P7'.*speakers: I, P1, P2, P10/);
  });

  it('filters mdqda excerpts’ query by speaker', () => {
    const hits = queryExcerpts(study(), codebook, { where: { speaker: 'P10', partnership: 'North' } });
    assert.deepEqual(hits.map((hit) => hit.excerpt.text), ['Power', 'university']);
  });
});

describe('speakerTable', () => {
  it('gives turns, words said, excerpts, share coded and excerpts per code for each speaker', () => {
    const table = tableOf(speakerTable(study(), codebook));
    assert.deepEqual(table.rows.map((r) => r.key), ['I', 'P1', 'P2', 'P10', 'total']);
    assert.deepEqual(table.columns.map((column) => column.key), ['turns', 'words', 'excerpts', 'share', 'T1', 'T2', 'M1']);
    // P1: 2 turns, 12 words, coded "nothing to me" (3) + "the money" (2) = 5 of 12 words.
    assert.deepEqual(rowTexts(table, 'P1'), ['2', '12', '2', '41.7%', '2', '1', '0']);
    // P10: "Power" + "university" = 2 of 6 words.
    assert.deepEqual(rowTexts(table, 'P10'), ['1', '6', '2', '33.3%', '0', '2', '1']);
    assert.deepEqual(rowTexts(table, 'P2'), ['1', '3', '1', '33.3%', '0', '0', '1']);
    assert.deepEqual(rowTexts(table, 'I'), ['1', '4', '0', '0.0%', '0', '0', '0']);
    // The heading before the first turn is nobody's; 8 of 25 words coded.
    assert.deepEqual(rowTexts(table, 'total'), ['5', '25', '5', '32.0%', '2', '3', '2']);
  });

  it('adds a (no speaker) row when an excerpt starts before the first turn', () => {
    const source = parseTranscript('An :code[opening]{.T1} note.\n\n**P1:** Hello there.\n', { path: 'a.md' });
    const table = tableOf(speakerTable([source], codebook));
    assert.deepEqual(rowTexts(table, '(no speaker)'), ['0', '3', '1', '33.3%', '1']);
    assert.ok(row(table, '(no speaker)').flags.includes('no-speaker'));
  });

  it('keeps only the speakers asked for under --where speaker=', () => {
    const table = tableOf(speakerTable(study(), codebook, { where: ['speaker=P10'] }));
    assert.deepEqual(table.rows.map((r) => r.key), ['P10', 'total']);
  });

  it('agrees with an independent count of excerpts per speaker in the Markdown', () => {
    const speakers = ['Ann', 'Bo', 'Cy'];
    const codes = ['T1', 'T2', 'M1'];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const paragraphs: string[] = [];
    for (let i = 0; i < 60; i++) {
      const speaker = speakers[next(3)];
      const parts = [`**${speaker}:**`];
      for (let j = 0; j < 1 + next(4); j++) parts.push(next(2) === 0 ? `word${j}` : `:code[said ${i} ${j}]{.${codes[next(3)]}}`);
      paragraphs.push(parts.join(' '));
    }
    const markdown = paragraphs.join('\n\n') + '\n';
    const table = tableOf(speakerTable([parseTranscript(markdown, { path: 'r.md' })], codebook));
    for (const speaker of speakers) {
      const lines = paragraphs.filter((line) => line.startsWith(`**${speaker}:**`));
      assert.equal(cellText(table, speaker, 'turns'), String(lines.length), speaker);
      for (const code of codes) {
        const expected = lines.reduce((sum, line) => sum + (line.match(new RegExp(`\\{\\.${code}\\}`, 'g'))?.length ?? 0), 0);
        assert.equal(cellText(table, speaker, code), String(expected), `${speaker} ${code}`);
      }
    }
  });
});
