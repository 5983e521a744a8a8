import * as assert from 'node:assert/strict';
import { addCodeToCodebook } from '../../../src/core/edit/addCodeToCodebook';
import { applyTextEdits } from '../../../src/core/edit/textEdit';
import { codebook, codebookText } from './fixtures';

function added(text: string, code: Parameters<typeof addCodeToCodebook>[1]): string {
  const result = addCodeToCodebook(text, code);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return applyTextEdits(text, result.edits);
}

describe('adding a code to a codebook file', () => {
  it('appends the code after the last entry and keeps the rest byte for byte', () => {
    const text = `# my codebook\n${codebookText}`;
    const after = added(text, { id: 'N1', name: 'New "code"', description: 'Something: new' });
    assert.ok(after.startsWith(text));
    assert.equal(after.slice(text.length), '  - { id: N1, name: "New \\"code\\"", description: "Something: new" }\n');
    const compiled = codebook(after);
    assert.equal(compiled.codes.get('N1')?.name, 'New "code"');
    assert.equal(compiled.codes.get('N1')?.description, 'Something: new');
    assert.equal(compiled.codes.size, 6);
  });

  it('adds inside the brackets of an empty flow list as mdqda init writes it', () => {
    const text = 'extends: tensions\n\ncodes: []\n';
    assert.equal(added(text, { id: 'N1', name: 'New' }), 'extends: tensions\n\ncodes: [{ id: N1, name: "New" }]\n');
  });

  it('adds a codes list and a history entry to a file without them', () => {
    const after = added('# empty\n', { id: 'N1', name: 'New', date: '2026-01-02' });
    assert.equal(after, '# empty\ncodes:\n  - { id: N1, name: "New" }\nhistory:\n  - { action: add, from: [], to: [N1], date: 2026-01-02 }\n');
    assert.equal(codebook(after).codes.get('N1')?.name, 'New');
  });

  it('keeps CRLF line ends', () => {
    const after = added('codes:\r\n  - id: A\r\n    name: A\r\n', { id: 'B', name: 'B' });
    assert.equal(after, 'codes:\r\n  - id: A\r\n    name: A\r\n  - { id: B, name: "B" }\r\n');
  });

  it('refuses a code the file already defines, even nested, and an invalid id', () => {
    const nested = addCodeToCodebook(codebookText, { id: 'T1a', name: 'again' });
    assert.equal(nested.ok, false);
    assert.equal(addCodeToCodebook(codebookText, { id: '1bad', name: 'x' }).ok, false);
  });

  it('refuses a codebook with YAML errors instead of guessing', () => {
    assert.equal(addCodeToCodebook('codes: [\n', { id: 'N1', name: 'x' }).ok, false);
  });
});
