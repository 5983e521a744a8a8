import assert from 'node:assert/strict';
import { checkWorkshop, looksLikeWorkshop } from '../../../src/core/analysis/workshop/checkWorkshop';
import { workshopFixes } from '../../../src/core/analysis/workshop/workshopFixes';
import { applyTextEdits } from '../../../src/core/edit/textEdit';

/** The UTF-16 offset of a 1-based line and column (ASCII text). */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((sum, item) => sum + item.length + 1, 0) + column - 1;
}

/** The text after the fix titled `title` of the first diagnostic with `ruleId`. */
function fixed(text: string, ruleId: string, title: RegExp): string {
  const diagnostic = checkWorkshop(text, 'w.yaml', null).diagnostics.find((item) => item.ruleId === ruleId);
  assert.ok(diagnostic, `a ${ruleId} diagnostic`);
  const fixes = workshopFixes(text, { ruleId, message: diagnostic.message, offset: offsetOf(text, diagnostic.line, diagnostic.column) });
  const fix = fixes.find((item) => title.test(item.title));
  assert.ok(fix, `a fix ${title} among ${fixes.map((item) => item.title).join(', ')}`);
  return applyTextEdits(text, fix.edits);
}

const BASE = ['candidates: [A, B, C]', 'participants:', '  - id: p1'];

describe('workshop quick fixes', () => {
  it('adds an id that is not a candidate to a flow list of candidates, which clears the error', () => {
    const text = [...BASE, '    votes: [A, D]'].join('\n');
    const after = fixed(text, 'not-a-candidate', /^Add D to the candidates$/);
    assert.equal(after.split('\n')[0], 'candidates: [A, B, C, D]');
    assert.equal(checkWorkshop(after, 'w.yaml', null).diagnostics.filter((item) => item.severity === 'error').length, 0);
  });

  it('adds a candidate to a block list with the indentation of its items', () => {
    const text = ['candidates:', '  - A', '  - B', 'participants:', '  - id: p1', '    inner: [Z]'].join('\n');
    assert.equal(fixed(text, 'not-a-candidate', /^Add Z/), ['candidates:', '  - A', '  - B', '  - Z', 'participants:', '  - id: p1', '    inner: [Z]'].join('\n'));
  });

  it('removes an id from a flow list with its comma, first, middle or last', () => {
    for (const [list, expected] of [['[D, A]', '[A]'], ['[A, D, B]', '[A, B]'], ['[A, D]', '[A]'], ['[D]', '[]']]) {
      const text = [...BASE, `    votes: ${list}`].join('\n');
      assert.equal(fixed(text, 'not-a-candidate', /^Remove D/).split('\n')[3], `    votes: ${expected}`);
    }
  });

  it('removes the line of an id from a block list, and a lone id becomes an empty list', () => {
    const block = [...BASE, '    outer:', '      - A', '      - D   # late', '    notes: x'].join('\n');
    assert.equal(fixed(block, 'not-a-candidate', /^Remove D/), [...BASE, '    outer:', '      - A', '    notes: x'].join('\n'));
    const lone = [...BASE, '    votes: D'].join('\n');
    assert.equal(fixed(lone, 'not-a-candidate', /^Remove D/), [...BASE, '    votes: []'].join('\n'));
  });

  it('drops the second of an id listed twice, and takes a card in both circles out of the outer one', () => {
    assert.equal(fixed([...BASE, '    votes: [A, B, A]'].join('\n'), 'duplicate-entry', /^Remove the second A$/).split('\n')[3], '    votes: [A, B]');
    const both = [...BASE, '    inner: [A, B]', '    outer: [B, C]'].join('\n');
    assert.equal(fixed(both, 'both-circles', /inner circle only/).split('\n')[4], '    outer: [C]');
  });

  it('renames an unknown key to the key it resembles', () => {
    const text = [...BASE, '    vote: [A]'].join('\n');
    assert.equal(fixed(text, 'unknown-key', /^Rename 'vote' to 'votes'$/).split('\n')[3], '    votes: [A]');
  });

  it('offers nothing when the text at the problem is not the id it names', () => {
    const text = [...BASE, '    votes: [A, D]'].join('\n');
    assert.deepEqual(workshopFixes(text, { ruleId: 'not-a-candidate', message: 'D in the votes of p1 is not one of the candidates', offset: 0 }), []);
  });

  it('underlines the whole id of a problem about one', () => {
    const [diagnostic] = checkWorkshop([...BASE, '    votes: [A, DD]'].join('\n'), 'w.yaml', null).diagnostics;
    assert.deepEqual([diagnostic?.ruleId, diagnostic?.line, diagnostic?.column, diagnostic?.endLine, diagnostic?.endColumn], ['not-a-candidate', 4, 16, 4, 18]);
  });

  it('tells a workshop file from a codebook by its top-level keys', () => {
    assert.equal(looksLikeWorkshop(['title: x', 'candidates: [A]'].join('\n')), true);
    assert.equal(looksLikeWorkshop('\uFEFFparticipants:\n  - id: p'), true);
    assert.equal(looksLikeWorkshop('codes:\n  - id: A\n    participants: 2'), false);
  });
});
