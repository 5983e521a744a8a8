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
});
