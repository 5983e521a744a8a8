import { strict as assert } from 'node:assert';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

const parse = (text: string, path = 'study/int-01.md') => parseTranscript(text, { path });
const rules = (text: string) => parse(text).diagnostics.map((diagnostic) => diagnostic.ruleId);

describe('parseTranscript', () => {
  describe('text directives', () => {
    it('reads codes, coder and the plain-text span of a text directive', () => {
      const source = parse('**P3:** I think :code[academics are the experts]{.T2 .M3 by=pg} here.\n');
      assert.equal(source.plainText, '**P3:** I think academics are the experts here.\n');
      assert.equal(source.excerpts.length, 1);
      const [excerpt] = source.excerpts;
      assert.deepEqual(excerpt.codes, ['T2', 'M3']);
      assert.equal(excerpt.coder, 'pg');
      assert.equal(excerpt.text, 'academics are the experts');
      assert.equal(excerpt.start, 16);
      assert.equal(excerpt.end, 41);
      assert.equal(excerpt.line, 1);
      assert.equal(excerpt.fragments[0].kind, 'text');
    });

    it('reads memo, exemplar, id and keeps unknown attributes', () => {
      const [excerpt] = parse(':code[x]{.A memo="hard to say" exemplar id=e1 confidence=high}\n').excerpts;
      assert.equal(excerpt.memo, 'hard to say');
      assert.equal(excerpt.exemplar, true);
      assert.equal(excerpt.id, 'e1');
      assert.deepEqual(excerpt.attributes, { confidence: 'high' });
    });

    it('undoes the label escapes of brackets and backslashes in the plain text', () => {
      const source = parse('a :code[see \\[1\\] and C:\\\\ here]{.A} b\n');
      assert.equal(source.plainText, 'a see [1] and C:\\ here b\n');
      assert.equal(source.excerpts[0].text, 'see [1] and C:\\ here');
    });

    it('keeps backslashes that are not label escapes, and balanced brackets', () => {
      const source = parse(':code[a\\*b [c] d]{.A}\n');
      assert.equal(source.plainText, 'a\\*b [c] d\n');
    });

    it('reads nested text directives with their own spans', () => {
      const source = parse(':code[one :code[two]{.B} three]{.A}\n');
      assert.equal(source.plainText, 'one two three\n');
      const byCode = Object.fromEntries(source.excerpts.map((excerpt) => [excerpt.codes[0], excerpt.text]));
      assert.deepEqual(byCode, { A: 'one two three', B: 'two' });
    });

    it('joins fragments that share an id into one excerpt (a crossing coding)', () => {
      const source = parse(':code[aaaa :code[bbbb]{.B id=x1}]{.A} :code[cccc]{.B id=x1}\n');
      assert.equal(source.plainText, 'aaaa bbbb cccc\n');
      const b = source.excerpts.find((excerpt) => excerpt.codes.includes('B'));
      assert.ok(b);
      assert.deepEqual(b.fragments.map((fragment) => [fragment.start, fragment.end]), [[5, 9], [10, 14]]);
      assert.equal(b.start, 5);
      assert.equal(b.end, 14);
      assert.equal(b.text, 'bbbb cccc');
    });

    it('treats a label that spans a soft line break as one excerpt', () => {
      const source = parse(':code[first line\nsecond line]{.A}\n');
      assert.equal(source.excerpts[0].text, 'first line\nsecond line');
    });

    it('reads an attribute-only directive as an empty excerpt and warns', () => {
      const source = parse('text :code{.A} more\n');
      assert.equal(source.plainText, 'text  more\n');
      assert.ok(rules('text :code{.A} more\n').includes('empty-excerpt'));
    });

    it('leaves other directives exactly as written and does not read them as excerpts', () => {
      const text = 'a :abbr[HTML]{title="x"} and\n\n:::note\nkept\n:::\n';
      const source = parse(text);
      assert.equal(source.plainText, text);
      assert.equal(source.excerpts.length, 0);
    });

    it('warns about a code directive without codes', () => {
      assert.ok(rules(':code[x]{by=pg}\n').includes('no-codes'));
    });
  });

  describe('container directives', () => {
    it('removes fence lines and covers the content to the end of its last line', () => {
      const text = ':::code{.T1 .T1b by=rk memo="funding shapes it"}\n**P4:** A long answer\n\nseveral paragraphs.\n:::\n\nafter\n';
      const source = parse(text);
      assert.equal(source.plainText, '**P4:** A long answer\n\nseveral paragraphs.\n\nafter\n');
      const [excerpt] = source.excerpts;
      assert.equal(excerpt.text, '**P4:** A long answer\n\nseveral paragraphs.');
      assert.equal(excerpt.speaker, 'P4');
      assert.equal(excerpt.memo, 'funding shapes it');
      assert.equal(excerpt.fragments[0].kind, 'container');
      assert.equal(excerpt.fragments[0].range.startLine, 1);
      assert.equal(excerpt.fragments[0].range.endLine, 5);
    });

    it('reads nested containers; inner fences are markup, not content', () => {
      const text = '::::code{.A}\n:::code{.B}\ninner\n:::\n\nouter\n::::\n';
      const source = parse(text);
      assert.equal(source.plainText, 'inner\n\nouter\n');
      const byCode = Object.fromEntries(source.excerpts.map((excerpt) => [excerpt.codes[0], excerpt.text]));
      assert.deepEqual(byCode, { A: 'inner\n\nouter', B: 'inner' });
    });

    it('ends the content before the fence when the fence is the last line without terminator', () => {
      const source = parse(':::code{.A}\ntext\n:::');
      assert.equal(source.plainText, 'text');
      assert.equal(source.excerpts[0].text, 'text');
    });

    it('takes the terminator before nested fences when the outer fence ends the file without one', () => {
      const source = parse('::::code{.A}\r\n:::code{.B}\r\ntext\r\n:::\r\n::::');
      assert.equal(source.plainText, 'text');
      assert.deepEqual(source.excerpts.map((excerpt) => excerpt.text), ['text', 'text']);
    });

    it('reports an unclosed container with its line and column and keeps its excerpt', () => {
      const source = parse('intro\n\n:::code{.A}\ntext\n');
      const problem = source.diagnostics.find((diagnostic) => diagnostic.ruleId === 'unclosed-container');
      assert.ok(problem);
      assert.equal(problem.severity, 'error');
      assert.equal(problem.line, 3);
      assert.equal(problem.column, 1);
      assert.equal(source.excerpts[0].text, 'text');
    });

    it('keeps CRLF line terminators in the plain text and removes them with the fences', () => {
      const source = parse(':::code{.A}\r\nline one\r\nline two\r\n:::\r\nafter\r\n');
      assert.equal(source.plainText, 'line one\r\nline two\r\nafter\r\n');
      assert.equal(source.excerpts[0].text, 'line one\r\nline two');
      assert.equal(source.eol, '\r\n');
    });
  });

  describe('offsets', () => {
    it('counts offsets in code points, so astral characters count once', () => {
      const source = parse('😀😀 :code[🎉 party]{.A} 👍\n');
      const [excerpt] = source.excerpts;
      assert.equal(excerpt.start, 3);
      assert.equal(excerpt.end, 10);
      assert.equal(excerpt.text, '🎉 party');
      assert.equal(source.length, [...source.plainText].length);
    });

    it('gives code-point columns in diagnostics', () => {
      const source = parse('😀😀 :code[x]{by=pg}\n');
      const problem = source.diagnostics.find((diagnostic) => diagnostic.ruleId === 'no-codes');
      assert.ok(problem);
      assert.equal(problem.column, 4);
    });

    it('drops a byte order mark from the plain text and remembers it', () => {
      const source = parse('\ufeffhello :code[world]{.A}\n');
      assert.equal(source.plainText, 'hello world\n');
      assert.equal(source.bom, true);
      assert.equal(source.excerpts[0].start, 6);
    });
  });

  describe('front matter', () => {
    it('reads attributes and the source id, and leaves the front matter out of the plain text', () => {
      const source = parse('---\nid: int-07\npartnership: Yorkshire & Humber\ncoders: [pg, rk]\n---\n\nBody\n');
      assert.equal(source.id, 'int-07');
      assert.equal(source.attributes.partnership, 'Yorkshire & Humber');
      assert.deepEqual(source.coders, ['pg', 'rk']);
      assert.equal(source.plainText, '\nBody\n');
    });

    it('defaults the source id to the file name without extension', () => {
      assert.equal(parse('Body\n', 'a/b/interview-3.md').id, 'interview-3');
    });

    it('reports YAML errors at their line and column in the file and still parses the body', () => {
      const source = parse('---\nid: x\nrole: [unclosed\n---\n\n:code[Body]{.A}\n');
      const problem = source.diagnostics.find((diagnostic) => diagnostic.ruleId === 'front-matter-yaml');
      assert.ok(problem, JSON.stringify(source.diagnostics));
      assert.ok(problem.line >= 3 && problem.line <= 4, `line ${problem.line}`);
      assert.equal(source.excerpts.length, 1);
    });

    it('reports a front matter that is not a mapping', () => {
      assert.ok(rules('---\n- a\n- b\n---\nBody\n').includes('front-matter-shape'));
    });
  });

  describe('speakers and headings', () => {
    it('gives each excerpt the speaker of its turn, which lasts until the next turn', () => {
      const text = '**Interviewer:** What helped?\n\nP3: Funding helped.\n\nA second :code[paragraph]{.A} of P3.\n\n**P4**: I :code[disagree]{.B}.\n';
      const source = parse(text);
      assert.deepEqual(source.turns.map((turn) => turn.speaker), ['Interviewer', 'P3', 'P4']);
      const speakers = Object.fromEntries(source.excerpts.map((excerpt) => [excerpt.codes[0], excerpt.speaker]));
      assert.deepEqual(speakers, { A: 'P3', B: 'P4' });
    });

    it('finds a speaker when the turn marker itself is coded', () => {
      const source = parse(':code[**P5:** all of this]{.A}\n');
      assert.equal(source.excerpts[0].speaker, 'P5');
    });

    it('gives each excerpt its heading path', () => {
      const text = '# Interview\n\n## Roles\n\n:code[a]{.A}\n\n## Funding\n\n### Grants\n\n:code[b]{.B}\n';
      const source = parse(text);
      const paths = Object.fromEntries(source.excerpts.map((excerpt) => [excerpt.codes[0], excerpt.headings]));
      assert.deepEqual(paths, { A: ['Interview', 'Roles'], B: ['Interview', 'Funding', 'Grants'] });
    });
  });

  describe('bad input', () => {
    it('keeps a malformed directive as text and warns at its place', () => {
      const source = parse('ok\n\nthen :code[broken\n');
      assert.equal(source.plainText, 'ok\n\nthen :code[broken\n');
      const problem = source.diagnostics.find((diagnostic) => diagnostic.ruleId === 'malformed-directive');
      assert.ok(problem);
      assert.equal(problem.line, 3);
      assert.equal(problem.column, 6);
    });

    it('does not read `:code` inside code spans or fenced code as markup or as a problem', () => {
      const text = 'use `:code[x]{.A}` like this\n\n```\n:code[y]{.B}\n```\n';
      const source = parse(text);
      assert.equal(source.plainText, text);
      assert.equal(source.excerpts.length, 0);
      assert.equal(source.diagnostics.length, 0);
    });

    it('never throws on arbitrary text', () => {
      for (const text of ['', '\u0000\u0001', ':::code', ':code[', '---\n', '---\n---', '\ufeff', '\r\r\n\n', ':code[\\', '::::code{.A}\n:::code{.B}\n']) {
        assert.doesNotThrow(() => parse(text), JSON.stringify(text));
      }
    });
  });
});

describe('fragment content offsets', () => {
  it('point at the label of a text directive and the lines of a container', () => {
    const text = 'a :code[label]{.A} b\n\n::::code{.B}\nfirst\n\n:::code{.C}\nsecond\n:::\n::::\n';
    const source = parseTranscript(text, { path: 'x.md' });
    const slices = Object.fromEntries(source.excerpts.map((excerpt) => [excerpt.codes[0], text.slice(excerpt.fragments[0].contentStartOffset, excerpt.fragments[0].contentEndOffset)]));
    assert.deepEqual(slices, { A: 'label', B: 'first\n\n:::code{.C}\nsecond', C: 'second' });
  });
});
