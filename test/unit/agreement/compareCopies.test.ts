import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { computeAgreement } from '../../../src/core/analysis/agreement/computeAgreement';
import type { AgreementReport } from '../../../src/core/analysis/agreement/agreementReport';
import type { Source } from '../../../src/core/model';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { runCliInProcess } from '../cli/runCliInProcess';
import { compareCopies } from '../../../src/node/compareCopies';
import { DEFAULT_MAX_BYTES, readTranscriptFile } from '../../../src/node/readTranscriptFile';
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

const oneFileFigures = () =>
  figures(Object.entries(combinedStudy).map(([file, text]) => parseTranscript(text, { path: file })));

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

describe('compareCopies of git refs holding a file over the size limit', () => {
  const bigText = `---\nid: big\n---\n${':code[words]{.T1} '.repeat(200)}\n`;
  let root: string;
  before(() => {
    root = gitRepositoryOfCopies();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'pipe' });
    for (const branch of ['ann', 'bo']) {
      git('checkout', '-q', branch);
      writeFileSync(path.join(root, 'study', 'big.md'), bigText);
      writeFileSync(path.join(root, 'study', 'huge.md'), `---\nid: huge\n---\n${'x'.repeat(DEFAULT_MAX_BYTES)}\n`);
      git('add', 'study');
      git('commit', '-q', '-m', 'big');
    }
    git('checkout', '-q', 'base');
    writeFileSync(path.join(root, 'big-on-disk.md'), bigText);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('skips a file from git over the limit with the warning a file on disk gets, and compares the rest', async () => {
    const limit = 1024;
    assert.ok(Buffer.byteLength(bigText) > limit);
    const outcome = await compareCopies('ann', 'bo', { cwd: root, maxBytes: limit, paths: ['study/big.md', 'study/int01.md', 'study/sub', 'study/int02.md'] });
    if (!outcome.ok) assert.fail(outcome.message);
    const fromDisk = await readTranscriptFile(path.join(root, 'big-on-disk.md'), 'study/big.md', limit);
    assert.equal(fromDisk.ok, false);
    for (const copy of [outcome.first, outcome.second]) {
      assert.deepEqual(copy.sources.map((source) => source.id).sort(), ['int01', 'int02']);
      assert.deepEqual(copy.diagnostics, fromDisk.diagnostics);
    }
    assert.deepEqual(comparable(figures(outcome.merged.sources)), comparable(oneFileFigures()));
  });

  it('reads every file of a ref up to the default limit of 10 MiB and skips the larger ones', async () => {
    const outcome = await compareCopies('ann', 'bo', { cwd: root });
    if (!outcome.ok) assert.fail(outcome.message);
    assert.deepEqual(outcome.first.sources.map((source) => source.id).sort(), ['big', 'int01', 'int02']);
    assert.deepEqual(outcome.first.diagnostics.map((d) => `${d.path} ${d.severity} ${d.ruleId}`), ['study/huge.md warning file-too-large']);
  });

  it('prints on stderr the files of a ref it skipped, naming the ref', async () => {
    const { code, stderr } = await runCliInProcess(['agreement', '--compare', 'ann', 'bo', '--format', 'json'], root);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^study\/huge\.md:1:1: warning: skipped: the file is 10\.0 MiB, over the limit of 10\.0 MiB \(git ref 'ann'\) \[file-too-large\]$/m);
    assert.match(stderr, /\(git ref 'bo'\) \[file-too-large\]$/m);
  });
});
