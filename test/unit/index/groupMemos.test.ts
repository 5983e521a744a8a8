import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { groupMemos } from '../../../src/core/index/groupMemos';
import { loadWorkspace } from '../../../src/node/loadWorkspace';

const study = path.resolve(__dirname, '../../../examples/coproduction-study');

describe('groupMemos (the memo list)', () => {
  it('lists every memo of the example study once by source and once per code by code', async () => {
    const workspace = await loadWorkspace({ paths: ['.'], cwd: study, cache: false });
    // Independent count: memo="…" attributes in the files (each directive holds at most one).
    const files = workspace.sources.map((source) => fs.readFileSync(path.join(workspace.root, source.path), 'utf8'));
    const written = files.reduce((total, text) => total + (text.match(/\bmemo="[^"]*[^"\s][^"]*"/g) ?? []).length, 0);
    const memoExcerpts = workspace.sources.flatMap((source) => source.excerpts).filter((excerpt) => excerpt.memo);
    assert.ok(written > 5, `the study has memos (${written})`);
    assert.equal(memoExcerpts.length, written);

    const bySource = groupMemos(workspace.sources, workspace.codebook, 'source');
    assert.equal(bySource.reduce((total, group) => total + group.memos.length, 0), written);
    assert.deepEqual(bySource.map((group) => group.label), workspace.sources.filter((source) => source.excerpts.some((excerpt) => excerpt.memo)).map((source) => source.id));

    const byCode = groupMemos(workspace.sources, workspace.codebook, 'code');
    const codings = memoExcerpts.reduce((total, excerpt) => total + excerpt.codes.length, 0);
    assert.equal(byCode.reduce((total, group) => total + group.memos.length, 0), codings);
    const order = [...workspace.codebook.codes.keys()];
    const known = byCode.filter((group) => !group.unknown).map((group) => order.indexOf(group.key));
    assert.deepEqual(known, [...known].sort((a, b) => a - b), 'codes in codebook order');
    for (const group of byCode) assert.ok(group.memos.every(({ excerpt }) => excerpt.codes.includes(group.key)));
  });

  it('leaves out blank memos and names codes missing from the codebook', async () => {
    const { parseTranscript } = await import('../../../src/core/syntax/parseTranscript');
    const source = parseTranscript(':code[a]{.X1 memo="why"} :code[b]{.X1 memo=" "} :code[c]{.X2}\n', { path: 'a.md' });
    const codebook = { codes: new Map(), roots: [], history: [], citations: [], files: [] };
    const groups = groupMemos([source], codebook, 'code');
    assert.deepEqual(groups.map((group) => [group.label, group.unknown, group.memos.length]), [['X1', true, 1]]);
  });
});
