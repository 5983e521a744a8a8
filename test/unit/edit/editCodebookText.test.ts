import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { codebookAsOf } from '../../../src/core/codebook/codebookAsOf';
import { codesSeenFrom, type SeenCode } from '../../../src/core/codebook/codesSeenFrom';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import type { Code } from '../../../src/core/model/codebook';
import type { Diagnostic } from '../../../src/core/model/diagnostic';
import { editCodebookText, type CodebookChange } from '../../../src/core/edit/editCodebookText';
import { applyTextEdits } from '../../../src/core/edit/textEdit';
import { parseCodebook } from '../../../src/core/codebook/parseCodebook';

function edit(text: string, change: Omit<CodebookChange, 'date'>): string {
  const result = editCodebookText(text, { date: '2026-11-25', ...change });
  if (!result.ok) throw new Error(result.error);
  return applyTextEdits(text, result.edits);
}

/** Codes inherited from elsewhere, as `codesSeenFrom` gives them. */
function inheritedCodes(...codes: (Partial<Code> & { id: string; name: string })[]): Map<string, SeenCode> {
  const full = codes.map((code): Code => ({ description: null, color: null, parent: null, children: [], group: null, level: null, aliases: [], example: null, history: [], preset: 'tensions', extra: {}, origin: null, ...code }));
  for (const code of full) if (code.parent !== null) full.find((other) => other.id === code.parent)?.children.push(code.id);
  return new Map(full.map((code) => [code.id, { code, place: 'inherited' as const }]));
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
    const codes = inheritedCodes({ id: 'T4', name: 'four' }, { id: 'T4a', name: 'a', parent: 'T4' });
    const after = edit('extends: [tensions]\ndrop: [FO2]\n', { action: 'merge', from: ['T4a'], to: ['T4'], codes });
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
    const codes = inheritedCodes({ id: 'T4', name: 'four' }, { id: 'T4a', name: 'Career incentives', parent: 'T4' });
    const after = edit('extends: [tensions]\n', { action: 'rename', from: ['T4a'], to: ['T4c'], codes });
    assert.equal(after, 'extends: [tensions]\ndrop:\n  - T4a\ncodes:\n  - { id: T4c, name: "Career incentives", parent: T4 }\nhistory:\n  - { action: rename, from: [T4a], to: [T4c], date: 2026-11-25 }\n');
  });

  it('refuses a rename onto a code that exists', () => {
    const result = editCodebookText(book, { action: 'rename', from: ['T5'], to: ['T4'], date: '2026-11-25' });
    assert.ok(!result.ok && /use merge/.test(result.error));
  });
});

