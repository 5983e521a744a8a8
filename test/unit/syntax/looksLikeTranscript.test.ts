import { strict as assert } from 'node:assert';
import { declaresSourceId, looksLikeTranscript } from '../../../src/core/syntax/looksLikeTranscript';

describe('looksLikeTranscript (which files of a folder are transcripts)', () => {
  it('takes a file that mentions :code, or whose front matter names its source id', () => {
    assert.equal(looksLikeTranscript('see :code[x]{.A}\n'), true);
    assert.equal(looksLikeTranscript('---\nid: P1\n---\ntext\n'), true);
    assert.equal(looksLikeTranscript('\uFEFF---\r\ntitle: t\r\nid: P1\r\n---\r\n'), true);
    assert.equal(looksLikeTranscript('just notes, :codebook is not markup\n'), false);
  });

  it('reads id only inside a front matter that opens on the first line', () => {
    assert.equal(declaresSourceId('---\ntitle: t\n---\nid: P1\n'), false);
    assert.equal(declaresSourceId('\n---\nid: P1\n---\n'), false);
    assert.equal(declaresSourceId('---\nid:\n---\n'), false);
    assert.equal(declaresSourceId('---\nidentifier: x\n---\n'), false);
    assert.equal(declaresSourceId('---\ntitle: t\n...\nid: P1\n'), false);
    assert.equal(declaresSourceId('---\nid: P1\n'), true, 'an unclosed front matter still names it (the parser reports the error)');
  });
});
