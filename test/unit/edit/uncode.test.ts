import { strict as assert } from 'node:assert';
import { uncode } from '../../../src/core/edit/uncode';
import { applied, parse } from './helpers';

function uncodeFirst(text: string, code?: string, pick = 0) {
  const parsed = parse(text);
  return uncode(text, parsed, parsed.source.excerpts[pick], code);
}

describe('uncode', () => {
  it('removes one code and keeps the others', () => {
    const text = 'a :code[b c]{.T1 .M3 by=pg} d\n';
    assert.equal(applied(text, uncodeFirst(text, 'T1')), 'a :code[b c]{.M3 by=pg} d\n');
  });

  it('removes the directive, keeping its label, when its last code goes', () => {
    const text = 'a :code[b c]{.T1 by=pg memo="m"} d\n';
    assert.equal(applied(text, uncodeFirst(text, 'T1')), 'a b c d\n');
  });

  it('removes the label escapes no remaining label needs', () => {
    const text = 'a :code[see \\[1\\] C:\\\\]{.T1} d\n';
    const after = applied(text, uncodeFirst(text));
    assert.equal(after, 'a see [1] C:\\ d\n');
    assert.equal(parse(after).source.plainText, parse(text).source.plainText);
  });

  it('keeps the escapes an enclosing label still needs', () => {
    const text = ':code[x :code[\\[y]{.T2} z\\]]{.T1}\n';
    const parsed = parse(text);
    const inner = parsed.source.excerpts.find((excerpt) => excerpt.codes.includes('T2'));
    assert.ok(inner);
    assert.equal(applied(text, uncode(text, parsed, inner)), ':code[x \\[y z\\]]{.T1}\n');
  });

  it('removes a container with its fence lines and their line ends (CRLF kept elsewhere)', () => {
    const text = 'Intro.\r\n\r\n:::code{.T1}\r\nOne.\r\n:::\r\n\r\nEnd.\r\n';
    assert.equal(applied(text, uncodeFirst(text)), 'Intro.\r\n\r\nOne.\r\n\r\nEnd.\r\n');
  });

  it('removes a closing fence on the last line together with the line end before it', () => {
    const text = ':::code{.T1}\nOne.\n:::';
    assert.equal(applied(text, uncodeFirst(text)), 'One.');
  });

  it('removes every fragment of an excerpt sharing an id', () => {
    const text = ':code[a]{.T1 id=x1} b :code[c]{.T1 id=x1}\n';
    assert.equal(applied(text, uncodeFirst(text)), 'a b c\n');
  });

  it('refuses a code the excerpt does not have', () => {
    const result = uncodeFirst('a :code[b]{.T1} c\n', 'M9');
    assert.ok(!result.ok && /no code `M9`/.test(result.error));
  });
});
