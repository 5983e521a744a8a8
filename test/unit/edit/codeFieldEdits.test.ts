import { strict as assert } from 'node:assert';
import type { SeenCode } from '../../../src/core/codebook/codesSeenFrom';
import type { Code } from '../../../src/core/model/codebook';
import { parseCodebook } from '../../../src/core/codebook/parseCodebook';
import { editCodebookText, type CodebookChange } from '../../../src/core/edit/editCodebookText';
import { applyTextEdits } from '../../../src/core/edit/textEdit';

function edit(text: string, change: Omit<CodebookChange, 'date'>): string {
  const result = editCodebookText(text, { date: '2026-12-06', ...change });
  if (!result.ok) throw new Error(result.error);
  return applyTextEdits(text, result.edits);
}

function refusal(text: string, change: Omit<CodebookChange, 'date'>): string {
  const result = editCodebookText(text, { date: '2026-12-06', ...change });
  assert.equal(result.ok, false);
  return result.ok ? '' : result.error;
}

/** A preset code and its child, inherited by the file. */
function inherited(parent: string, child: string): Map<string, SeenCode> {
  const code = (id: string, up: string | null, children: string[]): Code => ({ id, name: id, description: null, color: null, parent: up, children, group: null, level: null, aliases: [], example: null, history: [], preset: 'tensions', extra: {}, origin: null });
  return new Map([
    [parent, { code: code(parent, null, [child]), place: 'inherited' as const }],
    [child, { code: code(child, parent, []), place: 'inherited' as const }],
  ]);
}

const book = [
  '# Team codebook',
  'codes:',
  '  - id: T1 # kept',
  '    name: "Meaning"',
  '    description: >-',
  '      What co-production',
  '      means to them.',
  '    color: "#1f77b4"',
  '  - { id: T2, name: Power }',
  '  - id: T3',
  '    name: Unused',
  '    parent: T1',
  'history:',
  '  - { action: added, to: [T1], step: step1 }',
  '',
].join('\n');

describe('editCodebookText: editing and deleting one code', () => {
  it('replaces a code’s name, description and colour where they are written, recording describe', () => {
    const after = edit(book, { action: 'describe', from: [], to: ['T1'], fields: { name: 'Meaning of co-production', description: 'What it means: to whom?' } });
    assert.equal(
      after,
      book
        .replace('name: "Meaning"', 'name: "Meaning of co-production"')
        .replace('description: >-\n      What co-production\n      means to them.', 'description: "What it means: to whom?"')
        .replace(
          '  - { action: added, to: [T1], step: step1 }\n',
          '  - { action: added, to: [T1], step: step1 }\n  - { action: describe, from: [], to: [T1], date: 2026-12-06, note: "name: Meaning of co-production; description changed" }\n',
        ),
    );
    const code = parseCodebook(after, 'codebook.yaml').file.codes[0];
    assert.equal(code.name, 'Meaning of co-production');
    assert.equal(code.description, 'What it means: to whom?');
  });

  it('adds a colour to a flow entry that has none, recording recolour', () => {
    const after = edit(book, { action: 'recolour', from: [], to: ['T2'], fields: { color: '#d62728' } });
    assert.ok(after.includes('  - { id: T2, color: "#d62728", name: Power }\n'), after);
    const parsed = parseCodebook(after, 'codebook.yaml');
    assert.equal(parsed.diagnostics.length, 0);
    assert.equal(parsed.file.codes.find((code) => code.id === 'T2')?.color, '#d62728');
    assert.deepEqual(parsed.file.history.at(-1), { ...parsed.file.history.at(-1), action: 'recolour', from: [], to: ['T2'], date: '2026-12-06' });
  });

  it('adds a description after the id of a block entry', () => {
    const after = edit(book, { action: 'describe', from: [], to: ['T3'], fields: { description: 'Not yet used' } });
    assert.ok(after.includes('  - id: T3\n    description: "Not yet used"\n    name: Unused\n'), after);
  });

  it('refuses a colour that is not #rrggbb, an empty name and an unknown code', () => {
    assert.match(refusal(book, { action: 'recolour', from: [], to: ['T1'], fields: { color: 'red' } }), /not a colour/);
    assert.match(refusal(book, { action: 'describe', from: [], to: ['T1'], fields: { name: '  ' } }), /needs a name/);
    assert.match(refusal(book, { action: 'describe', from: [], to: ['T9'], fields: { name: 'x' } }), /not in the codebook/);
  });

  it('overrides an inherited code to change its fields', () => {
    const after = edit('extends: [tensions]\n', { action: 'recolour', from: [], to: ['T1'], fields: { color: '#123456' }, codes: inherited('T1', 'T1a') });
    assert.ok(after.includes('codes:\n  - { id: T1, color: "#123456" }\n'), after);
  });

  it('deletes a code without sub-codes, recording drop', () => {
    const after = edit(book, { action: 'drop', from: ['T3'], to: [] });
    assert.ok(!after.includes('T3\n    name: Unused'));
    const parsed = parseCodebook(after, 'codebook.yaml');
    assert.deepEqual(parsed.file.codes.map((code) => code.id), ['T1', 'T2']);
    assert.deepEqual(parsed.file.history.at(-1), { ...parsed.file.history.at(-1), action: 'drop', from: ['T3'], to: [], date: '2026-12-06' });
    assert.ok(after.startsWith('# Team codebook\ncodes:\n  - id: T1 # kept\n'));
  });

  it('refuses to delete a code with sub-codes or one written in a flow list', () => {
    assert.match(refusal(book, { action: 'drop', from: ['T1'], to: [] }), /has sub-codes \(T3\)/);
    assert.match(refusal('codes: [{ id: A, name: a }]\n', { action: 'drop', from: ['A'], to: [] }), /flow list/);
  });

  it('drops an inherited code through drop:', () => {
    const after = edit('extends: [tensions]\n', { action: 'drop', from: ['T1a'], to: [], codes: inherited('T1', 'T1a') });
    assert.ok(after.startsWith('extends: [tensions]\ndrop:\n  - T1a\n'), after);
    assert.match(refusal('extends: [tensions]\n', { action: 'drop', from: ['T1'], to: [], codes: inherited('T1', 'T1a') }), /sub-codes \(T1a\)/);
  });
});
