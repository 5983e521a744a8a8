import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { attributeText, quoteAttributeValue } from '../../../src/core/edit/attributeText';
import { readAttributeBlock } from '../../../src/core/edit/attributeBlock';
import { parse } from './helpers';

const memoText = fc.string({ unit: fc.oneof(fc.constantFrom('"', "'", '\n', '\r', '\\', '[', ']', '&', '#', '{', '}', ':', '=', '<', '`', ' '), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 16 });

describe('attributeText', () => {
  it('writes a memo with quotes, line breaks and backslashes that a container directive reads back', () => {
    const memo = 'a\nb "c" \\ d';
    const [excerpt] = parse(`:::code${attributeText({ codes: ['T1'], memo })}\nText.\n:::\n`).source.excerpts;
    assert.equal(excerpt.memo, memo);
  });

  it('reads back any memo identically in a text directive, a container and a label nested in another label', () => {
    fc.assert(
      fc.property(memoText, (memo) => {
        const block = attributeText({ codes: ['T1'], coder: 'pg', memo });
        for (const text of [`a :code[b]${block} c\n`, `:::code${block}\nText.\n:::\n`, `a :code[:code[b]${block} c]{.M1} d\n`]) {
          const excerpt = parse(text).source.excerpts.find((item) => item.codes.includes('T1'));
          assert.equal(excerpt?.memo, memo, text);
          assert.equal(parse(text).source.plainText.includes('{'), false, text);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('leaves simple words bare', () => {
    assert.equal(quoteAttributeValue('pg'), 'pg');
    assert.equal(quoteAttributeValue('a b'), '"a b"');
  });
});

describe('readAttributeBlock', () => {
  it('finds each token with its place, for text and container directives', () => {
    const text = ':::code{.T1 by=pg}\nOne :code[two]{.M1 #e1 memo="x y" exemplar}.\n:::\n';
    const parsed = parse(text);
    const container = parsed.facts.directives.find((fact) => fact.kind === 'container');
    const inline = parsed.facts.directives.find((fact) => fact.kind === 'text');
    assert.ok(container && inline);
    const outer = readAttributeBlock(text, container);
    const inner = readAttributeBlock(text, inline);
    assert.deepEqual(outer?.tokens.map((token) => text.slice(token.start, token.end)), ['.T1', 'by=pg']);
    assert.deepEqual(inner?.tokens.map((token) => [token.kind, token.key, token.value]), [['class', 'class', 'M1'], ['id', 'id', 'e1'], ['named', 'memo', 'x y'], ['named', 'exemplar', '']]);
  });
});
