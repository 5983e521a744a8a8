import { strict as assert } from 'node:assert';
import { mergeCodebookText } from '../../../src/core/merge/mergeCodebookText';

const base = [
  '# The team codebook.',
  'extends: [tensions]',
  '',
  'codes:',
  '  - id: REFL',
  '    name: "Coder reflection"',
  '  # Kept under T2.',
  '  - id: T2c',
  '    parent: T2',
  '    name: "Peer researchers"',
  '',
  'history:',
  '  - { action: added, to: [REFL], step: step1 }',
  '',
].join('\n');

describe('mergeCodebookText', () => {
  it('adds the codes each side added, keeps our comments, and appends both sides’ history entries, ours first', () => {
    const ours = base.replace('history:\n', 'history:\n').replace('\nhistory:', '  - id: RK1\n    name: "From rk"\n\nhistory:') + '  - { action: added, to: [RK1], step: step2 }\n';
    const theirs = base.replace('\nhistory:', '  - id: PG1\n    name: "From pg"\n\nhistory:') + '  - { action: added, to: [PG1], step: step2 }\n';
    const merged = mergeCodebookText(base, ours, theirs);
    assert.ok(merged.ok, JSON.stringify(merged));
    assert.equal(
      merged.text,
      base.replace('\nhistory:', '  - id: RK1\n    name: "From rk"\n  - id: PG1\n    name: "From pg"\n\nhistory:') +
        '  - { action: added, to: [RK1], step: step2 }\n  - { action: added, to: [PG1], step: step2 }\n',
    );
  });

  it('takes a code one side changed and removes a code one side removed', () => {
    const ours = base.replace('"Peer researchers"', '"Peer researchers and paid roles"');
    const theirs = base.replace('  - id: REFL\n    name: "Coder reflection"\n', '');
    const merged = mergeCodebookText(base, ours, theirs);
    assert.ok(merged.ok, JSON.stringify(merged));
    assert.equal(merged.text, ours.replace('  - id: REFL\n    name: "Coder reflection"\n', ''));
  });

  it('gives up, with the reason, when both sides changed one code differently', () => {
    const merged = mergeCodebookText(base, base.replace('"Coder reflection"', '"Reflection"'), base.replace('"Coder reflection"', '"Memo to self"'));
    assert.deepEqual(merged, { ok: false, reason: 'both sides changed `name` of code REFL' });
  });

  it('gives up when their side changed what it extends and ours changed it otherwise', () => {
    const merged = mergeCodebookText(base, base.replace('[tensions]', '[tensions, impact]'), base.replace('[tensions]', '[mechanisms]'));
    assert.deepEqual(merged, { ok: false, reason: 'both sides changed `extends`' });
  });
});

describe('mergeCodebookText: a code both sides changed', () => {
  const coded = [
    'codes:',
    '  - id: T1',
    '    name: "Meaning"',
    '    # Why it matters.',
    '    description: "When people say what it means to them."',
    '    history:',
    '      - { action: added, step: step1 }',
    '  - id: M3',
    '    name: "Money"',
    'history:',
    '  - { action: added, to: [T1, M3], step: step1 }',
    '',
  ].join('\n');

  it('takes each field from the side that changed it and appends both sides’ entries to the code’s own history, ours first', () => {
    const ours = coded
      .replace('name: "Meaning"', 'name: "Meaning of co-production"')
      .replace('      - { action: added, step: step1 }\n', '      - { action: added, step: step1 }\n      - { action: rename, note: "rk", step: step2 }\n');
    const theirs = coded
      .replace('"When people say what it means to them."', '"When people say what co-production means to them."')
      .replace('      - { action: added, step: step1 }\n', '      - { action: added, step: step1 }\n      - { action: describe, note: "pg", step: step2 }\n')
      .replace('    name: "Money"\n', '    name: "Money"\n    color: "#1f77b4"\n');
    const merged = mergeCodebookText(coded, ours, theirs);
    assert.ok(merged.ok, JSON.stringify(merged));
    assert.equal(
      merged.text,
      ours
        .replace('"When people say what it means to them."', '"When people say what co-production means to them."')
        .replace('      - { action: rename, note: "rk", step: step2 }\n', '      - { action: rename, note: "rk", step: step2 }\n      - { action: describe, note: "pg", step: step2 }\n')
        .replace('    name: "Money"\n', '    name: "Money"\n    color: "#1f77b4"\n'),
    );
  });

  it('adds a field their side gave the code at our indentation and removes one their side took away', () => {
    const ours = coded.replace('name: "Meaning"', 'name: "Meaning of co-production"');
    const theirs = coded.replace('    # Why it matters.\n    description: "When people say what it means to them."\n', '').replace('    name: "Meaning"\n', '    name: "Meaning"\n    group: tensions\n');
    const merged = mergeCodebookText(coded, ours, theirs);
    assert.ok(merged.ok, JSON.stringify(merged));
    assert.equal(
      merged.text,
      ours.replace('    # Why it matters.\n    description: "When people say what it means to them."\n', '').replace('      - { action: added, step: step1 }\n', '      - { action: added, step: step1 }\n    group: tensions\n'),
    );
  });

  it('gives up, naming the field, when both sides changed one field of a code differently', () => {
    const merged = mergeCodebookText(coded, coded.replace('"Meaning"', '"Sense"'), coded.replace('"Meaning"', '"Purpose"').replace('    history:\n', '    color: "#123456"\n    history:\n'));
    assert.deepEqual(merged, { ok: false, reason: 'both sides changed `name` of code T1' });
  });

  it('gives up when a side rewrote a code’s history instead of appending', () => {
    const ours = coded.replace('name: "Meaning"', 'name: "Sense"').replace('{ action: added, step: step1 }', '{ action: added, step: step0 }');
    const theirs = coded.replace('      - { action: added, step: step1 }\n', '      - { action: added, step: step1 }\n      - { action: describe, step: step2 }\n');
    const merged = mergeCodebookText(coded, ours, theirs);
    assert.deepEqual(merged, { ok: false, reason: 'a side rewrote the history of code T1 instead of appending to it' });
  });
});
