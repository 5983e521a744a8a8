import { strict as assert } from 'node:assert';
import { autocodeTranscript, type AutocodeTargets } from '../../../src/core/autocode/autocodeTranscript';
import { findAutocodeTargets, type AutocodeQuery } from '../../../src/core/autocode/findAutocodeTargets';
import type { AutocodeUnit } from '../../../src/core/autocode/transcriptUnits';
import { emptyCodebook } from '../../../src/core/codebook/emptyCodebook';
import { applyTextEdits } from '../../../src/core/edit/textEdit';
import { parseTranscriptWithMap } from '../../../src/core/syntax/parseTranscript';

/** Autocodes one transcript and returns the new text and the outcome. */
function autocode(text: string, query: AutocodeQuery, unit: AutocodeUnit, codes = ['A'], coder: string | null = 'ac') {
  const parsed = parseTranscriptWithMap(text, { path: 't.md' });
  const selection = findAutocodeTargets([parsed.source], emptyCodebook(), query);
  assert.ok(selection.ok, selection.ok ? '' : selection.message);
  const targets: AutocodeTargets = selection.targets.get('t.md') ?? [];
  const outcome = autocodeTranscript(text, parsed, targets, { codes, coder, unit });
  return { text: applyTextEdits(text, outcome.edits), outcome };
}

const interview = [
  '# Funding',
  '',
  '**P1:** The money came late. We waited a year for it.',
  '',
  'It was hard on the team.',
  '',
  '**Interviewer:** Why was the money late?',
  '',
  '**P1:** Nobody signed the form.',
  '',
].join('\n');

describe('autocodeTranscript', () => {
  it('codes the match itself with unit match', () => {
    const { text } = autocode(interview, { pattern: 'money' }, 'match');
    assert.match(text, /The :code\[money\]\{\.A by=ac\} came late\./);
    assert.match(text, /Why was the :code\[money\]\{\.A by=ac\} late\?/);
  });

  it('widens a hit to its sentence, from Intl.Segmenter, without the turn marker or trailing spaces', () => {
    const { text } = autocode(interview, { pattern: 'money' }, 'sentence');
    assert.match(text, /\*\*P1:\*\* :code\[The money came late\.\]\{\.A by=ac\} We waited/);
    assert.match(text, /\*\*Interviewer:\*\* :code\[Why was the money late\?\]\{\.A by=ac\}/);
  });

  it('widens a hit to its paragraph, coded as a container with the speaker label inside', () => {
    const { text } = autocode(interview, { pattern: 'waited' }, 'paragraph');
    assert.ok(text.includes(':::code{.A by=ac}\n**P1:** The money came late. We waited a year for it.\n:::\n'), text);
  });

  it('widens a hit to its whole turn, paragraphs after the first included, as one container', () => {
    const { text } = autocode(interview, { pattern: 'waited' }, 'turn');
    assert.ok(text.includes(':::code{.A by=ac}\n**P1:** The money came late. We waited a year for it.\n\nIt was hard on the team.\n:::\n'), text);
  });

  it('codes every turn of a speaker, and only those', () => {
    const { text, outcome } = autocode(interview, { speakers: ['P1'] }, 'turn');
    assert.equal(outcome.written.length, 2);
    const excerpts = parseTranscriptWithMap(text, { path: 't.md' }).source.excerpts;
    assert.deepEqual(excerpts.map((excerpt) => excerpt.speaker), ['P1', 'P1']);
    assert.ok(!text.includes(':code[**Interviewer'));
  });

  it('codes the sentences of a speaker\'s turns with unit sentence', () => {
    const { outcome } = autocode(interview, { speakers: ['P1'] }, 'sentence');
    assert.equal(outcome.written.length, 4);
  });

  it('adds only the codes the coder does not have exactly there yet, and skips a unit that has them all', () => {
    const once = autocode(interview, { pattern: 'money' }, 'match', ['A']);
    const twice = autocode(once.text, { pattern: 'money' }, 'match', ['A', 'B']);
    assert.match(twice.text, /The :code\[money\]\{\.A \.B by=ac\} came/);
    const thrice = autocode(twice.text, { pattern: 'money' }, 'match', ['B', 'A']);
    assert.deepEqual(thrice.outcome.edits, []);
    assert.equal(thrice.outcome.skipped, 2);
    // Another coder's coding does not count: that coder gets one of their own.
    const other = autocode(once.text, { pattern: 'money' }, 'match', ['A'], 'rk');
    assert.equal(other.outcome.written.length, 2);
  });

  it('never codes a hit in markup: inline code, a link address, a code block, a speaker label; it reports each with its line', () => {
    const text = ['**P1:** A `money` bag, [money](https://money.example) and money.', '', '```', 'money', '```', '', '**Money:** hello', ''].join('\n');
    const { text: after, outcome } = autocode(text, { pattern: 'money' }, 'sentence');
    assert.deepEqual(
      outcome.notCoded.map((item) => [item.line, item.reason]),
      [
        [1, 'it is in inline code'],
        [1, 'it is in the markup of a link'],
        [4, 'it is in a code block'],
        [7, 'it is in the speaker label of a turn'],
      ],
    );
    // The hit in the link's text and the plain one are coded (one sentence holds both).
    assert.equal(outcome.written.length, 1);
    assert.match(after, /^\*\*P1:\*\* :code\[A `money` bag, \[money\]\(https:\/\/money\.example\) and money\.\]\{\.A by=ac\}$/m);
  });

  it('reports a hit outside every speaker turn for unit turn', () => {
    const { outcome } = autocode(interview, { pattern: 'Funding' }, 'turn');
    assert.deepEqual(outcome.notCoded.map((item) => item.reason), ['it is not in a speaker turn']);
  });
});
