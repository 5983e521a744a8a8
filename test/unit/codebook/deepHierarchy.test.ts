import assert from 'node:assert/strict';
import { buildTable } from '../../../src/core/analysis/tables/buildTable';
import { buildCodeTree } from '../../../src/core/analysis/tables/codeTree';
import { buildPack } from '../../../src/core/analysis/workshop/buildPack';
import { codebookAsOf } from '../../../src/core/codebook/codebookAsOf';
import { codebookUsage } from '../../../src/core/codebook/codebookUsage';
import { collectSubtree } from '../../../src/core/codebook/collectSubtree';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { ancestorsOf, codesInGroup, descendantsOf, groupOf } from '../../../src/core/codebook/queryCodes';
import { stepView } from '../../../src/core/codebook/stepView';
import { editCodebookText } from '../../../src/core/edit/editCodebookText';
import { codesSeenFrom } from '../../../src/core/codebook/codesSeenFrom';
import { orderCodeChoices } from '../../../src/core/navigate/orderCodeChoices';
import { MAX_CHILDREN_NESTING } from '../../../src/core/codebook/parseCodebook';
import { makeSource } from '../tables/corpus';

/** A codebook whose codes C0 … C(n-1) form one chain, each the parent of the next, with a history of two steps. */
function parentChain(n: number): string {
  const lines = ['history:', '  - { action: candidate, to: [C0], step: step1 }', `  - { action: added, to: [C${n - 1}], step: step2 }`, 'codes:', '  - { id: C0, name: c0, group: g }'];
  for (let i = 1; i < n; i++) lines.push(`  - { id: C${i}, name: c${i}, parent: C${i - 1} }`);
  return `${lines.join('\n')}\n`;
}

/** A codebook of n codes, each nested in the `children:` of the one before (flow style, so the file stays small). */
function nestedChain(n: number): string {
  let nested = '';
  for (let i = n - 1; i >= 0; i--) nested = `{ id: N${i}, name: n${i}${nested ? `, children: [${nested}]` : ''} }`;
  return `codes: [${nested}]\n`;
}

for (const depth of [8_000, 20_000]) {
  describe(`a codebook hierarchy ${depth.toLocaleString('en')} codes deep`, function () {
    this.timeout(180_000);
    const text = parentChain(depth);
    let compiled: ReturnType<typeof compileCodebook>;
    before(() => {
      compiled = compileCodebook([{ text, path: 'codebook.yaml' }]);
    });

    it('compiles a parent: chain without overflowing the stack, inheriting the group down to the last code', () => {
      const { codebook, diagnostics } = compiled;
      assert.deepEqual(diagnostics, []);
      const leaf = `C${depth - 1}`;
      assert.equal(codebook.codes.size, depth);
      assert.equal(codebook.codes.get(leaf)!.group, 'g');
      assert.equal(descendantsOf(codebook, 'C0').length, depth - 1);
      assert.equal(ancestorsOf(codebook, leaf).length, depth - 1);
      assert.equal(groupOf(codebook, leaf), 'g');
      assert.equal(codesInGroup(codebook, 'g').length, depth);
      assert.equal(collectSubtree('C0', [...codebook.codes.values()]).size, depth);
      const tree = buildCodeTree(codebook);
      assert.deepEqual(tree.ordered().at(-1), { id: leaf, depth: depth - 1 });
      assert.equal(tree.inGroup('g').at(-1)!.depth, depth - 1);
      assert.equal(orderCodeChoices(codebook, []).at(-1)!.depth, depth - 1);
    });

    it('answers the tables, the pack, the step view and the usage counts of a deep chain', () => {
      const { codebook } = compiled;
      const leaf = `C${depth - 1}`;
      const source = makeSource('S1', 'P1: deep talk.', [{ phrase: 'deep talk.', codes: [leaf], coder: 'ann', speaker: 'P1' }]);
      assert.equal(codebookAsOf(codebook, 'step1')!.codes.size, depth - 1);
      assert.equal(stepView(codebook, 'step1')!.countFor(leaf), `C${depth - 2}`);
      const tensions = buildTable('tensions', [source], codebook, { group: 'g' });
      assert.equal(tensions.table!.rows[0]!.cells.at(-2)!.excerpts, 1);
      const frequencies = buildTable('frequencies', [source], codebook, { rollup: true });
      assert.equal(frequencies.table!.rows.find((row) => row.key === 'C0')!.cells[0]!.excerpts, 1);
      const pack = buildPack([source], codebook, { group: 'g', asOf: 'step1' });
      assert.equal(pack.pack!.cards[0]!.excerpts, 1);
      assert.equal(codebookUsage(codebook, [source]).codes.get('C0')!.excerptsWithDescendants, 1);
    });

    it('renames the last code of a deep chain by exact text edits', () => {
      const { codebook } = compiled;
      const result = editCodebookText(text, { action: 'rename', from: [`C${depth - 1}`], to: ['LAST'], date: '2026-12-06', codes: codesSeenFrom(codebook, 'codebook.yaml') });
      assert.ok(result.ok);
    });

    it(`refuses children: nested deeper than ${MAX_CHILDREN_NESTING} levels with a diagnostic, and keeps the codes above`, () => {
      const { codebook, diagnostics } = compileCodebook([{ text: nestedChain(depth), path: 'codebook.yaml' }]);
      const deep = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'nesting-too-deep');
      assert.ok(deep.length >= 1, JSON.stringify(diagnostics.slice(0, 3)));
      assert.ok(!diagnostics.some((diagnostic) => /call stack/i.test(diagnostic.message)), JSON.stringify(diagnostics));
      assert.equal(deep[0]!.severity, 'error');
      assert.match(deep[0]!.message, /parent:/);
      assert.equal(codebook.codes.size, MAX_CHILDREN_NESTING + 1);
      assert.equal(codebook.codes.get(`N${MAX_CHILDREN_NESTING}`)!.parent, `N${MAX_CHILDREN_NESTING - 1}`);
    });
  });
}
