import { strict as assert } from 'node:assert';
import { editCodebookText, type CodebookChange } from '../../../src/core/edit/editCodebookText';
import { applyTextEdits } from '../../../src/core/edit/textEdit';
import { parseCodebook } from '../../../src/core/codebook/parseCodebook';

function edit(text: string, change: Omit<CodebookChange, 'date'>): string {
  const result = editCodebookText(text, { date: '2026-11-25', ...change });
  if (!result.ok) throw new Error(result.error);
  return applyTextEdits(text, result.edits);
}

const book = [
  '# Team codebook',
  'codes:',
  '  - id: T4 # the target',
  '    name: "Structural issues"',
  '  - id: T5',
  '    name: "Motivation"',
  '  - id: T6',
  '    name: "Skills"',
  '    parent: T5',
  'history:',
  '  - { action: added, to: [T4], step: step1 }',
  '',
].join('\n');

describe('editCodebookText', () => {
  it('renames the id where it is defined and in parent values, and appends a history entry', () => {
    const after = edit(book, { action: 'rename', from: ['T5'], to: ['T5m'], step: 'step3' });
    assert.match(after, /  - id: T5m\n    name: "Motivation"/);
    assert.match(after, /    parent: T5m\n/);
    assert.match(after, /  - \{ action: added, to: \[T4\], step: step1 \}\n  - \{ action: rename, from: \[T5\], to: \[T5m\], step: step3, date: 2026-11-25 \}\n$/);
    assert.ok(after.startsWith('# Team codebook\ncodes:\n  - id: T4 # the target\n'));
  });

  it('removes merged codes, repoints their children and records the merge', () => {
    const after = edit(book, { action: 'merge', from: ['T4', 'T5'], to: ['T4'] });
    const parsed = parseCodebook(after, 'codebook.yaml');
    assert.deepEqual(parsed.file.codes.map((code) => code.id), ['T4', 'T6']);
    assert.equal(parsed.file.codes[1].parent?.value, 'T4');
    assert.deepEqual(parsed.file.history.at(-1), { ...parsed.file.history.at(-1), action: 'merge', from: ['T4', 'T5'], to: ['T4'], date: '2026-11-25' });
  });

  it('drops inherited codes that are merged away', () => {
    const inherited = new Map([['T4a', { name: 'a', parent: 'T4', hasChildren: false }]]);
    const after = edit('extends: [tensions]\ndrop: [FO2]\n', { action: 'merge', from: ['T4a'], to: ['T4'], inherited });
    assert.equal(after, 'extends: [tensions]\ndrop: [FO2, T4a]\nhistory:\n  - { action: merge, from: [T4a], to: [T4], date: 2026-11-25 }\n');
  });

  it('adds a history list when the codebook has none, keeping CRLF', () => {
    const after = edit('codes:\r\n  - id: A\r\n    name: a\r\n', { action: 'split', from: ['A'], to: ['A', 'B'], newName: 'Bee' });
    assert.equal(after, 'codes:\r\n  - id: A\r\n    name: a\r\n  - { id: B, name: Bee }\r\nhistory:\r\n  - { action: split, from: [A], to: [A, B], date: 2026-11-25 }\r\n');
  });

  it('adds the code split off a nested child beside it, under the same parent', () => {
    const after = edit('codes:\n  - id: T1\n    name: one\n    children:\n      - id: T1a\n        name: a\n', { action: 'split', from: ['T1a'], to: ['T1a', 'T1z'] });
    assert.ok(after.includes('  - { id: T1z, name: T1z, parent: T1 }\n'), after);
  });

  it('renames an inherited code by dropping it and defining it again under the new id', () => {
    const inherited = new Map([['T4a', { name: 'Career incentives', parent: 'T4', hasChildren: false }]]);
    const after = edit('extends: [tensions]\n', { action: 'rename', from: ['T4a'], to: ['T4c'], inherited });
    assert.equal(after, 'extends: [tensions]\ndrop:\n  - T4a\ncodes:\n  - { id: T4c, name: "Career incentives", parent: T4 }\nhistory:\n  - { action: rename, from: [T4a], to: [T4c], date: 2026-11-25 }\n');
  });

  it('refuses a rename onto a code that exists', () => {
    const result = editCodebookText(book, { action: 'rename', from: ['T5'], to: ['T4'], date: '2026-11-25' });
    assert.ok(!result.ok && /use merge/.test(result.error));
  });
});
