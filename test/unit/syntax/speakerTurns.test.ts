import { strict as assert } from 'node:assert';
import { speakerAt } from '../../../src/core/syntax/speakerTurns';

describe('speakerAt', () => {
  it('reads the turn markers transcripts use', () => {
    assert.equal(speakerAt('**P3:** I think'), 'P3');
    assert.equal(speakerAt('**Interviewer**: So'), 'Interviewer');
    assert.equal(speakerAt('*Dr Amina Khan:* well'), 'Dr Amina Khan');
    assert.equal(speakerAt('__R2:__ yes'), 'R2');
    assert.equal(speakerAt('Interviewer: So'), 'Interviewer');
    assert.equal(speakerAt('I: So'), 'I');
    assert.equal(speakerAt('P3 (academic lead): we'), 'P3 (academic lead)');
    assert.equal(speakerAt('Zoë Ångström: hej'), 'Zoë Ångström');
  });

  it('does not take ordinary sentences, times or links for turns', () => {
    assert.equal(speakerAt('We met at 10:30 and talked'), null);
    assert.equal(speakerAt('This is a long sentence that ends: with a colon'), null);
    assert.equal(speakerAt('https://example.org is a link'), null);
    assert.equal(speakerAt('**bold text** and more'), null);
  });
});
