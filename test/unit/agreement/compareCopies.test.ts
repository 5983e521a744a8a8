import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { computeAgreement } from '../../../src/core/analysis/agreement/computeAgreement';
import type { AgreementReport } from '../../../src/core/analysis/agreement/agreementReport';
import type { Source } from '../../../src/core/model';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { compareCopies } from '../../../src/node/compareCopies';
import { combinedStudy, copiesOfStudy, gitRepositoryOfCopies, temporaryFolder, writeFiles } from './studyFixture';

function figures(sources: Source[]): AgreementReport {
  const outcome = computeAgreement(sources, { coders: ['ann', 'bo'] });
  if (!outcome.ok) assert.fail(outcome.message);
  return outcome.report;
}

function comparable(report: AgreementReport) {
  return {
    codes: report.codes,
    overall: report.overall,
    disagreements: report.disagreements.map(({ path: _path, ...rest }) => rest),
  };
}

describe('compareCopies', () => {
  const folders: string[] = [];
  after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  const oneFile = () =>
    figures(Object.entries(combinedStudy).map(([file, text]) => parseTranscript(text, { path: file })));

  it('gives the same figures for a study coded in one file with by= and in two folders', async () => {
    const root = temporaryFolder();
    folders.push(root);
    writeFiles(path.join(root, 'ann'), copiesOfStudy.ann!);
    writeFiles(path.join(root, 'bo'), copiesOfStudy.bo!);
    const outcome = await compareCopies('ann', 'bo', { cwd: root });
    if (!outcome.ok) assert.fail(outcome.message);
    const fromCopies = figures(outcome.merged.sources);
    assert.equal(fromCopies.compared.sources, 2);
    assert.ok(fromCopies.codes.T1!.kappa !== null);
    assert.deepEqual(comparable(fromCopies), comparable(oneFile()));
  });

  it('gives the same figures from two git refs, read without checking them out', async () => {
    const root = gitRepositoryOfCopies();
    folders.push(root);
    const outcome = await compareCopies('ann', 'bo', { cwd: root });
    if (!outcome.ok) assert.fail(outcome.message);
    assert.equal(outcome.first.kind, 'git');
    assert.deepEqual(comparable(figures(outcome.merged.sources)), comparable(oneFile()));
  });

  it('aligns a copy whose plain text has a typo fixed and reports the unaligned characters', async () => {
    const root = temporaryFolder();
    folders.push(root);
    writeFiles(path.join(root, 'ann'), copiesOfStudy.ann!);
    writeFiles(path.join(root, 'bo'), {
      ...copiesOfStudy.bo!,
      'sub/int01.md': copiesOfStudy.bo!['sub/int01.md']!.replace('receive', 'recieve'),
    });
    const outcome = await compareCopies('ann', 'bo', { cwd: root });
    if (!outcome.ok) assert.fail(outcome.message);
    const alignment = outcome.merged.alignments.find((a) => a.source === 'int01')!;
    assert.equal(alignment.identical, false);
    assert.ok(alignment.unalignedSecond > 0 && alignment.unalignedSecond <= 2);
    assert.deepEqual(comparable(figures(outcome.merged.sources)).codes, comparable(oneFile()).codes);
  });

  it('refuses an unknown folder or ref with one message naming it', async () => {
    const root = temporaryFolder();
    folders.push(root);
    writeFiles(path.join(root, 'ann'), copiesOfStudy.ann!);
    const outcome = await compareCopies('ann', 'nowhere', { cwd: root });
    assert.equal(outcome.ok, false);
    assert.match((outcome as { message: string }).message, /'nowhere' is neither a folder nor a git ref/);
  });

  it('refuses copies whose transcripts with the same id are too different to align', async function () {
    this.timeout(20_000); // the diff tries for up to 2 s before giving up
    const root = temporaryFolder();
    folders.push(root);
    writeFiles(path.join(root, 'ann'), { 'x.md': `---\nid: x\n---\n:code[${'a'.repeat(6000)}]{.T1 by=ann}\n` });
    writeFiles(path.join(root, 'bo'), { 'x.md': `---\nid: x\n---\n:code[${'b'.repeat(6000)}]{.T1 by=bo}\n` });
    const outcome = await compareCopies('ann', 'bo', { cwd: root });
    assert.equal(outcome.ok, false);
    assert.match((outcome as { message: string }).message, /^x\.md: transcript 'x' differs too much/);
  });

  it('refuses copies that share no transcript', async () => {
    const root = temporaryFolder();
    folders.push(root);
    writeFiles(path.join(root, 'ann'), copiesOfStudy.ann!);
    writeFileSync(path.join(root, 'other.md'), '');
    writeFiles(path.join(root, 'bo'), { 'x.md': '---\nid: unrelated\n---\ntext\n' });
    const outcome = await compareCopies('ann', 'bo', { cwd: root });
    assert.equal(outcome.ok, false);
    assert.match((outcome as { message: string }).message, /share no transcript/);
  });
});
