import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { emptyCodebook } from '../../../src/core/codebook/emptyCodebook';
import { searchSources } from '../../../src/core/search/searchSources';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

/** Words that are not the target but hold it, touch it or look like it. */
const filler = fc.constantFrom('the', 'kites', 'skite', 'kit', 'ite', 'kitē', 'kite2', 'Drachen', 'straße', 'é', '𝒜𝒷', 'a_b');
const target = fc.constantFrom('kite', 'Kite', 'KITE');
const separator = fc.constantFrom(' ', '\n', ', ', ' — ', '\n\n', ' 🪁 ', '. ');
const token = fc.record({ word: fc.oneof(filler, target), coded: fc.boolean(), separator });

describe('search --whole-word (property)', () => {
  it('finds exactly the places a word was put, never in markup or front matter', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        // The target also sits in front matter and in directive attributes: plain text holds neither.
        let file = '---\nid: s\ntopic: kite\n---\n';
        let plain = '';
        const expected: number[] = [];
        for (const { word, coded, separator: gap } of tokens) {
          if (word.toLowerCase() === 'kite') expected.push(Array.from(plain).length);
          file += coded ? `:code[${word}]{.C memo="kite"}${gap}` : `${word}${gap}`;
          plain += word + gap;
        }
        const source = parseTranscript(file, { path: 's.md' });
        assert.equal(source.plainText.replace(/^\n/, ''), plain, 'the plain text is built as expected');
        const shift = source.plainText.length - plain.length;
        const result = searchSources([source], emptyCodebook(), { pattern: 'kite', wholeWord: true });
        assert.ok(result.ok);
        assert.deepEqual(result.hits.map((hit) => hit.start - shift), expected);
        const points = Array.from(source.plainText);
        for (const hit of result.hits) assert.equal(points.slice(hit.start, hit.end).join('').toLowerCase(), 'kite');
      }),
      { numRuns: 200 },
    );
  });
});