describe('editCodebookText on a codebook that extends a preset: the new code keeps every field', () => {
  const tensions = fs.readFileSync(path.resolve(__dirname, '../../../presets/tensions.yaml'), 'utf8');
  const base = [
    'codes:',
    '  - id: B1',
    '    name: "Base one"',
    '    description: "From the shared base."',
    '    color: "#112233"',
    '    group: base',
    '    level: meso',
    '    aliases: [b-one]',
    '    example: "An example."',
    '    reviewed: { by: pg, on: "2026-01-02" }',
    '    history:',
    '      - { action: added, step: step1, note: "first" }',
    '  - { id: B2, name: "Base two", parent: B1 }',
    '',
  ].join('\n');
  const compile = (text: string) =>
    compileCodebook([{ text, path: 'codebook.yaml' }], {
      resolvePreset: (name) => (name === 'tensions' ? { text: tensions, path: 'presets/tensions.yaml' } : undefined),
      readFile: (file) => (file === 'base.yaml' ? base : undefined),
    });
  /** Applies the change to the workspace codebook and compiles the result, which must have no diagnostics. */
  const apply = (text: string, change: Omit<CodebookChange, 'date' | 'codes'>) => {
    const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const before = compile(text);
    assert.deepEqual(errors(before.diagnostics), []);
    const result = editCodebookText(text, { date: '2026-11-25', ...change, codes: codesSeenFrom(before.codebook, 'codebook.yaml') });
    if (!result.ok) throw new Error(result.error);
    const after = applyTextEdits(text, result.edits);
    const compiled = compile(after);
    assert.deepEqual(errors(compiled.diagnostics), [], after);
    return { before: before.codebook, after: compiled.codebook, text: after, notes: result.notes };
  };
  const fields = (code: Code | undefined) => {
    assert.ok(code);
    const { name, description, color, group, level, aliases, example, extra } = code;
    return { name, description, color, group, level, aliases, example, extra };
  };

  it('renames an inherited sub-code with its name, description, colour, group, example and parent', () => {
    const { before, after, text } = apply('extends: [tensions]\n', { action: 'rename', from: ['T1b'], to: ['T1x'] });
    assert.ok(!after.codes.has('T1b'));
    assert.deepEqual(fields(after.codes.get('T1x')), fields(before.codes.get('T1b')));
    assert.equal(after.codes.get('T1x')!.parent, 'T1');
    assert.deepEqual(after.codes.get('T1')!.children, ['T1a', 'T1x']);
    assert.match(text, /history:\n  - \{ action: rename, from: \[T1b\], to: \[T1x\], date: 2026-11-25 \}\n$/);
  });

  it('renames an inherited code with children: the children follow it and keep their own fields', () => {
    const { before, after } = apply('extends: [tensions]\n', { action: 'rename', from: ['T1'], to: ['TX'] });
    assert.ok(!after.codes.has('T1'));
    assert.deepEqual(fields(after.codes.get('TX')), fields(before.codes.get('T1')));
    assert.deepEqual(after.codes.get('TX')!.children, ['T1a', 'T1b']);
    for (const id of ['T1a', 'T1b']) {
      assert.deepEqual(fields(after.codes.get(id)), fields(before.codes.get(id)), id);
      assert.equal(after.codes.get(id)!.preset, 'tensions');
    }
    assert.deepEqual(after.roots.slice(0, 1), ['T2']);
  });

  it('renames a code the workspace codebook overrides, keeping the override and what it inherits', () => {
    const text = 'extends: [tensions]\ncodes:\n  - id: T2\n    color: "#000000" # ours\n';
    const { before, after, text: written } = apply(text, { action: 'rename', from: ['T2'], to: ['TP'] });
    assert.ok(!after.codes.has('T2'));
    assert.deepEqual(fields(after.codes.get('TP')), fields(before.codes.get('T2')));
    assert.equal(after.codes.get('TP')!.color, '#000000');
    assert.deepEqual(after.codes.get('TP')!.children, ['T2a', 'T2b']);
    assert.ok(written.includes('    color: "#000000" # ours\n'), written);
  });

  it('keeps level, aliases, unknown keys and the code history of a code inherited from another file', () => {
    const { before, after } = apply('extends: [base.yaml]\n', { action: 'rename', from: ['B1'], to: ['B9'], step: 'step2' });
    assert.deepEqual(fields(after.codes.get('B9')), fields(before.codes.get('B1')));
    assert.deepEqual(after.codes.get('B9')!.aliases, ['b-one']);
    assert.deepEqual(after.codes.get('B9')!.history.map((entry) => [entry.action, entry.to, entry.step, entry.note]), [['added', ['B1'], 'step1', 'first']]);
    assert.deepEqual(after.codes.get('B9')!.children, ['B2']);
    assert.equal(codebookAsOf(after, 'step1')!.codes.has('B1'), true);
  });

  it('merges inherited codes into a new id that keeps the fields of the first, and moves their children to it', () => {
    const { before, after, notes } = apply('extends: [tensions]\n', { action: 'merge', from: ['T3', 'T4'], to: ['T34'] });
    assert.ok(!after.codes.has('T3') && !after.codes.has('T4'));
    assert.deepEqual(fields(after.codes.get('T34')), fields(before.codes.get('T3')));
    assert.deepEqual(after.codes.get('T34')!.children, ['T3a', 'T3b', 'T4a', 'T4b']);
    assert.deepEqual(fields(after.codes.get('T4a')), fields(before.codes.get('T4a')));
    assert.ok(notes.some((note) => /T34.*T3/.test(note)), notes.join('\n'));
  });

  it('merges an overridden inherited code away: it is dropped, not left in from the preset', () => {
    const { after } = apply('extends: [tensions]\ncodes:\n  - { id: T2b, color: "#000000" }\n', { action: 'merge', from: ['T2b'], to: ['T2a'] });
    assert.ok(!after.codes.has('T2b'));
    assert.deepEqual(after.codes.get('T2')!.children, ['T2a']);
  });

  it('splits a new code off an inherited one with its description, colour, group and parent, under the name given', () => {
    const { before, after } = apply('extends: [tensions]\n', { action: 'split', from: ['T1b'], to: ['T1b', 'T1c'], newName: 'Funding of the partnership itself' });
    assert.deepEqual(fields(after.codes.get('T1c')), { ...fields(before.codes.get('T1b')), name: 'Funding of the partnership itself' });
    assert.equal(after.codes.get('T1c')!.parent, 'T1');
    assert.ok(after.codes.has('T1b'));
  });

  it('splits a new code off an aliased code without copying the aliases, which would clash', () => {
    const { after } = apply('extends: [base.yaml]\n', { action: 'split', from: ['B1'], to: ['B1', 'B3'] });
    assert.deepEqual(after.codes.get('B3')!.aliases, []);
    assert.equal(after.codes.get('B3')!.level, 'meso');
  });
});
