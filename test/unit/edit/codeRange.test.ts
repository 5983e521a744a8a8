import { strict as assert } from 'node:assert';
import { codeRange } from '../../../src/core/edit/codeRange';
import { applied, parse, rangeOf } from './helpers';

function code(text: string, needle: string, extra: Partial<Parameters<typeof codeRange>[2]> = {}) {
  const parsed = parse(text);
  return codeRange(text, parsed, { ...rangeOf(parsed, needle), codes: ['T1'], coder: 'pg', ...extra });
}

describe('codeRange', () => {
  it('writes a text directive around a range inside one paragraph', () => {
    const text = '**P1:** we met the council every week.\n';
    assert.equal(applied(text, code(text, 'the council')), '**P1:** we met :code[the council]{.T1 by=pg} every week.\n');
  });

  it('writes a container around whole paragraphs, from a line start to a line end', () => {
    const text = 'First answer.\n\nSecond answer.\n\nThird.\n';
    assert.equal(applied(text, code(text, 'First answer.\n\nSecond answer.')), ':::code{.T1 by=pg}\nFirst answer.\n\nSecond answer.\n:::\n\nThird.\n');
  });

  it('with wholeParagraphs, writes a container around one whole paragraph, its speaker label inside', () => {
    const text = '**P1:** First answer.\n\n**P4:** Second answer.\n\nThird.\n';
    const tripleClick = code(text, '**P4:** Second answer.\n', { wholeParagraphs: true });
    const after = applied(text, tripleClick);
    assert.equal(after, '**P1:** First answer.\n\n:::code{.T1 by=pg}\n**P4:** Second answer.\n:::\n\nThird.\n');
    assert.equal(parse(after).source.plainText, parse(text).source.plainText);
    assert.ok(tripleClick.ok && tripleClick.kind === 'container');
    assert.equal(applied(text, code(text, '**P4:** Second answer.\n')), '**P1:** First answer.\n\n:code[**P4:** Second answer.]{.T1 by=pg}\n\nThird.\n', 'without the option, one text directive as before');
  });

  it('with wholeParagraphs, writes one container around whole paragraphs and the blank lines after them', () => {
    const text = '**P1:** First answer.\n\n**P1:** Second answer.\n\nThird.\n';
    const result = code(text, '**P1:** First answer.\n\n**P1:** Second answer.\n\n', { wholeParagraphs: true });
    assert.equal(applied(text, result), ':::code{.T1 by=pg}\n**P1:** First answer.\n\n**P1:** Second answer.\n:::\n\nThird.\n');
    const partial = code(text, 'First answer.\n\n**P1:** Second', { wholeParagraphs: true });
    assert.ok(partial.ok && partial.kind === 'text', 'a partial selection is not widened');
  });

  it('writes one text directive per block, joined by an id, for a partial range over several blocks', () => {
    const text = 'First answer.\n\nSecond answer.\n';
    assert.equal(applied(text, code(text, 'answer.\n\nSecond')), 'First :code[answer.]{.T1 by=pg id=x1}\n\n:code[Second]{.T1 by=pg id=x1} answer.\n');
  });

  it('widens a partial range over several blocks to whole blocks when asked', () => {
    const text = 'First answer.\n\nSecond answer.\n';
    const result = code(text, 'answer.\n\nSecond', { wholeBlocks: true });
    assert.equal(applied(text, result), ':::code{.T1 by=pg}\nFirst answer.\n\nSecond answer.\n:::\n');
    assert.ok(result.ok && result.start === 0 && result.end === 29);
  });

  it('splits a range that crosses an existing coding into fragments sharing an id', () => {
    const text = 'one :code[two three]{.M1 by=rk} four\n';
    assert.equal(applied(text, code(text, 'one two')), ':code[one ]{.T1 by=pg id=x1}:code[:code[two]{.T1 by=pg id=x1} three]{.M1 by=rk} four\n');
  });

  it('adds a class to an excerpt of the same coder with exactly the same span instead of nesting', () => {
    const text = 'one :code[two three]{.M1 by=pg memo="x"} four\n';
    assert.equal(applied(text, code(text, 'two three')), 'one :code[two three]{.M1 .T1 by=pg memo="x"} four\n');
  });

  it('nests a new directive when the same span was coded by another coder', () => {
    const text = 'one :code[two three]{.M1 by=rk} four\n';
    assert.equal(applied(text, code(text, 'two three')), 'one :code[:code[two three]{.M1 by=rk}]{.T1 by=pg} four\n');
  });

  it('lengthens the fence of an enclosing container when a container goes inside it', () => {
    const text = ':::code{.M1}\nOne.\n\nTwo.\n\nThree.\n:::\n';
    assert.equal(applied(text, code(text, 'One.\n\nTwo.')), '::::code{.M1}\n:::code{.T1 by=pg}\nOne.\n\nTwo.\n:::\n\nThree.\n::::\n');
  });

  it('escapes brackets and a trailing backslash in the label so the plain text stays the same', () => {
    const text = 'see [1 and C:\\ here\n';
    const after = applied(text, code(text, '[1 and C:\\'));
    assert.equal(after, 'see :code[\\[1 and C:\\\\]{.T1 by=pg} here\n');
    assert.equal(parse(after).source.plainText, text);
  });

  it('keeps a Markdown-escaped bracket literal inside the new label (no link appears)', () => {
    const text = 'see \\[note](x) here\n';
    const after = applied(text, code(text, 'see \\[note](x)'));
    assert.equal(after, ':code[see \\\\\\[note\\](x)]{.T1 by=pg} here\n');
    assert.equal(parse(after).source.plainText, text);
  });

  it('keeps CRLF line ends and writes the container fences with them', () => {
    const text = 'One.\r\n\r\nTwo 😀.\r\n';
    assert.equal(applied(text, code(text, 'One.\r\n\r\nTwo 😀.')), ':::code{.T1 by=pg}\r\nOne.\r\n\r\nTwo 😀.\r\n:::\r\n');
  });

  it('quotes a memo with quotes, a line break and a backslash so it reads back identically', () => {
    const text = 'alpha beta\n';
    const memo = 'said "no"\nthen C:\\ [sic]';
    const after = applied(text, code(text, 'beta', { memo, exemplar: true }));
    const [excerpt] = parse(after).source.excerpts;
    assert.equal(excerpt.memo, memo);
    assert.equal(excerpt.exemplar, true);
  });

  it('refuses a range that starts inside inline code, with the reason', () => {
    const text = 'call `run()` now\n';
    const result = code(text, 'un()` now');
    assert.ok(!result.ok);
    assert.match(result.error, /inside inline code/);
  });

  it('refuses a range that crosses a link but codes one that holds it whole', () => {
    const text = 'read [the report](https://example.org) today\n';
    const crossing = code(text, 'read [the');
    assert.ok(!crossing.ok && /crosses a link/.test(crossing.error));
    assert.equal(applied(text, code(text, 'read [the report](https://example.org)')), ':code[read [the report](https://example.org)]{.T1 by=pg} today\n');
  });

  it('refuses an opening right after a colon', () => {
    const text = 'she said: yes\n';
    const result = code(text, ' yes');
    assert.ok(!result.ok && /after `:`/.test(result.error));
  });

  it('refuses up front a range that ends between two colons, where the second would start a directive after the markup', () => {
    // Found by the fuzz (seed 261655278): `:code[a :]{.T1}:code[]` reads `:code[]` as an empty directive.
    const text = 'a ::code[]';
    const parsed = parse(text);
    const result = codeRange(text, parsed, { start: 0, end: 3, codes: ['T1'] });
    assert.ok(!result.ok);
    assert.match(result.error, /between two colons/);
    assert.doesNotMatch(result.error, /cannot code this range exactly/);
    assert.equal(result.offset, 3);
  });

  it('refuses a range that ends between two colons before a labelled directive of the same colon run', () => {
    const text = 'P1: see ::code[x]{.T2} here\n';
    const parsed = parse(text);
    const result = codeRange(text, parsed, { start: 0, end: 9, codes: ['T1'] });
    assert.ok(!result.ok && /between two colons/.test(result.error), JSON.stringify(result));
  });

  it('refuses up front a range that ends between a backslash and the punctuation it escapes', () => {
    // `:code[a \\]{.T1}:code[]` would un-escape the colon and read `:code[]` as an empty directive.
    for (const text of ['a \\:code[]', 'a \\`b :code[c]{.T2} d`\n']) {
      const result = codeRange(text, parse(text), { start: 0, end: 3, codes: ['T1'] });
      assert.ok(!result.ok);
      assert.match(result.error, /between a backslash and the character it escapes/);
      assert.doesNotMatch(result.error, /cannot code this range exactly/);
      assert.equal(result.offset, 3);
    }
  });

  it('codes a range that ends after an escaped backslash', () => {
    const text = 'a \\\\:b\n';
    assert.equal(applied(text, code(text, 'a \\\\')), ':code[a \\\\\\\\]{.T1 by=pg}:b\n');
  });

  it('codes a range that ends right after a colon when no colon follows', () => {
    const text = 'she said: yes\n';
    assert.equal(applied(text, code(text, 'she said:')), ':code[she said:]{.T1 by=pg} yes\n');
  });

  it('refuses a range inside a fenced code block', () => {
    const text = 'Text.\n\n```\nsome code\n```\n';
    const result = code(text, 'some');
    assert.ok(!result.ok && /code block/.test(result.error));
  });

  it('refuses to edit a file the tool must not write', () => {
    const text = 'alpha beta\n';
    const parsed = parse(text);
    const readOnly = { ...parsed, source: { ...parsed.source, writable: false } };
    const result = codeRange(text, readOnly, { start: 0, end: 5, codes: ['T1'] });
    assert.ok(!result.ok && /read-only/.test(result.error));
  });

  it('refuses a code that is not a code id', () => {
    const text = 'alpha beta\n';
    const result = code(text, 'beta', { codes: ['T 1'] });
    assert.ok(!result.ok && /not a code id/.test(result.error));
  });

  it('leaves the front matter alone and counts offsets in the plain text after it', () => {
    const text = '---\nid: s1\n---\nalpha beta\n';
    assert.equal(applied(text, code(text, 'beta')), '---\nid: s1\n---\nalpha :code[beta]{.T1 by=pg}\n');
  });
});
