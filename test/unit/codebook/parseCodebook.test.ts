import assert from 'node:assert/strict';
import { parseCodebook } from '../../../src/core/codebook/parseCodebook';
import { lines, placed } from './helpers';

describe('parseCodebook', () => {
  it('reads every field of a code, nested children and the codebook-level blocks', () => {
    const { file, diagnostics } = parseCodebook(
      lines(
        'source:',
        '  authors: "A, B"',
        '  year: 2023',
        '  title: "A paper"',
        'extends: [tensions, shared/extra.yaml]',
        'drop: M9',
        'codes:',
        '  - id: T1',
        '    name: Meaning',
        '    description: When to apply it.',
        '    color: "#1F77B4"',
        '    group: tensions',
        '    level: micro',
        '    aliases: [meaning, mean]',
        '    example: An invented line.',
        '    history:',
        '      - { action: added, step: step3, date: 2022-05-10, note: at the workshop }',
        '    children:',
        '      - id: T1a',
        '        name: Sub-theme',
        '  - id: T1c',
        '    parent: T1',
        '    name: Flat child',
        'history:',
        '  - { action: merge, from: [C1, C2], to: T3, step: step3 }',
      ),
      'codebook.yaml',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(file.source, { authors: 'A, B', year: 2023, title: 'A paper' });
    assert.deepEqual(
      file.extends.map((r) => [r.value, r.origin.line, r.origin.column]),
      [
        ['tensions', 5, 11],
        ['shared/extra.yaml', 5, 21],
      ],
    );
    assert.deepEqual(file.drop.map((r) => r.value), ['M9']);
    assert.deepEqual(
      file.codes.map((c) => c.id),
      ['T1', 'T1a', 'T1c'],
    );
    const [t1, t1a, t1c] = file.codes;
    assert.equal(t1!.name, 'Meaning');
    assert.equal(t1!.description, 'When to apply it.');
    assert.equal(t1!.color, '#1f77b4');
    assert.equal(t1!.group, 'tensions');
    assert.equal(t1!.level, 'micro');
    assert.deepEqual(t1!.aliases!.map((a) => a.value), ['meaning', 'mean']);
    assert.equal(t1!.example, 'An invented line.');
    assert.deepEqual(t1!.history[0], {
      action: 'added',
      from: [],
      to: [],
      date: '2022-05-10',
      step: 'step3',
      note: 'at the workshop',
      origin: { path: 'codebook.yaml', line: 17, column: 9 },
    });
    assert.deepEqual(t1!.origin, { path: 'codebook.yaml', line: 8, column: 5 });
    assert.deepEqual(t1!.idOrigin, { path: 'codebook.yaml', line: 8, column: 9 });
    assert.equal(t1a!.nestedIn, 'T1');
    assert.equal(t1c!.nestedIn, undefined);
    assert.equal(t1c!.parent!.value, 'T1');
    assert.deepEqual(file.history[0]!.from, ['C1', 'C2']);
    assert.deepEqual(file.history[0]!.to, ['T3']);
  });

  it('leaves fields the file does not set undefined, so an override can tell them apart', () => {
    const { file } = parseCodebook(lines('codes:', '  - id: T1', '    color: "#abc"'), 'c.yaml');
    const [entry] = file.codes;
    assert.equal(entry!.name, undefined);
    assert.equal(entry!.description, undefined);
    assert.equal(entry!.aliases, undefined);
    assert.equal(entry!.color, '#aabbcc');
  });

  it('reads an empty file as an empty codebook without diagnostics', () => {
    for (const text of ['', '# only a comment\n', '---\n']) {
      const { file, diagnostics } = parseCodebook(text, 'codebook.yaml');
      assert.deepEqual(diagnostics, [], JSON.stringify(text));
      assert.deepEqual(file.codes, []);
    }
  });

  it('reports a YAML syntax error at its line and column', () => {
    const { diagnostics } = parseCodebook(lines('codes:', '  - id: T1', '    name: [unclosed', '  - id: T2'), 'cb.yaml');
    assert.ok(diagnostics.length > 0);
    assert.equal(diagnostics[0]!.ruleId, 'yaml-syntax');
    assert.equal(diagnostics[0]!.severity, 'error');
    assert.equal(diagnostics[0]!.path, 'cb.yaml');
    assert.ok(diagnostics[0]!.line >= 3, `line ${diagnostics[0]!.line}`);
  });

  it('reports a key written twice as a YAML error at the second key', () => {
    const { diagnostics } = parseCodebook(lines('codes:', '  - id: T1', '    name: A', '    name: B'), 'c.yaml');
    assert.deepEqual(placed(diagnostics), ['c.yaml:4:5 error yaml-syntax']);
  });

  it('reports a codebook that is not a mapping', () => {
    const { diagnostics } = parseCodebook(lines('- id: T1'), 'c.yaml');
    assert.deepEqual(placed(diagnostics), ['c.yaml:1:1 error wrong-type']);
  });

  it('reports a code without id at the start of the code and leaves it out', () => {
    const { file, diagnostics } = parseCodebook(
      lines('codes:', '  - name: Nameless', '  - id: T2', '    name: Two', '  - id:', '    name: Empty id'),
      'c.yaml',
    );
    assert.deepEqual(placed(diagnostics), ['c.yaml:2:5 error missing-id', 'c.yaml:5:5 error missing-id']);
    assert.deepEqual(
      file.codes.map((c) => c.id),
      ['T2'],
    );
  });

  it('reports malformed ids at the id value, and leaves the code and its children out', () => {
    const { file, diagnostics } = parseCodebook(
      lines(
        'codes:',
        '  - id: T.1',
        '    name: Dot',
        '    children:',
        '      - { id: T1a, name: Child }',
        '  - id: 2x',
        '    name: Digit first',
        '  - id: "T 3"',
        '    name: Space',
        '  - id: Ünï',
        '    name: Not ASCII',
      ),
      'c.yaml',
    );
    assert.deepEqual(placed(diagnostics), [
      'c.yaml:2:9 error bad-id',
      'c.yaml:6:9 error bad-id',
      'c.yaml:8:9 error bad-id',
      'c.yaml:10:9 error bad-id',
    ]);
    assert.deepEqual(file.codes, []);
    assert.match(diagnostics[0]!.message, /T\.1/);
  });

  it('reports a code that is not a mapping', () => {
    const { diagnostics } = parseCodebook(lines('codes:', '  - T1', '  - id: T2', '    name: Two'), 'c.yaml');
    assert.deepEqual(placed(diagnostics), ['c.yaml:2:5 error wrong-type']);
  });

  it('reports codes that are not a list', () => {
    const { diagnostics } = parseCodebook(lines('codes:', '  T1: one'), 'c.yaml');
    assert.deepEqual(placed(diagnostics), ['c.yaml:2:3 error wrong-type']);
  });

  it('reports a text field given a list or a mapping, and ignores it', () => {
    const { file, diagnostics } = parseCodebook(
      lines('codes:', '  - id: T1', '    name: [a, b]', '    description: { x: 1 }'),
      'c.yaml',
    );
    assert.deepEqual(placed(diagnostics), ['c.yaml:3:11 error wrong-type', 'c.yaml:4:18 error wrong-type']);
    assert.equal(file.codes[0]!.name, undefined);
  });

  it('reads a number or boolean written as a name as the text it was written with', () => {
    const { file, diagnostics } = parseCodebook(
      lines('codes:', '  - id: T1', '    name: 2020', '  - id: T2', '    name: yes', '  - id: T3', '    name: 1.50'),
      'c.yaml',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      file.codes.map((c) => c.name),
      ['2020', 'yes', '1.50'],
    );
  });

  it('reports a colour that is not #rgb or #rrggbb at the value', () => {
    const { file, diagnostics } = parseCodebook(
      lines('codes:', '  - id: T1', '    name: A', '    color: red', '  - id: T2', '    name: B', '    color: "#12345"'),
      'c.yaml',
    );
    assert.deepEqual(placed(diagnostics), ['c.yaml:4:12 error bad-color', 'c.yaml:7:12 error bad-color']);
    assert.equal(file.codes[0]!.color, undefined);
  });

  it('explains that an unquoted colour is a YAML comment', () => {
    const { diagnostics } = parseCodebook(lines('codes:', '  - id: T1', '    name: A', '    color: #1f77b4'), 'c.yaml');
    assert.deepEqual(placed(diagnostics), ['c.yaml:4:12 error bad-color']);
    assert.match(diagnostics[0]!.message, /quotes/);
  });

  it('keeps unknown keys of a code in extra and warns, suggesting a near key', () => {
    const { file, diagnostics } = parseCodebook(
      lines('codes:', '  - id: T1', '    name: A', '    colour: "#fff"', '    weight: { a: [1, 2] }'),
      'c.yaml',
    );
    assert.deepEqual(placed(diagnostics), ['c.yaml:4:5 warning unknown-key', 'c.yaml:5:5 warning unknown-key']);
    assert.match(diagnostics[0]!.message, /did you mean `color`/);
    assert.doesNotMatch(diagnostics[1]!.message, /did you mean/);
    assert.deepEqual(file.codes[0]!.extra, { colour: '#fff', weight: { a: [1, 2] } });
  });

  it('keeps unknown top-level keys in extra and warns', () => {
    const { file, diagnostics } = parseCodebook(lines('version: 2', 'codes: []'), 'c.yaml');
    assert.deepEqual(placed(diagnostics), ['c.yaml:1:1 warning unknown-key']);
    assert.deepEqual(file.extra, { version: 2 });
  });

  it('reads extends, drop and aliases written as a single string', () => {
    const { file, diagnostics } = parseCodebook(
      lines('extends: tensions', 'drop: T4', 'codes:', '  - { id: T1, name: A, aliases: meaning }'),
      'c.yaml',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(file.extends.map((r) => r.value), ['tensions']);
    assert.deepEqual(file.drop.map((r) => r.value), ['T4']);
    assert.deepEqual(file.codes[0]!.aliases!.map((r) => r.value), ['meaning']);
  });

  it('reports an alias or a dropped id that is not a valid id', () => {
    const { file, diagnostics } = parseCodebook(
      lines('drop: [M9, "M 1"]', 'codes:', '  - { id: T1, name: A, aliases: [ok, "not ok"] }'),
      'c.yaml',
    );
    assert.deepEqual(placed(diagnostics), ['c.yaml:1:12 error bad-id', 'c.yaml:3:38 error bad-id']);
    assert.deepEqual(file.drop.map((r) => r.value), ['M9']);
    assert.deepEqual(file.codes[0]!.aliases!.map((r) => r.value), ['ok']);
  });

  it('reports a parent given as a list', () => {
    const { diagnostics } = parseCodebook(lines('codes:', '  - { id: T1, name: A, parent: [T0, T2] }'), 'c.yaml');
    assert.deepEqual(placed(diagnostics), ['c.yaml:2:32 error wrong-type']);
  });

  it('reports history entries of a bad shape and keeps the good ones', () => {
    const { file, diagnostics } = parseCodebook(
      lines(
        'history:',
        '  - just text',
        '  - { step: step2 }',
        '  - { action: merge, from: [{ a: 1 }], to: T3 }',
        '  - { action: rename, from: OLD, to: NEW, date: 10/05/2022 }',
        '  - { action: shuffle, to: T1, by: me }',
        '  - { action: candidate, to: [C1], step: step2 }',
      ),
      'c.yaml',
    );
    assert.deepEqual(placed(diagnostics), [
      'c.yaml:2:5 error bad-history',
      'c.yaml:3:5 error bad-history',
      'c.yaml:4:29 error bad-history',
      'c.yaml:5:49 error bad-history',
      'c.yaml:6:15 warning bad-history',
      'c.yaml:6:32 warning unknown-key',
    ]);
    assert.deepEqual(
      file.history.map((h) => h.action),
      ['merge', 'rename', 'shuffle', 'candidate'],
    );
    assert.equal(file.history[1]!.date, null);
    assert.match(diagnostics[5]!.message, /ignored/);
  });

  it('reports a history that is not a list', () => {
    const { diagnostics } = parseCodebook(lines('codes:', '  - id: T1', '    name: A', '    history: added'), 'c.yaml');
    assert.deepEqual(placed(diagnostics), ['c.yaml:4:14 error bad-history']);
  });

  it('counts columns in code points, after astral characters and a byte order mark', () => {
    const { diagnostics } = parseCodebook(
      `\uFEFFcodes:\n  - { name: "😀😀", id: T1, color: bad }\n`,
      'c.yaml',
    );
    // `  - { name: "😀😀", id: T1, color: ` is 33 code points (each emoji is two UTF-16 units).
    assert.deepEqual(placed(diagnostics), ['c.yaml:2:34 error bad-color']);
    const bomFirst = parseCodebook('\uFEFFcolour: 1\n', 'c.yaml').diagnostics;
    assert.deepEqual(placed(bomFirst), ['c.yaml:1:1 warning unknown-key']);
  });

  it('counts lines of CRLF files like LF files', () => {
    const { diagnostics } = parseCodebook('codes:\r\n  - id: T1\r\n    name: A\r\n    color: red\r\n', 'c.yaml');
    assert.deepEqual(placed(diagnostics), ['c.yaml:4:12 error bad-color']);
  });

  it('gives each diagnostic an end position and offsets', () => {
    const text = lines('codes:', '  - id: T1', '    name: A', '    color: purple');
    const [diagnostic] = parseCodebook(text, 'c.yaml').diagnostics;
    assert.equal(text.slice(diagnostic!.offset, diagnostic!.endOffset), 'purple');
    assert.equal(diagnostic!.endLine, 4);
    assert.equal(diagnostic!.endColumn, 18);
  });

  it('reports a source block that is not a mapping', () => {
    const { file, diagnostics } = parseCodebook(lines('source: van der Graaf 2023'), 'c.yaml');
    assert.deepEqual(placed(diagnostics), ['c.yaml:1:9 error wrong-type']);
    assert.equal(file.source, null);
  });
});
