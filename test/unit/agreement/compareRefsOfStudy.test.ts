import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from '../cli/runCliInProcess';
import { computeAgreement } from '../../../src/core/analysis/agreement/computeAgreement';
import type { AgreementReport } from '../../../src/core/analysis/agreement/agreementReport';
import type { Excerpt, Source } from '../../../src/core/model';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { temporaryFolder } from './studyFixture';

const EXAMPLE = path.resolve(__dirname, '../../../examples/coproduction-study');

const cli = runCliInProcess;

/** rk's re-coding: in each of rk's attribute blocks, T4b becomes T4a and M5 becomes M6. */
function recodeRk(text: string): string {
  return text.replace(/\{[^{}\n]*\bby=rk\b[^{}\n]*\}/g, (block) =>
    block.replace(/\.T4b(?![\w-])/g, '.T4a').replace(/\.M5(?![\w-])/g, '.M6'),
  );
}

/** Parses the Markdown files of a folder as the sources of one copy. */
function parseFolder(folder: string): Source[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => parseTranscript(readFileSync(path.join(folder, name), 'utf8'), { path: name }));
}

/** The two copies as one set of sources, each coder renamed `coder@copy`, computed without mergeCopies. */
function directlyCombined(first: Source[], second: Source[], labels: [string, string]): Source[] {
  const relabel = (excerpt: Excerpt, label: string): Excerpt => ({ ...excerpt, coder: `${excerpt.coder}@${label}` });
  return first.map((source) => {
    const other = second.find((candidate) => candidate.id === source.id)!;
    assert.equal(other.plainText, source.plainText);
    return {
      ...source,
      coders: [...source.coders.map((coder) => `${coder}@${labels[0]}`), ...other.coders.map((coder) => `${coder}@${labels[1]}`)],
      excerpts: [
        ...source.excerpts.map((excerpt) => relabel(excerpt, labels[0])),
        ...other.excerpts.map((excerpt) => relabel(excerpt, labels[1])),
      ],
    };
  });
}

function comparable(report: AgreementReport) {
  return {
    coders: report.coders,
    codes: report.codes,
    overall: report.overall,
    compared: report.compared,
    disagreements: report.disagreements.map(({ path: _path, ...rest }) => rest),
  };
}

describe('mdqda agreement --compare of two git refs of the example study', function () {
  this.timeout(60_000);
  let root: string;
  let first: Source[];
  let second: Source[];

  before(() => {
    root = temporaryFolder();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
        cwd: root,
        stdio: 'pipe',
      });
    git('init', '-q', '-b', 'main');
    const study = path.join(root, 'study');
    mkdirSync(study);
    for (const name of readdirSync(EXAMPLE)) copyFileSync(path.join(EXAMPLE, name), path.join(study, name));
    git('add', '.');
    git('commit', '-q', '-m', 'both coders');
    first = parseFolder(study);
    git('checkout', '-q', '-b', 'coding/rk');
    for (const name of readdirSync(study).filter((file) => file.endsWith('.md'))) {
      const file = path.join(study, name);
      writeFileSync(file, recodeRk(readFileSync(file, 'utf8')));
    }
    git('commit', '-q', '-am', 'rk re-coded');
    second = parseFolder(study);
    git('checkout', '-q', 'main');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('names each coder after their copy and never pools one coder of both copies', async () => {
    assert.notDeepEqual(
      second.flatMap((source) => source.excerpts.filter((e) => e.coder === 'rk').map((e) => e.codes.join())),
      first.flatMap((source) => source.excerpts.filter((e) => e.coder === 'rk').map((e) => e.codes.join())),
      'the fixture must change some of rk\'s codings',
    );
    const result = await cli(['agreement', '--compare', 'main,coding/rk', 'study', '--format', 'json'], root);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.coders, ['pg@coding/rk', 'pg@main', 'rk@coding/rk', 'rk@main']);
    assert.equal(report.copies.reliability, 'intra- and inter-coder');
    assert.deepEqual(report.copies.sameCoder.map((same: { coder: string }) => same.coder), ['pg', 'rk']);
    const alone = computeAgreement(first, { coders: ['pg', 'rk'] });
    assert.ok(alone.ok);
    for (const [code, figures] of Object.entries(alone.report.codes)) {
      assert.equal(report.codes[code]?.coded['rk@main'] ?? 0, figures.coded.rk, `rk@main's units of ${code} are rk's units in main alone`);
    }
  });

  it('gives the figures computed directly from the two copies\' excerpts', async () => {
    const coders = ['rk@main', 'rk@coding/rk'];
    const result = await cli(['agreement', '--compare', 'main,coding/rk', 'study', '--coders', coders.join(','), '--format', 'json'], root);
    assert.equal(result.code, 0, result.stderr);
    const expected = computeAgreement(directlyCombined(first, second, ['main', 'coding/rk']), { coders });
    if (!expected.ok) assert.fail(expected.message);
    assert.ok(expected.report.overall.kappa !== null && expected.report.overall.kappa < 1);
    assert.deepEqual(comparable(JSON.parse(result.stdout)), comparable(JSON.parse(JSON.stringify(expected.report))));
  });

  it('says that one coder compared with themselves across copies is intra-coder (test–retest) reliability', async () => {
    const argv = ['agreement', '--compare', 'main,coding/rk', 'study', '--coders', 'rk@main,rk@coding/rk'];
    const json = JSON.parse((await cli([...argv, '--format', 'json'], root)).stdout);
    assert.equal(json.copies.reliability, 'intra-coder');
    assert.deepEqual(json.copies.sameCoder, [{ coder: 'rk', names: ['rk@main', 'rk@coding/rk'] }]);
    const markdown = (await cli(argv, root)).stdout;
    assert.match(markdown, /intra-coder \(test–retest\) reliability/);
    const between = JSON.parse((await cli(['agreement', '--compare', 'main,coding/rk', 'study', '--coders', 'pg@main,rk@coding/rk', '--format', 'json'], root)).stdout);
    assert.equal(between.copies.reliability, 'inter-coder');
    assert.doesNotMatch((await cli(['agreement', '--compare', 'main,coding/rk', 'study', '--coders', 'pg@main,rk@coding/rk'], root)).stdout, /intra-coder/);
  });

  it('names the coders of each copy in the CSV columns', async () => {
    const result = await cli(['agreement', '--compare', 'main,coding/rk', 'study', '--coders', 'rk@main,rk@coding/rk', '--format', 'csv'], root);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout.split('\r\n')[0]!, /,coded:rk@main,coded:rk@coding\/rk,/);
  });

  it('refuses a bare coder name in --coders and lists the names of the copies', async () => {
    const result = await cli(['agreement', '--compare', 'main,coding/rk', 'study', '--coders', 'rk,pg'], root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown coder 'rk'.*rk@main/);
  });
});

describe('mdqda agreement --compare of two folders with the same name', () => {
  it('tells the copies apart by the folders as given', async () => {
    const root = temporaryFolder();
    try {
      for (const folder of ['a/study', 'b/study']) {
        mkdirSync(path.join(root, folder), { recursive: true });
        writeFileSync(path.join(root, folder, 'x.md'), '---\nid: x\n---\nSome :code[text]{.T1 by=ann} here.\n');
      }
      writeFileSync(path.join(root, 'b/study/x.md'), '---\nid: x\n---\nSome :code[text here]{.T1 by=ann}.\n');
      const result = await cli(['agreement', '--compare', 'a/study', 'b/study', '--format', 'json'], root);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout).coders, ['ann@a/study', 'ann@b/study']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
