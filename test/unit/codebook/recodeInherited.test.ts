import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCodebooks } from '../../../src/node/loadCodebooks';
import type { Code } from '../../../src/core/model/codebook';
import { runCliInProcess as mdqda } from '../cli/runCliInProcess';

/** Every field a user writes for a code, for comparing a code before and after a refactoring. */
function fields(code: Code | undefined): Partial<Code> {
  assert.ok(code);
  const { name, description, color, group, level, aliases, example, extra } = code;
  return { name, description, color, group, level, aliases, example, extra };
}

describe('mdqda rename, merge and split of codes inherited from the tensions preset', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-inherited-'));
    fs.writeFileSync(path.join(folder, 'codebook.yaml'), '# Our study\nextends: [tensions]\n');
    fs.writeFileSync(path.join(folder, 'p1.md'), '**P1:** :code[the money ran out]{.T1b by=pg} and :code[the board decided]{.T2 by=pg}.\n\nAnd :code[the promotion panel]{.T4 .T4b by=rk}.\n');
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  const load = async () => {
    const result = await loadCodebooks([], folder);
    assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), []);
    return result.codebook;
  };

  it('rename keeps the description, colour, group and parent of an inherited code', async () => {
    const before = await load();
    const result = await mdqda(['rename', 'T1b', 'T1f', '.'], folder);
    assert.equal(result.code, 0, result.stderr);
    const after = await load();
    assert.ok(!after.codes.has('T1b'));
    assert.deepEqual(fields(after.codes.get('T1f')), fields(before.codes.get('T1b')));
    assert.equal(after.codes.get('T1f')!.parent, 'T1');
    assert.ok(fs.readFileSync(path.join(folder, 'p1.md'), 'utf8').includes('{.T1f by=pg}'));
    assert.ok(fs.readFileSync(path.join(folder, 'codebook.yaml'), 'utf8').startsWith('# Our study\nextends: [tensions]\n'));
  });

  it('rename of an inherited code with children keeps them under the new id', async () => {
    const before = await load();
    const result = await mdqda(['rename', 'T2', 'TP', '.'], folder);
    assert.equal(result.code, 0, result.stderr);
    const after = await load();
    assert.deepEqual(fields(after.codes.get('TP')), fields(before.codes.get('T2')));
    assert.deepEqual(after.codes.get('TP')!.children, ['T2a', 'T2b']);
    assert.deepEqual(fields(after.codes.get('T2a')), fields(before.codes.get('T2a')));
  });

  it('merge into a new id defines it with the fields of the first code merged, children included', async () => {
    const before = await load();
    const result = await mdqda(['merge', 'T4', 'T3', '--into', 'T9', '.'], folder);
    assert.equal(result.code, 0, result.stderr);
    const after = await load();
    assert.deepEqual(fields(after.codes.get('T9')), fields(before.codes.get('T4')));
    assert.deepEqual(after.codes.get('T9')!.children, ['T3a', 'T3b', 'T4a', 'T4b']);
    assert.ok(fs.readFileSync(path.join(folder, 'p1.md'), 'utf8').includes('{.T9 .T4b by=rk}'));
  });

  it('split adds the new code beside the inherited one with its fields and the name given', async () => {
    const before = await load();
    const result = await mdqda(['split', 'T1b', 'T1c', '--at', 'p1.md:1', '--name', 'Money for the partnership', '.'], folder);
    assert.equal(result.code, 0, result.stderr);
    const after = await load();
    assert.deepEqual(fields(after.codes.get('T1c')), { ...fields(before.codes.get('T1b')), name: 'Money for the partnership' });
    assert.equal(after.codes.get('T1c')!.parent, 'T1');
  });
});
