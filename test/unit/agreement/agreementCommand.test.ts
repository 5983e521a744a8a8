import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from '../cli/runCliInProcess';
import { combinedStudy, copiesOfStudy, gitRepositoryOfCopies, temporaryFolder, writeFiles } from './studyFixture';

const cli = runCliInProcess;

describe('mdqda agreement', () => {
  let root: string;
  before(() => {
    root = temporaryFolder();
    writeFiles(path.join(root, 'combined'), combinedStudy);
    writeFiles(path.join(root, 'ann'), copiesOfStudy.ann!);
    writeFiles(path.join(root, 'bo'), copiesOfStudy.bo!);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('prints the same figures for the study coded in one file with by= and in two folders', async () => {
    const oneFile = await cli(['agreement', 'combined', '--format', 'json', '--no-cache'], root);
    const copies = await cli(['agreement', '--compare', 'ann', 'bo', '--format', 'json'], root);
    assert.equal(oneFile.code, 0, oneFile.stderr);
    assert.equal(copies.code, 0, copies.stderr);
    const a = JSON.parse(oneFile.stdout);
    const b = JSON.parse(copies.stdout);
    assert.deepEqual(a.coders, ['ann', 'bo']);
    assert.equal(a.unit, 'codepoint');
    assert.deepEqual(b.codes, a.codes);
    assert.deepEqual(b.overall, a.overall);
    assert.equal(b.copies.alignments.length, 2);
  });

  it('accepts the copies as --compare A,B followed by git pathspecs', async () => {
    const repository = gitRepositoryOfCopies();
    try {
      const result = await cli(['agreement', '--compare', 'ann,bo', 'study', '--format', 'json'], repository);
      assert.equal(result.code, 0, result.stderr);
      const oneFile = JSON.parse((await cli(['agreement', 'combined', '--format', 'json', '--no-cache'], root)).stdout);
      assert.deepEqual(JSON.parse(result.stdout).overall, oneFile.overall);
    } finally {
      rmSync(repository, { recursive: true, force: true });
    }
  });

  it('leaves the consensus codings out of the default coders, says so, and compares them when named', async () => {
    const resolved = path.join(root, 'resolved');
    writeFiles(resolved, {
      ...combinedStudy,
      'int01.md': combinedStudy['int01.md']!.replace(':code[that hurts]{.T2 by=ann}', ':code[:code[that hurts]{.T2 by=ann}]{.T2 by=consensus}'),
    });
    const plain = await cli(['agreement', 'combined', '--format', 'json', '--no-cache'], root);
    const byDefault = await cli(['agreement', 'resolved', '--format', 'json', '--no-cache'], root);
    assert.equal(byDefault.code, 0, byDefault.stderr);
    assert.deepEqual(JSON.parse(byDefault.stdout).coders, ['ann', 'bo']);
    assert.deepEqual(JSON.parse(byDefault.stdout).overall, JSON.parse(plain.stdout).overall);
    assert.match(byDefault.stderr, /the consensus codings \(by=consensus\) are not compared/);
    const named = await cli(['agreement', 'resolved', '--coders', 'ann,bo,consensus', '--format', 'json', '--no-cache'], root);
    assert.equal(named.code, 0, named.stderr);
    assert.deepEqual(JSON.parse(named.stdout).coders, ['ann', 'bo', 'consensus']);
    const renamed = await cli(['agreement', 'resolved', '--consensus', 'team', '--format', 'json', '--no-cache'], root);
    assert.deepEqual(JSON.parse(renamed.stdout).coders, ['ann', 'bo', 'consensus']);
    assert.equal(renamed.stderr, '');
  });

  it('prints a Markdown table per code with the overall row, then the disagreements', async () => {
    const result = await cli(['agreement', 'combined', '--no-cache'], root);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\| T1 \| \d+ \|/m);
    assert.match(result.stdout, /^\| \*\*Overall\*\* \|/m);
    assert.match(result.stdout, /## Disagreements to discuss/);
    assert.ok(result.stdout.indexOf('**Overall**') < result.stdout.indexOf('## Disagreements'));
  });

  it('prints the disagreements as CSV with one row per stretch', async () => {
    const json = JSON.parse((await cli(['agreement', 'combined', '--format', 'json', '--no-cache'], root)).stdout);
    const result = await cli(['agreement', 'combined', '--format', 'csv', '--disagreements', '--no-cache'], root);
    assert.equal(result.code, 0, result.stderr);
    const rows = result.stdout.trimEnd().split('\r\n');
    assert.equal(rows[0], 'source,path,start,end,units,code,coders,others,speaker,text');
    assert.equal(rows.length - 1, json.disagreements.length);
  });

  for (const [label, argv, message] of [
    ['an unknown coder', ['agreement', 'combined', '--coders', 'ann,zed', '--no-cache'], /unknown coder 'zed'/],
    ['a single coder', ['agreement', 'combined', '--coders', 'ann', '--no-cache'], /at least two coders/],
    ['an unknown folder or ref', ['agreement', '--compare', 'ann', 'missing'], /'missing' is neither a folder nor a git ref/],
    ['a missing second copy', ['agreement', '--compare', 'ann'], /--compare needs two copies/],
  ] as const) {
    it(`exits 2 with one line on stderr for ${label}`, async () => {
      const result = await cli([...argv], root);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1);
    });
  }
});
