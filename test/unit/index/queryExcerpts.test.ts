import { strict as assert } from 'node:assert';
import { queryExcerpts } from '../../../src/core/index/queryExcerpts';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

const codebook = compileCodebook([
  {
    path: 'codebook.yaml',
    text: 'codes:\n  - id: T1\n    name: Meaning\n    group: tensions\n    aliases: [MEANING]\n    children:\n      - id: T1a\n        name: Clarity\n  - id: M1\n    name: Mechanism one\n    group: mechanisms\n',
  },
]).codebook;
const sources = [
  parseTranscript('---\nid: a\npartnership: North\ntags: [pilot, urban]\n---\n:code[one]{.T1 by=pg} :code[two]{.T1a by=rk} :code[three]{.M1 by=pg} :code[four]{.X9 by=rk}\n', { path: 'a.md' }),
  parseTranscript('---\nid: b\npartnership: South\n---\n:code[five]{.T1a by=pg}\n', { path: 'sub/b.md' }),
];
const texts = (query: Parameters<typeof queryExcerpts>[2]) => queryExcerpts(sources, codebook, query).map((hit) => hit.excerpt.text);

describe('queryExcerpts', () => {
  it('finds a code with its descendants by default, and without them when asked', () => {
    assert.deepEqual(texts({ codes: ['T1'] }), ['one', 'two', 'five']);
    assert.deepEqual(texts({ codes: ['T1'], descendants: false }), ['one']);
  });

  it('resolves aliases and still finds codes the codebook does not know', () => {
    assert.deepEqual(texts({ codes: ['MEANING'], descendants: false }), ['one']);
    assert.deepEqual(texts({ codes: ['X9'] }), ['four']);
  });

  it('filters by group, coder, source id or path, and attribute', () => {
    assert.deepEqual(texts({ groups: ['mechanisms'] }), ['three']);
    assert.deepEqual(texts({ groups: ['tensions'], coders: ['pg'] }), ['one', 'five']);
    assert.deepEqual(texts({ sources: ['sub/b.md'] }), ['five']);
    assert.deepEqual(texts({ sources: ['a'], coders: ['rk'] }), ['two', 'four']);
    assert.deepEqual(texts({ where: { partnership: 'South' } }), ['five']);
    assert.deepEqual(texts({ where: { tags: 'urban' }, codes: ['M1'] }), ['three']);
  });

  it('returns everything for an empty query and nothing for an unmatched one', () => {
    assert.equal(texts({}).length, 5);
    assert.deepEqual(texts({ coders: ['nobody'] }), []);
  });
});
