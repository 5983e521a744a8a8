import { strict as assert } from 'node:assert';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { parseCompact } from '../../../src/core/syntax/parseCompact';

const parse = (text: string) => parseTranscript(text, { path: 'hostile.md' });
const yamlProblems = (text: string) => parse(text).diagnostics.filter((diagnostic) => diagnostic.ruleId === 'front-matter-yaml');

/** Front matter with `count` aliases of one anchor, then a coded body. */
function manyAliases(count: number): string {
  const lines = ['---', 'id: many', 'base: &a x'];
  for (let index = 0; index < count; index++) lines.push(`k${index}: *a`);
  return [...lines, '---', '', 'Some :code[text]{.T1} here.', ''].join('\n');
}

describe('hostile front matter', () => {
  it('reports 100 or more YAML aliases as an error at the first alias instead of throwing, and still reads the excerpts', () => {
    const source = parse(manyAliases(120));
    const [problem] = yamlProblems(manyAliases(120));
    assert.ok(problem, JSON.stringify(source.diagnostics));
    assert.equal(problem.severity, 'error');
    assert.equal(problem.line, 4);
    assert.equal(problem.column, 5);
    assert.match(problem.message, /alias/);
    assert.equal(source.excerpts.length, 1);
    assert.equal(source.id, 'hostile');
  });

  it('reads front matter with a few aliases as before', () => {
    const source = parse(manyAliases(3));
    assert.deepEqual(yamlProblems(manyAliases(3)), []);
    assert.equal(source.attributes.k2, 'x');
    assert.equal(source.id, 'many');
  });

  it('reports nested aliases that expand past the limit (billion laughs) without building them', () => {
    const lines = ['---', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
    const text = [...lines, '---', '', 'Body', ''].join('\n');
    const started = Date.now();
    assert.equal(yamlProblems(text).length, 1);
    assert.ok(Date.now() - started < 2000);
  });

  it('reports an alias without its anchor at the alias', () => {
    const [problem] = yamlProblems('---\nid: x\nrole: *nowhere\n---\nBody\n');
    assert.ok(problem);
    assert.equal(problem.line, 3);
    assert.equal(problem.column, 7);
    assert.match(problem.message, /nowhere/);
  });

  it('reports an alias inside its own anchor, and keeps the parse serialisable for the cache', () => {
    const text = '---\nloop: &x [*x]\n---\nBody :code[y]{.A}\n';
    const [problem] = yamlProblems(text);
    assert.ok(problem, JSON.stringify(parse(text).diagnostics));
    assert.equal(problem.line, 2);
    assert.doesNotThrow(() => JSON.stringify(parseCompact({ text, path: 'hostile.md', hash: '', bom: false, writable: true, diagnostics: [] }).compact));
  });
});
