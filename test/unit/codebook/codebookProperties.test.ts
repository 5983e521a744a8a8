import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codebookAsOf, codebookSteps } from '../../../src/core/codebook/codebookAsOf';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { parseCodebook } from '../../../src/core/codebook/parseCodebook';
import { ancestorsOf, descendantsOf } from '../../../src/core/codebook/queryCodes';
import type { Codebook } from '../../../src/core/model/codebook';

const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** A codebook text with random ids (some repeated), parents (some unknown, some cyclic), aliases and history. */
const codebookText = fc
  .record({
    codes: fc.array(
      fc.record({
        id: fc.constantFrom(...ids),
        parent: fc.option(fc.constantFrom(...ids, 'Zed'), { nil: undefined }),
        aliases: fc.array(fc.constantFrom(...ids, 'x', 'y'), { maxLength: 2 }),
        group: fc.option(fc.constantFrom('g1', 'g2'), { nil: undefined }),
      }),
      { maxLength: 8 },
    ),
    history: fc.array(
      fc.record({
        action: fc.constantFrom('added', 'candidate', 'merge', 'split', 'rename', 'drop', 'recolour'),
        from: fc.array(fc.constantFrom(...ids, 'Old1', 'Old2'), { maxLength: 3 }),
        to: fc.array(fc.constantFrom(...ids, 'New1'), { maxLength: 2 }),
        step: fc.option(fc.constantFrom('step1', 'step2', 'step3'), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ codes, history }) =>
    JSON.stringify({
      codes: codes.map((code) => ({ ...code, name: `Code ${code.id}` })),
      history,
    }),
  );

/** Checks that parent and children agree and that every code is reached once from the roots. */
function assertForest(codebook: Codebook): void {
  const reached: string[] = [];
  const visit = (id: string): void => {
    reached.push(id);
    for (const child of codebook.codes.get(id)!.children) {
      assert.equal(codebook.codes.get(child)!.parent, id);
      visit(child);
    }
  };
  for (const root of codebook.roots) {
    assert.equal(codebook.codes.get(root)!.parent, null);
    visit(root);
  }
  assert.deepEqual([...reached].sort(), [...codebook.codes.keys()].sort());
}

describe('codebook properties', () => {
  it('parses any text without throwing, with every diagnostic inside the file', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const { diagnostics } = parseCodebook(text, 'c.yaml');
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const d of diagnostics) {
          assert.ok(d.line >= 1 && d.line <= lineCount, `line ${d.line} of ${lineCount}`);
          assert.ok(d.column >= 1);
        }
      }),
    );
  });

  it('links any codebook into a forest where no code is its own ancestor or descendant', () => {
    fc.assert(
      fc.property(codebookText, (text) => {
        const { codebook } = compileCodebook([{ path: 'c.yaml', text }]);
        assertForest(codebook);
        for (const id of codebook.codes.keys()) {
          const up = new Set(ancestorsOf(codebook, id));
          const down = descendantsOf(codebook, id);
          assert.ok(!up.has(id) && !down.includes(id));
          assert.ok(down.every((descendant) => !up.has(descendant)));
        }
      }),
    );
  });

  it('merges the same text to the same codebook and diagnostics every time', () => {
    fc.assert(
      fc.property(codebookText, (text) => {
        const first = compileCodebook([{ path: 'c.yaml', text }]);
        const second = compileCodebook([{ path: 'c.yaml', text }]);
        assert.deepEqual(second, first);
      }),
    );
  });

  it('gives a consistent forest as of every step of any history', () => {
    fc.assert(
      fc.property(codebookText, (text) => {
        const { codebook } = compileCodebook([{ path: 'c.yaml', text }]);
        for (const step of codebookSteps(codebook)) assertForest(codebookAsOf(codebook, step)!);
      }),
    );
  });

  it('reports a bad colour at the code-point column after any prefix on its line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (name) => {
        const quoted = JSON.stringify(name);
        const prefix = `  - { name: ${quoted}, id: T1, color: `;
        const { diagnostics } = parseCodebook(`codes:\n${prefix}bad }\n`, 'c.yaml');
        const colour = diagnostics.find((d) => d.ruleId === 'bad-color');
        assert.ok(colour, JSON.stringify(diagnostics));
        assert.equal(colour.line, 2);
        assert.equal(colour.column, Array.from(prefix).length + 1);
      }),
    );
  });
});
