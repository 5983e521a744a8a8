import * as assert from 'node:assert/strict';
import { adjacentExcerpt } from '../../../src/core/navigate/adjacentExcerpt';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

const text = 'One :code[alpha]{.A} two :code[beta]{.B} three.\n\n:::code{.C}\nGamma line.\n:::\n';
const source = parseTranscript(text, { path: 'a.md' });

describe('next and previous excerpt', () => {
  it('moves to the content of the next excerpt after the cursor', () => {
    const next = adjacentExcerpt(source, 0, 'next');
    assert.equal(next && text.slice(next.start, next.end), 'alpha');
    const after = adjacentExcerpt(source, text.indexOf('alpha'), 'next');
    assert.equal(after && text.slice(after.start, after.end), 'beta');
  });

  it('selects a container excerpt from its first content line to the end of its last', () => {
    const next = adjacentExcerpt(source, text.indexOf('beta'), 'next');
    assert.equal(next && text.slice(next.start, next.end), 'Gamma line.');
  });

  it('moves back to the excerpt before the cursor', () => {
    const previous = adjacentExcerpt(source, text.indexOf('beta'), 'previous');
    assert.equal(previous && text.slice(previous.start, previous.end), 'alpha');
  });

  it('wraps round the end of the file unless told not to', () => {
    const wrapped = adjacentExcerpt(source, text.length, 'next');
    assert.equal(wrapped && text.slice(wrapped.start, wrapped.end), 'alpha');
    assert.equal(adjacentExcerpt(source, text.length, 'next', false), undefined);
    const back = adjacentExcerpt(source, 0, 'previous');
    assert.equal(back && text.slice(back.start, back.end), 'Gamma line.');
  });

  it('finds nothing in a transcript without excerpts', () => {
    assert.equal(adjacentExcerpt(parseTranscript('Just text.\n', { path: 'b.md' }), 0, 'next'), undefined);
  });
});
