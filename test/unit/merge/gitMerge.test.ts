import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt, repoRoot, runCli } from '../cli/runCli';
import { gitRepository } from './gitRepository';

const cli = path.join(repoRoot, 'dist', 'cli.js');

const codebook = ['codes:', '  - id: T1', '    name: "Meaning"', '  - id: M3', '    name: "Money"', '  - id: F2', '    name: "Funding"', 'history:', '  - { action: added, to: [T1] }', ''].join('\n');
const addCode = (id: string) =>
  codebook.replace('history:', `  - id: ${id}\n    name: "Added by ${id}"\nhistory:`) + `  - { action: added, to: [${id}] }\n`;

const transcript = [
  '---',
  'id: iv-03',
  '---',
  '',
  '## Start',
  '',
  '**P1:** We met the residents in the hall and talked for hours about the rent and the repairs.',
  '',
].join('\n');

describe('two coders’ branches merged by git with the mdqda driver (the built CLI)', function () {
  this.timeout(60_000);
  let repo: string;
  let git: (...args: string[]) => string;
  const mdqda = (...args: string[]) => runCli(args, { cwd: repo });
  const excerpts = () => {
    const result = mdqda('excerpts', '.', '--format', 'json');
    assert.equal(result.code, 0, result.stderr);
    return (JSON.parse(result.stdout) as { coder: string; codes: string[]; start: number; end: number; text: string }[])
      .map((excerpt) => `${excerpt.coder} ${excerpt.codes.join(',')} ${excerpt.start}-${excerpt.end} ${excerpt.text}`)
      .sort();
  };

  before(() => ensureBuilt());
  beforeEach(() => {
    ({ root: repo, git } = gitRepository({ 'iv-03.md': transcript, 'codebook.yaml': codebook }));
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('git setup writes the attributes and the driver once, and --dry-run writes nothing', () => {
    const dry = mdqda('git', 'setup', '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /\*\.md merge=mdqda/);
    assert.equal(fs.existsSync(path.join(repo, '.gitattributes')), false);
    for (let run = 0; run < 2; run++) assert.equal(mdqda('git', 'setup').code, 0);
    assert.equal(fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8'), '*.md merge=mdqda\n*.markdown merge=mdqda\ncodebook.yaml merge=mdqda\n');
    const driver = git('config', 'merge.mdqda.driver').trim();
    assert.ok(driver.includes(cli) && driver.endsWith(' merge-file %O %A %B --path %P'), driver);
  });

  it('merges overlapping codings of one paragraph by two coders, and the codes both added to the codebook, without a conflict', () => {
    assert.equal(mdqda('git', 'setup', '--command', `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`).code, 0);
    git('add', '.gitattributes');
    git('commit', '-q', '-m', 'merge driver');
    const plainBefore = mdqda('plain', 'iv-03.md').stdout;
    assert.ok(plainBefore.includes('talked for hours'));
    git('checkout', '-q', '-b', 'coding-rk');
    let coded = mdqda('code', 'iv-03.md', '--range', '7:12-7:41', '--codes', 'T1', '--by', 'rk');
    assert.equal(coded.code, 0, coded.stderr);
    fs.writeFileSync(path.join(repo, 'codebook.yaml'), addCode('RK1'));
    git('commit', '-q', '-am', 'rk codes');
    const rk = excerpts();
    git('checkout', '-q', 'main');
    git('checkout', '-q', '-b', 'coding-pg');
    coded = mdqda('code', 'iv-03.md', '--range', '7:30-7:67', '--codes', 'M3', '--by', 'pg');
    assert.equal(coded.code, 0, coded.stderr);
    fs.writeFileSync(path.join(repo, 'codebook.yaml'), addCode('PG1'));
    git('commit', '-q', '-am', 'pg codes');
    const pg = excerpts();
    git('checkout', '-q', 'coding-rk');

    const merge = spawnSync('git', ['merge', '-q', '--no-edit', 'coding-pg'], { cwd: repo, encoding: 'utf8' });
    assert.equal(merge.status, 0, merge.stdout + merge.stderr);
    const merged = fs.readFileSync(path.join(repo, 'iv-03.md'), 'utf8');
    assert.doesNotMatch(merged, /^(<<<<<<<|=======|>>>>>>>)/m);
    assert.deepEqual(excerpts(), [...rk, ...pg].sort());
    assert.equal(mdqda('plain', 'iv-03.md').stdout, plainBefore);
    assert.equal(
      fs.readFileSync(path.join(repo, 'codebook.yaml'), 'utf8'),
      addCode('RK1').replace('history:', '  - id: PG1\n    name: "Added by PG1"\nhistory:') + '  - { action: added, to: [PG1] }\n',
    );
  });

  it('merges a codebook both coders edited, one code on both sides, field by field with both sides’ history entries in order', () => {
    assert.equal(mdqda('git', 'setup', '--command', `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`).code, 0);
    git('add', '.gitattributes');
    git('commit', '-q', '-m', 'merge driver');
    const edit = (change: (text: string) => string) => fs.writeFileSync(path.join(repo, 'codebook.yaml'), change(fs.readFileSync(path.join(repo, 'codebook.yaml'), 'utf8')));
    git('checkout', '-q', '-b', 'coding-rk');
    edit((text) => text.replace('    name: "Meaning"\n', '    name: "Meaning of co-production"\n    history:\n      - { action: rename, note: rk }\n') + '  - { action: rename, to: [T1] }\n');
    git('commit', '-q', '-am', 'rk renames T1');
    git('checkout', '-q', 'main');
    git('checkout', '-q', '-b', 'coding-pg');
    edit((text) => text.replace('    name: "Meaning"\n', '    name: "Meaning"\n    description: "What it means to them."\n    history:\n      - { action: describe, note: pg }\n').replace('    name: "Funding"\n', '    name: "Funding"\n    color: "#1f77b4"\n') + '  - { action: describe, to: [T1] }\n');
    git('commit', '-q', '-am', 'pg describes T1');
    git('checkout', '-q', 'coding-rk');

    const merge = spawnSync('git', ['merge', '-q', '--no-edit', 'coding-pg'], { cwd: repo, encoding: 'utf8' });
    assert.equal(merge.status, 0, merge.stdout + merge.stderr);
    assert.equal(
      fs.readFileSync(path.join(repo, 'codebook.yaml'), 'utf8'),
      [
        'codes:',
        '  - id: T1',
        '    name: "Meaning of co-production"',
        '    history:',
        '      - { action: rename, note: rk }',
        '      - { action: describe, note: pg }',
        '    description: "What it means to them."',
        '  - id: M3',
        '    name: "Money"',
        '  - id: F2',
        '    name: "Funding"',
        '    color: "#1f77b4"',
        'history:',
        '  - { action: added, to: [T1] }',
        '  - { action: rename, to: [T1] }',
        '  - { action: describe, to: [T1] }',
        '',
      ].join('\n'),
    );
    assert.equal(git('status', '--porcelain'), '');
  });
});
