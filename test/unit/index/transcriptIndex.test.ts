import { strict as assert } from 'node:assert';
import { TranscriptIndex } from '../../../src/core/index/transcriptIndex';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { emptyCodebook } from '../../../src/core/codebook/emptyCodebook';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';

describe('TranscriptIndex', () => {
  it('re-parses only the file that changed and keeps the others as they were', () => {
    const a = parseTranscript(':code[a]{.A}\n', { path: 'a.md' });
    const b = parseTranscript(':code[b]{.B}\n', { path: 'b.md' });
    const index = new TranscriptIndex([b, a], emptyCodebook());
    assert.deepEqual(index.sources.map((source) => source.path), ['a.md', 'b.md']);
    const before = index.version;
    index.update(':code[a]{.A} :code[again]{.C}\n', { path: 'a.md' });
    assert.equal(index.get('a.md')?.excerpts.length, 2);
    assert.equal(index.get('b.md'), b);
    assert.ok(index.version > before);
  });

  it('removes a file and reports unknown codes against the codebook in use', () => {
    const index = new TranscriptIndex([], emptyCodebook());
    index.update(':code[x]{.T9}\n', { path: 'x.md' });
    assert.deepEqual(index.diagnosticsOf('x.md'), []);
    index.setCodebook(compileCodebook([{ path: 'codebook.yaml', text: 'codes:\n  - id: T1\n    name: One\n' }]).codebook);
    assert.deepEqual(index.diagnosticsOf('x.md').map((diagnostic) => diagnostic.ruleId), ['unknown-code']);
    assert.equal(index.remove('x.md'), true);
    assert.equal(index.remove('x.md'), false);
    assert.deepEqual(index.sources, []);
  });
});
