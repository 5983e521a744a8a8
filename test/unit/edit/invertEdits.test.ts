import { strict as assert } from 'node:assert';
import { invertEdits } from '../../../src/core/edit/invertEdits';
import { applyTextEdits } from '../../../src/core/edit/textEdit';

describe('invertEdits', () => {
  it('takes the edited text back to the original exactly, whatever the order of the edits', () => {
    const text = 'one :code[two]{.T2 by=pg} three :code[four]{.T2} five\n';
    const edits = [
      { start: text.indexOf('T2}'), end: text.indexOf('T2}') + 2, newText: 'T2k' },
      { start: text.indexOf('T2 by'), end: text.indexOf('T2 by') + 2, newText: 'Whose' },
      { start: 0, end: 0, newText: '---\n' },
      { start: text.length - 1, end: text.length, newText: '' },
    ];
    const edited = applyTextEdits(text, edits);
    const back = invertEdits(text, edits);
    assert.equal(applyTextEdits(edited, back), text);
    assert.ok(back.every((edit) => edit.end - edit.start <= 5), 'small edits, not the whole file');
  });

  it('gives no edits for no edits', () => {
    assert.deepEqual(invertEdits('abc', []), []);
  });
});
