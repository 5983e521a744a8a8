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
    assert.deepEqual(merged, { ok: false, reason: 'both sides changed code REFL' });
  });

  it('gives up when their side changed what it extends and ours changed it otherwise', () => {
    const merged = mergeCodebookText(base, base.replace('[tensions]', '[tensions, impact]'), base.replace('[tensions]', '[mechanisms]'));
    assert.deepEqual(merged, { ok: false, reason: 'both sides changed `extends`' });
  });
});
