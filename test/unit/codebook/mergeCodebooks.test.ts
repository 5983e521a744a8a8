import assert from 'node:assert/strict';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { mergeCodebooks } from '../../../src/core/codebook/mergeCodebooks';
import { parseCodebook } from '../../../src/core/codebook/parseCodebook';
import { compileInMemory, lines, placed } from './helpers';

const TENSIONS = lines(
  'source: { authors: "van der Graaf P et al.", year: 2023, title: "Four tensions" }',
  'codes:',
  '  - id: T1',
  '    name: Narratives',
  '    group: tensions',
  '    color: "#e33c3c"',
  '    children:',
  '      - { id: T1a, name: Meaning }',
  '      - { id: T1b, name: Funding }',
  '  - id: T2',
  '    name: Power',
  '    group: tensions',
  '  - id: T4',
  '    name: Motivation vs structure',
  '    group: tensions',
  'history:',
  '  - { action: merge, from: [C4, C5], to: T4, step: step3 }',
);

const MECHANISMS = lines(
  'source: { authors: "Heaton J, Day J, Britten N", year: 2016, title: "Mechanisms" }',
  'codes:',
  '  - { id: M1, name: Shared goals, group: mechanisms }',
  '  - { id: M9, name: Ninth, group: mechanisms, children: [{ id: M9a, name: Sub }] }',
);

const PRESETS = { tensions: TENSIONS, mechanisms: MECHANISMS };

