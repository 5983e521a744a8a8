import { strict as assert } from 'node:assert';
import { excerptLabel, excerptQuote } from '../../../src/core/render/excerptQuote';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

const transcript = [
  '---',
  'id: lead-01',
  '---',
  '',
  '**Interviewer:** How did it start?',
  '',
  ':::code{.T1 by=pg}',
  '**P1:** We called it co-production because the funder asked for it.',
  '',
  'Later we learnt   what it could mean.',
  ':::',
  '',
  '**P2:** Not at first. :code[The café owners were never asked]{.T1a by=rk}, and that showed.',
  '',
].join('\n');

describe('excerpt labels and quotes', () => {
  const source = parseTranscript(transcript, { path: 'interviews/lead-01.md' });
  const [container, inline] = source.excerpts;

  it('drops the speaker label of a container and collapses its line breaks', () => {
    assert.equal(container.speaker, 'P1');
    assert.equal(excerptLabel(container, 200), 'We called it co-production because the funder asked for it. Later we learnt what it could mean.');
  });

  it('shortens at a word boundary with an ellipsis', () => {
    assert.equal(excerptLabel(container, 20), 'We called it…');
  });

  it('keeps a text excerpt as written (no label to drop)', () => {
    assert.equal(excerptLabel(inline, 200), 'The café owners were never asked');
  });

  it('quotes the whole excerpt with speaker, source and line', () => {
    assert.equal(excerptQuote(container), '“We called it co-production because the funder asked for it. Later we learnt what it could mean.” (P1, lead-01, line 7)');
    assert.equal(excerptQuote(inline), '“The café owners were never asked” (P2, lead-01, line 13)');
  });

  it('leaves the speaker out when there is none', () => {
    assert.equal(excerptQuote({ text: 'a note', speaker: null, sourceId: 'obs-1', line: 3 }), '“a note” (obs-1, line 3)');
  });
});
