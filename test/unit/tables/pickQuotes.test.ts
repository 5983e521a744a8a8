import assert from 'node:assert/strict';
import { applyFilters } from '../../../src/core/analysis/tables/filters';
import { pickQuotes, shortenQuote } from '../../../src/core/analysis/tables/pickQuotes';
import { makeCodebook, makeSource } from './corpus';

describe('shortenQuote', () => {
  it('cuts at the last word boundary before the limit and adds an ellipsis', () => {
    assert.deepEqual(shortenQuote('We never had the funding we needed', 20), { text: 'We never had the…', truncated: true });
  });

  it('drops punctuation before the ellipsis', () => {
    assert.deepEqual(shortenQuote('It did more harm than good. Then we stopped.', 30), { text: 'It did more harm than good…', truncated: true });
  });

  it('leaves short text whole and collapses line breaks', () => {
    assert.deepEqual(shortenQuote('one\n\ntwo   three', 50), { text: 'one two three', truncated: false });
  });

  it('drops a leading speaker label, bold or plain', () => {
    assert.equal(shortenQuote('**P4:** A long answer', 50, 'P4').text, 'A long answer');
    assert.equal(shortenQuote('Interviewer: So what', 50, 'Interviewer').text, 'So what');
  });

  it('keeps a leading label that is not the speaker', () => {
    assert.equal(shortenQuote('Note: keep this', 50).text, 'Note: keep this');
    assert.equal(shortenQuote('Note: keep this', 50, 'P2').text, 'Note: keep this');
  });

  it('cuts inside a single word longer than the limit', () => {
    assert.deepEqual(shortenQuote('Supercalifragilistic', 5), { text: 'Super…', truncated: true });
  });

  it('counts code points, never splitting an astral character', () => {
    assert.equal(shortenQuote('😀😀😀 x', 2).text, '😀😀…');
  });
});

describe('pickQuotes', () => {
  it('prefers the text most coders coded over a shorter single coding', () => {
    const codebook = makeCodebook([{ id: 'T1' }]);
    const text = 'Alpha beta gamma delta. Epsilon zeta eta theta iota kappa lambda mu. Nu xi.';
    const source = makeSource('A', text, [
      { phrase: 'Alpha beta gamma delta.', codes: ['T1'], coder: 'ann' },
      { phrase: 'Epsilon zeta eta theta iota kappa lambda mu.', codes: ['T1'], coder: 'ann' },
      { phrase: 'zeta eta theta', codes: ['T1'], coder: 'bob' },
      { phrase: 'Nu xi.', codes: ['T1'], coder: 'ann' },
    ]);
    const scope = applyFilters([source], codebook);
    const quotes = pickQuotes(scope.excerpts, { codes: ['T1'] });
    // ann's 8-word excerpt and bob's 3-word one overlap (two coders each); the median length is 3.5 words, nearer bob's.
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].text, 'zeta eta theta');
    assert.equal(quotes[0].exemplar, false);
  });

  it('returns every exemplar up to the count, in source order', () => {
    const codebook = makeCodebook([{ id: 'T1' }]);
    const source = makeSource('A', 'one two three four', [
      { phrase: 'three', codes: ['T1'], exemplar: true },
      { phrase: 'one', codes: ['T1'], exemplar: true },
      { phrase: 'four', codes: ['T1'], exemplar: true },
    ]);
    const scope = applyFilters([source], codebook);
    assert.deepEqual(pickQuotes(scope.excerpts, { count: 2 }).map((q) => q.text), ['one', 'three']);
  });

  it('shows a passage two coders both marked exemplar once', () => {
    const codebook = makeCodebook([{ id: 'T1' }]);
    const source = makeSource('A', 'one two three four', [
      { phrase: 'one two', codes: ['T1'], coder: 'ann', exemplar: true },
      { phrase: 'one two', codes: ['T1'], coder: 'bob', exemplar: true },
      { phrase: 'four', codes: ['T1'], coder: 'bob', exemplar: true },
    ]);
    const scope = applyFilters([source], codebook);
    assert.deepEqual(pickQuotes(scope.excerpts, { count: 2 }).map((q) => q.text), ['one two', 'four']);
  });

  it('gives no quote for no excerpts', () => {
    assert.deepEqual(pickQuotes([]), []);
  });
});