describe('mergeCodebooks', () => {
  it('builds codes with parents, children, roots and groups inherited from the parent', () => {
    const { codebook, diagnostics } = compileInMemory(
      lines(
        'codes:',
        '  - id: A',
        '    name: Alpha',
        '    group: tensions',
        '    children:',
        '      - id: A1',
        '        name: One',
        '        children:',
        '          - { id: A1x, name: Deep }',
        '  - { id: B, name: Beta }',
        '  - { id: A2, name: Two, parent: A, group: own }',
      ),
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual([...codebook.codes.keys()], ['A', 'A1', 'A1x', 'B', 'A2']);
    assert.deepEqual(codebook.roots, ['A', 'B']);
    assert.deepEqual(codebook.codes.get('A')!.children, ['A1', 'A2']);
    assert.equal(codebook.codes.get('A1x')!.parent, 'A1');
    assert.equal(codebook.codes.get('A1x')!.group, 'tensions');
    assert.equal(codebook.codes.get('A2')!.group, 'own');
    assert.equal(codebook.codes.get('B')!.group, null);
    assert.equal(codebook.codes.get('B')!.preset, null);
    assert.deepEqual(codebook.files, ['codebook.yaml']);
  });

  it('pulls in a preset through extends and marks its codes with the preset name', () => {
    const { codebook, diagnostics } = compileInMemory(
      lines('extends: tensions', 'codes:', '  - { id: X1, name: Own code }'),
      {},
      PRESETS,
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual([...codebook.codes.keys()], ['T1', 'T1a', 'T1b', 'T2', 'T4', 'X1']);
    assert.equal(codebook.codes.get('T1a')!.preset, 'tensions');
    assert.equal(codebook.codes.get('X1')!.preset, null);
    assert.deepEqual(codebook.files, ['presets/tensions.yaml', 'codebook.yaml']);
    assert.deepEqual(codebook.citations.map((c) => c.year), [2023]);
    assert.deepEqual(codebook.history.map((h) => h.action), ['merge']);
  });

  it('merges several presets in the order extends lists them', () => {
    const { codebook, diagnostics } = compileInMemory(lines('extends: [mechanisms, tensions]'), {}, PRESETS);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(codebook.roots, ['M1', 'M9', 'T1', 'T2', 'T4']);
    assert.deepEqual(codebook.citations.map((c) => c.year), [2016, 2023]);
  });

  it('lets a workspace codebook override an inherited code: given fields replace, children are added', () => {
    const { codebook, diagnostics } = compileInMemory(
      lines(
        'extends: tensions',
        'codes:',
        '  - id: T1',
        '    name: Our narratives',
        '    color: "#000"',
        '    history: [{ action: recolour, date: 2026-11-25 }]',
        '    children:',
        '      - { id: T1c, name: Local theme }',
      ),
      {},
      PRESETS,
    );
    assert.deepEqual(diagnostics, []);
    const t1 = codebook.codes.get('T1')!;
    assert.equal(t1.name, 'Our narratives');
    assert.equal(t1.color, '#000000');
    assert.equal(t1.group, 'tensions', 'a field the override does not give stays inherited');
    assert.equal(t1.preset, 'tensions');
    assert.deepEqual(t1.children, ['T1a', 'T1b', 'T1c']);
    assert.deepEqual(t1.history.map((h) => h.action), ['recolour']);
    assert.equal(t1.origin!.path, 'codebook.yaml');
    assert.equal(codebook.codes.get('T1c')!.group, 'tensions');
    assert.deepEqual([...codebook.codes.keys()], ['T1', 'T1a', 'T1b', 'T2', 'T4', 'T1c']);
  });

  it('lets an override move an inherited code under another parent', () => {
    const { codebook, diagnostics } = compileInMemory(
      lines('extends: tensions', 'codes:', '  - { id: T4, parent: T2 }'),
      {},
      PRESETS,
    );
    assert.deepEqual(diagnostics, []);
    assert.equal(codebook.codes.get('T4')!.parent, 'T2');
    assert.deepEqual(codebook.roots, ['T1', 'T2']);
  });

  it('drops inherited codes with their descendants', () => {
    const { codebook, diagnostics } = compileInMemory(lines('extends: [tensions, mechanisms]', 'drop: [M9, T1]'), {}, PRESETS);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual([...codebook.codes.keys()], ['T2', 'T4', 'M1']);
  });

  it('reports dropping a code that was not inherited, at the drop entry', () => {
    const { codebook, diagnostics } = compileInMemory(
      lines('extends: tensions', 'drop: [M9, X]', 'codes:', '  - { id: X, name: Own }'),
      {},
      PRESETS,
    );
    assert.deepEqual(placed(diagnostics), ['codebook.yaml:2:8 error drop-not-inherited', 'codebook.yaml:2:12 error drop-not-inherited']);
    assert.ok(codebook.codes.has('X'));
  });

  it('reports a code without name at the code, and uses its id as the name', () => {
    const { codebook, diagnostics } = compileInMemory(lines('codes:', '  - id: T1', '    color: "#fff"'));
    assert.deepEqual(placed(diagnostics), ['codebook.yaml:2:5 error missing-name']);
    assert.equal(codebook.codes.get('T1')!.name, 'T1');
  });

  it('reports an id defined twice in one file at the second one, pointing to the first', () => {
    const { codebook, diagnostics } = compileInMemory(
      lines('codes:', '  - { id: T1, name: First }', '  - { id: T2, name: Two }', '  - { id: T1, name: Second }'),
    );
    assert.deepEqual(placed(diagnostics), ['codebook.yaml:4:11 error duplicate-id']);
    assert.match(diagnostics[0]!.message, /codebook\.yaml:2:11/);
    assert.equal(codebook.codes.get('T1')!.name, 'First');
  });

  it('reports an id defined in two workspace codebooks at the second file', () => {
    const { diagnostics } = compileInMemory(['a.yaml', 'b.yaml'], {
      'a.yaml': lines('codes:', '  - { id: T1, name: A }'),
      'b.yaml': lines('codes:', '', '  - { id: T1, name: B }'),
    });
    assert.deepEqual(placed(diagnostics), ['b.yaml:3:11 error duplicate-id']);
  });

  it('does not let a codebook override a code another codebook inherited', () => {
    const { diagnostics } = compileInMemory(
      ['a.yaml', 'b.yaml'],
      { 'a.yaml': lines('extends: tensions'), 'b.yaml': lines('codes:', '  - { id: T2, name: Mine }') },
      PRESETS,
    );
    assert.deepEqual(placed(diagnostics), ['b.yaml:2:11 error duplicate-id']);
  });

  it('merges a preset once when two codebooks extend it, and lets both override it', () => {
    const { codebook, diagnostics } = compileInMemory(
      ['a.yaml', 'b.yaml'],
      {
        'a.yaml': lines('extends: tensions', 'codes:', '  - { id: T1, name: From A }'),
        'b.yaml': lines('extends: tensions', 'codes:', '  - { id: T2, name: From B }'),
      },
      PRESETS,
    );
    assert.deepEqual(diagnostics, []);
    assert.equal(codebook.codes.get('T1')!.name, 'From A');
    assert.equal(codebook.codes.get('T2')!.name, 'From B');
    assert.deepEqual(codebook.files, ['presets/tensions.yaml', 'a.yaml', 'b.yaml']);
  });

  it('resolves a relative .yaml path in extends against the extending file', () => {
    const { codebook, diagnostics } = compileInMemory(['team/codebook.yaml'], {
      'team/codebook.yaml': lines('extends: ../shared/base.yaml', 'codes:', '  - { id: L1, name: Local, parent: B1 }'),
      'shared/base.yaml': lines('extends: ./more.yaml', 'codes:', '  - { id: B1, name: Base }'),
      'shared/more.yaml': lines('codes:', '  - { id: B2, name: More }'),
    });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual([...codebook.codes.keys()], ['B2', 'B1', 'L1']);
    assert.equal(codebook.codes.get('B1')!.preset, null);
    assert.deepEqual(codebook.files, ['shared/more.yaml', 'shared/base.yaml', 'team/codebook.yaml']);
  });

  it('merges a workspace codebook that another one extends only once, without repeating its diagnostics', () => {
    const { codebook, diagnostics } = compileInMemory(['b.yaml', 'a.yaml'], {
      'a.yaml': lines('codes:', '  - { id: A1, name: A, mystery: 1 }'),
      'b.yaml': lines('extends: a.yaml', 'codes:', '  - { id: A1, name: Overridden }'),
    });
    assert.deepEqual(placed(diagnostics), ['a.yaml:2:24 warning unknown-key']);
    assert.equal(codebook.codes.get('A1')!.name, 'Overridden');
    assert.deepEqual(codebook.files, ['a.yaml', 'b.yaml']);
  });

  it('reports a codebook that extends itself at its extends line', () => {
    const { diagnostics } = compileInMemory(lines('codes: []', 'extends: [codebook.yaml]'));
    assert.deepEqual(placed(diagnostics), ['codebook.yaml:2:11 error extends-cycle']);
  });

  it('reports a cycle through several files, naming the chain', () => {
    const { diagnostics } = compileInMemory(['a.yaml'], {
      'a.yaml': lines('extends: b.yaml', 'codes: [{ id: A, name: A }]'),
      'b.yaml': lines('codes: [{ id: B, name: B }]', 'extends: a.yaml'),
    });
    assert.deepEqual(placed(diagnostics), ['b.yaml:2:10 error extends-cycle']);
    assert.match(diagnostics[0]!.message, /a\.yaml → b\.yaml → a\.yaml/);
  });

  it('reports a preset that extends itself', () => {
    const { diagnostics } = compileInMemory(lines('extends: loop'), {}, { loop: lines('extends: [loop]') });
    assert.deepEqual(placed(diagnostics), ['presets/loop.yaml:1:11 error extends-cycle']);
  });

  it('reports an unknown preset and suggests the nearest name', () => {
    const { diagnostics } = compileInMemory(lines('extends: [tension, nothing-like-it]'), {}, PRESETS);
    assert.deepEqual(placed(diagnostics), [
      'codebook.yaml:1:11 error unknown-preset',
      'codebook.yaml:1:20 error unknown-preset',
    ]);
    assert.match(diagnostics[0]!.message, /did you mean `tensions`/);
    assert.match(diagnostics[1]!.message, /bundled presets: tensions, mechanisms/);
  });

  it('reports an extended file that cannot be read, and a name that is neither preset nor path', () => {
    const { diagnostics } = compileInMemory(lines('extends: [missing.yaml, "a b c"]'));
    assert.deepEqual(placed(diagnostics), ['codebook.yaml:1:11 error extends-not-found', 'codebook.yaml:1:25 error bad-extends']);
  });

  it('reports problems inside an extended file at that file', () => {
    const { diagnostics } = compileInMemory(lines('extends: other.yaml'), {
      'other.yaml': lines('codes:', '  - { id: O1, name: O, color: blue }'),
    });
    assert.deepEqual(placed(diagnostics), ['other.yaml:2:31 error bad-color']);
  });

  it('reports an unknown parent at the parent value and suggests a near id; the code becomes a root', () => {
    const { codebook, diagnostics } = compileInMemory(
      lines('codes:', '  - { id: T1, name: One }', '  - id: T1a', '    name: Child', '    parent: t1'),
    );
    assert.deepEqual(placed(diagnostics), ['codebook.yaml:5:13 error unknown-parent']);
    assert.match(diagnostics[0]!.message, /did you mean `T1`/);
    assert.deepEqual(codebook.roots, ['T1', 'T1a']);
  });

  it('reports a cycle in the hierarchy once and cuts it at the last code of the cycle', () => {
    const { codebook, diagnostics } = compileInMemory(
      lines(
        'codes:',
        '  - { id: A, name: A, parent: C }',
        '  - { id: B, name: B, parent: A }',
        '  - { id: C, name: C, parent: B }',
        '  - { id: D, name: D, parent: D }',
      ),
    );
    assert.deepEqual(placed(diagnostics), [
      'codebook.yaml:4:31 error hierarchy-cycle',
      'codebook.yaml:5:31 error hierarchy-cycle',
    ]);
    assert.match(diagnostics[0]!.message, /C → A → B → C/);
    assert.deepEqual(codebook.roots, ['C', 'D']);
    assert.deepEqual(codebook.codes.get('C')!.children, ['A']);
  });

  it('reports a nested child whose parent key names another code, and keeps the nesting', () => {
    const { codebook, diagnostics } = compileInMemory(
      lines('codes:', '  - id: A', '    name: A', '    children:', '      - { id: A1, name: One, parent: B }', '  - { id: B, name: B }'),
    );
    assert.deepEqual(placed(diagnostics), ['codebook.yaml:5:38 error parent-conflict']);
    assert.equal(codebook.codes.get('A1')!.parent, 'A');
  });

  it('resolves aliases and reports an alias that is another code\u2019s id or alias', () => {
    const { codebook, diagnostics } = compileInMemory(
      lines(
        'codes:',
        '  - { id: T1, name: One, aliases: [meaning, T2] }',
        '  - { id: T2, name: Two, aliases: [meaning, two, T2] }',
      ),
    );
    assert.deepEqual(placed(diagnostics), [
      'codebook.yaml:2:45 error alias-conflict',
      'codebook.yaml:3:36 error alias-conflict',
    ]);
    assert.deepEqual(codebook.codes.get('T1')!.aliases, ['meaning']);
    assert.deepEqual(codebook.codes.get('T2')!.aliases, ['two']);
  });

  it('merges the same files to the same codebook every time (deterministic)', () => {
    const text = lines('extends: [tensions, mechanisms]', 'drop: M9', 'codes:', '  - { id: T1, name: X }');
    const first = compileInMemory(text, {}, PRESETS);
    const second = compileInMemory(text, {}, PRESETS);
    assert.deepEqual(second, first);
  });

  it('never changes the parsed files it is given', () => {
    const parsed = parseCodebook(lines('extends: tensions', 'codes:', '  - { id: T1, name: Over, aliases: [x] }'), 'c.yaml');
    const before = structuredClone(parsed.file);
    mergeCodebooks([parsed.file], { resolvePreset: () => ({ path: 'p.yaml', text: TENSIONS }) });
    mergeCodebooks([parsed.file], { resolvePreset: () => ({ path: 'p.yaml', text: TENSIONS }) });
    assert.deepEqual(parsed.file, before);
  });

  it('gives an empty codebook for no files', () => {
    const { codebook, diagnostics } = compileCodebook([]);
    assert.equal(codebook.codes.size, 0);
    assert.deepEqual(diagnostics, []);
  });
});
