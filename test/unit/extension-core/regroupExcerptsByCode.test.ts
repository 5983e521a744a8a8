import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { groupExcerptsByCode, regroupExcerptsByCode } from '../../../src/extension/views/groupExcerptsByCode';
import { compileCodebook } from '../../../src/core/codebook/compileCodebook';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import type { Source } from '../../../src/core/model';

const codebook = compileCodebook([{ path: 'codebook.yaml', text: 'codes:\n  - id: A\n    name: A\n    aliases: [AA]\n    children:\n      - { id: B, name: B }\n  - { id: C, name: C }\n' }]).codebook;
const code = fc.constantFrom('A', 'AA', 'B', 'C', 'X', 'Y');
const transcript = fc.array(fc.array(code, { minLength: 1, maxLength: 2 }), { maxLength: 4 }).map((excerpts) => excerpts.map((codes, index) => `:code[w${index}]{${codes.map((id) => `.${id}`).join(' ')}}`).join(' ') + '\n');

/** The grouping as plain data, to compare two groupings. */
function shape(grouping: ReturnType<typeof groupExcerptsByCode>) {
  return {
    roots: grouping.roots,
    groups: [...grouping.groups.values()]
      .map((group) => ({ id: group.id, count: group.count, known: group.code !== null, sources: group.sources.map(({ source, excerpts }) => [source.path, excerpts.length]) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

describe('regroupExcerptsByCode', () => {
  it('gives what a full grouping gives after some transcripts change or go', () => {
    fc.assert(
      fc.property(fc.array(transcript, { minLength: 1, maxLength: 5 }), fc.array(fc.option(transcript), { minLength: 1, maxLength: 5 }), (before, after) => {
        const old: Source[] = before.map((text, index) => parseTranscript(text, { path: `t${index}.md` }));
        const paths = new Set<string>();
        const changed: Source[] = [];
        const current = new Map(old.map((source) => [source.path, source]));
        after.forEach((text, index) => {
          const path = `t${index}.md`;
          paths.add(path);
          if (text === null) current.delete(path);
          else {
            const source = parseTranscript(text, { path });
            current.set(path, source);
            changed.push(source);
          }
        });
        const incremental = regroupExcerptsByCode(groupExcerptsByCode(codebook, old), codebook, paths, changed);
        assert.deepEqual(shape(incremental), shape(groupExcerptsByCode(codebook, [...current.values()])));
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
