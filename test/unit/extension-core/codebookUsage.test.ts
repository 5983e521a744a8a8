import * as assert from 'node:assert/strict';
import { codebookUsage } from '../../../src/core/codebook/codebookUsage';
import { codebook, sources } from './fixtures';

describe('codebook usage for the codebook view', () => {
  it('counts excerpts and sources per code, an alias for its code', () => {
    const usage = codebookUsage(codebook(), sources());
    const counts = Object.fromEntries([...usage.codes.values()].map((code) => [code.id, [code.excerpts, code.sources]]));
    assert.deepEqual(counts, { T1: [1, 1], T1a: [1, 1], T2: [3, 2], M3: [1, 1], M9: [0, 0], X9: [1, 1] });
  });

  it('counts a parent with its descendants once per excerpt', () => {
    const usage = codebookUsage(codebook(), sources());
    assert.equal(usage.codes.get('T1')?.excerptsWithDescendants, 2);
  });

  it('flags codes nobody used and codes missing from the codebook', () => {
    const usage = codebookUsage(codebook(), sources());
    assert.deepEqual(usage.unused, ['M9']);
    assert.deepEqual(usage.unknown, ['X9']);
    assert.equal(usage.codes.get('X9')?.status, 'unknown');
    assert.equal(usage.codes.get('T2')?.status, 'used');
    assert.deepEqual(usage.roots, ['T1', 'T2', 'M3', 'M9', 'X9']);
  });
});

/** fast-check, the parser, a codebook with an alias and two levels of sub-codes, and transcripts of random codings (some missing from the codebook). */
async function propertySetup() {
  const fc = (await import('fast-check')).default;
  const { compileCodebook } = await import('../../../src/core/codebook/compileCodebook');
  const { parseTranscript } = await import('../../../src/core/syntax/parseTranscript');
  const codebook = compileCodebook([{ path: 'codebook.yaml', text: 'codes:\n  - id: A\n    name: A\n    aliases: [AA]\n    children:\n      - id: B\n        name: B\n        children:\n          - { id: C, name: C }\n  - { id: D, name: D }\n' }]).codebook;
  const transcript = fc.array(fc.array(fc.constantFrom('A', 'AA', 'B', 'C', 'D', 'X', 'Y'), { minLength: 1, maxLength: 3 }), { maxLength: 4 })
    .map((excerpts) => excerpts.map((codes, index) => `:code[w${index}]{${codes.map((id) => `.${id}`).join(' ')}}`).join(' ') + '\n');
  return { fc, parseTranscript, codebook, transcript };
}

describe('codebook usage counted per source', () => {
  it('gives the same counts when one source is counted again as when all are', async () => {
    const { fc, parseTranscript, codebook, transcript } = await propertySetup();
    const { codebookUsage, combineUsage, sourceUsage } = await import('../../../src/core/codebook/codebookUsage');
    fc.assert(
      fc.property(fc.array(transcript, { minLength: 1, maxLength: 4 }), fc.nat(), transcript, (texts, which, replacement) => {
        const sources = texts.map((text, index) => parseTranscript(text, { path: `t${index}.md` }));
        const perSource = new Map(sources.map((source) => [source.path, sourceUsage(codebook, source)]));
        const changed = parseTranscript(replacement, { path: `t${which % sources.length}.md` });
        perSource.set(changed.path, sourceUsage(codebook, changed));
        const after = sources.map((source) => (source.path === changed.path ? changed : source));
        const shape = (usage: ReturnType<typeof codebookUsage>) => ({ ...usage, codes: [...usage.codes.values()].map(({ code: _code, ...rest }) => rest) });
        assert.deepEqual(shape(combineUsage(codebook, perSource.values())), shape(codebookUsage(codebook, after)));
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('keeps the same counts in a running tally when a source is taken away and counted again', async () => {
    const { fc, parseTranscript, codebook, transcript } = await propertySetup();
    const { UsageTally, combineUsage, sourceUsage } = await import('../../../src/core/codebook/codebookUsage');
    fc.assert(
      fc.property(fc.array(transcript, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), transcript), { maxLength: 4 }), (texts, changes) => {
        const perSource = new Map(texts.map((text, index) => [`t${index}.md`, sourceUsage(codebook, parseTranscript(text, { path: `t${index}.md` }))]));
        const tally = new UsageTally(codebook);
        for (const usage of perSource.values()) tally.add(usage);
        for (const [which, text] of changes) {
          const path = `t${which % texts.length}.md`;
          tally.add(perSource.get(path) as Map<string, [number, number]>, -1);
          const usage = sourceUsage(codebook, parseTranscript(text, { path }));
          perSource.set(path, usage);
          tally.add(usage);
        }
        assert.deepEqual([...tally.usage().codes.entries()], [...combineUsage(codebook, perSource.values()).codes.entries()]);
        assert.deepEqual({ ...tally.usage(), codes: null }, { ...combineUsage(codebook, perSource.values()), codes: null });
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
