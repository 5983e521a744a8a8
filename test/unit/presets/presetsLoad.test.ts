import assert from 'node:assert/strict';
import { codebookAsOf } from '../../../src/core/codebook/codebookAsOf';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { listPresets, readPreset } from '../../../src/node/presets';
import { presetNames } from './presetCodes';

/** Compiles a workspace codebook text against the bundled presets. */
function compile(text: string) {
  return compileCodebook([{ text, path: 'codebook.yaml' }], {
    resolvePreset: (name) => readPreset(name),
    presetNames: listPresets(),
  });
}

describe('bundled presets through the codebook loader', () => {
  it('lists exactly the five bundled presets', () => {
    assert.deepEqual(listPresets(), [...presetNames].sort());
  });

  for (const name of presetNames) {
    it(`loads ${name} with no error or warning and keeps its citation`, () => {
      const result = compile(`extends: ${name}\n`);
      assert.deepEqual(
        result.diagnostics.map((d) => `${d.path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`),
        [],
      );
      assert.ok(result.codebook.codes.size > 0);
      assert.equal(result.codebook.citations.length, 1);
    });
  }

  it('loads all five presets together without id clashes', () => {
    const result = compile(`extends: [${presetNames.join(', ')}]\n`);
    assert.deepEqual(result.diagnostics.map((d) => d.message), []);
    // facilitators and impact come from the same paper, which is cited once.
    assert.deepEqual(result.codebook.citations.map((citation) => citation.year).sort(), [2016, 2018, 2023, 'n.d.']);
  });

  it('shows the tensions codebook after step 2 as the six candidate tensions', () => {
    const codebook = compile('extends: tensions\n').codebook;
    const step2 = codebookAsOf(codebook, 'step2');
    assert.ok(step2);
    const roots = step2.roots.map((id) => `${id} ${step2.codes.get(id)?.name}`);
    assert.equal(roots.length, 6);
    assert.ok(roots.includes('TC4 Research vs non-research activities'), roots.join('; '));
    assert.ok(!step2.codes.has('T4'));
    assert.ok(!step2.codes.has('T3b'));
  });

  it('shows the tensions codebook after step 3 as the four final tensions', () => {
    const codebook = compile('extends: tensions\n').codebook;
    const step3 = codebookAsOf(codebook, 'step3');
    assert.ok(step3);
    assert.deepEqual(step3.roots, ['T1', 'T2', 'T3', 'T4']);
    assert.ok(step3.codes.has('T3b'));
  });

  describe('bad input against the presets', () => {
    /** `path:line:column ruleId` of each error. */
    const errors = (text: string): string[] =>
      compile(text)
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => `${d.path}:${d.line}:${d.column} ${d.ruleId}`);

    it('reports an unknown preset name where it is written, suggesting the nearest preset', () => {
      const result = compile('codes: []\nextends: tensionz\n');
      assert.deepEqual(errors('codes: []\nextends: tensionz\n'), ['codebook.yaml:2:10 unknown-preset']);
      assert.match(result.diagnostics[0].message, /tensions/);
    });

    it('reports a sub-code added under a preset code that does not exist', () => {
      assert.deepEqual(errors('extends: mechanisms\ncodes:\n  - id: M10a\n    parent: M10\n    name: x\n'), [
        'codebook.yaml:4:13 unknown-parent',
      ]);
    });

    it('reports dropping a code that no extended preset defines', () => {
      assert.deepEqual(errors('extends: tensions\ndrop: [M3]\n'), ['codebook.yaml:2:8 drop-not-inherited']);
    });

    it('reports a codebook that extends itself and keeps the preset codes it also extends', () => {
      const result = compileCodebook([{ text: 'extends: [tensions, codebook.yaml]\n', path: 'codebook.yaml' }], {
        resolvePreset: (name) => readPreset(name),
        readFile: (file) => (file === 'codebook.yaml' ? 'extends: [tensions, codebook.yaml]\n' : undefined),
      });
      assert.ok(result.diagnostics.some((d) => d.ruleId === 'extends-cycle' && d.line === 1), JSON.stringify(result.diagnostics));
      assert.ok(result.codebook.codes.has('T4'));
    });
  });
});
