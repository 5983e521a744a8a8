import { strict as assert } from 'node:assert';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

const parse = (text: string) => parseTranscript(text, { path: 'p.md' });
const byRule = (text: string, ruleId: string) => parse(text).diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);

describe('unclosed markup', () => {
  it('reports unterminated attributes of a text directive at their `{`, instead of a directive without codes', () => {
    const text = 'Intro line.\nP1: :code[x]{.T1b by=x memo="a \\"b\\"\nmore text\n';
    const source = parse(text);
    const [problem] = byRule(text, 'unterminated-attributes');
    assert.ok(problem, JSON.stringify(source.diagnostics));
    assert.equal(problem.line, 2);
    assert.equal(problem.column, 13);
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /not closed/);
    assert.deepEqual(byRule(text, 'no-codes'), []);
  });

  it('reports attributes that are closed but cannot be read at their `{`', () => {
    const text = 'P1: :code[x]{.T1 memo="a \\"b\\""} end\n';
    const [problem] = byRule(text, 'unreadable-attributes');
    assert.ok(problem, JSON.stringify(parse(text).diagnostics));
    assert.equal(problem.column, 13);
    assert.deepEqual(byRule(text, 'no-codes'), []);
  });

  it('reports unterminated attributes of a container fence at their `{`', () => {
    const text = 'Intro.\n\n:::code{.T1 by=pg\nBody.\n:::\n';
    const [problem] = byRule(text, 'unterminated-attributes');
    assert.ok(problem, JSON.stringify(parse(text).diagnostics));
    assert.equal(problem.line, 3);
    assert.equal(problem.column, 8);
  });

  it('still reports a directive without attributes as one without codes', () => {
    assert.equal(byRule('P1: :code[x] end\n', 'no-codes').length, 1);
    assert.deepEqual(byRule('P1: :code[x] end\n', 'unterminated-attributes'), []);
  });

  it('warns at line 1 that front matter without its closing `---` is read as text', () => {
    const text = '---\nid: int-07\ncoders: [pg]\n\nP1: :code[x]{.T1}\n';
    const source = parse(text);
    const [problem] = byRule(text, 'unclosed-front-matter');
    assert.ok(problem, JSON.stringify(source.diagnostics));
    assert.equal(problem.line, 1);
    assert.equal(problem.column, 1);
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /read as text/);
    assert.equal(source.id, 'p');
    assert.ok(source.plainText.startsWith('---\nid: int-07'));
  });

  it('does not warn about a file that starts with a thematic break before prose', () => {
    assert.deepEqual(byRule('---\n\nP1: hello\n', 'unclosed-front-matter'), []);
    assert.deepEqual(byRule('---\nid: x\n---\nBody\n', 'unclosed-front-matter'), []);
  });
});

describe('attributes followed by braces', () => {
  it('reads a directive whose attribute block is followed by text in braces without any attribute problem', () => {
    const text = 'P1: :code[x]{.T1 by=pg}{not attributes} end\n';
    const source = parse(text);
    assert.deepEqual(source.diagnostics, []);
    assert.deepEqual(source.excerpts[0].codes, ['T1']);
  });
});
