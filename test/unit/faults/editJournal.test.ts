import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashOf, type Journal } from '../../../src/node/editJournal';
import { mdqda } from './inProcess';

/** The id of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid as number;
}

describe('recovering an interrupted multi-file edit', () => {
  let folder: string;
  const OLD = 'we met :code[them]{.T1}\n';
  const NEW = 'we met :code[them]{.T9}\n';
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-journal-'));
    fs.writeFileSync(path.join(folder, 'p1.md'), OLD);
    fs.writeFileSync(path.join(folder, 'p2.md'), OLD);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));
  const read = (name: string) => fs.readFileSync(path.join(folder, name), 'utf8');

  /** Leaves what a process killed in the middle of renaming T1 to T9 in p1.md and p2.md leaves. */
  function leaveJournal(pid: number, state: Journal['state']): void {
    const files = ['p1.md', 'p2.md'].map((name, index) => ({ target: name, temporary: `.${name}.${pid}.${index}.mdqda.tmp`, oldHash: hashOf(OLD), newHash: hashOf(NEW) }));
    for (const entry of files) fs.writeFileSync(path.join(folder, entry.temporary), NEW);
    fs.mkdirSync(path.join(folder, '.mdqda', 'journal'), { recursive: true });
    const journal: Journal = { version: 1, pid, host: os.hostname(), state, files };
    fs.writeFileSync(path.join(folder, '.mdqda', 'journal', `edit-${pid}-1.json`), JSON.stringify(journal));
  }

  it('rolls back an edit killed before it replaced any file, says so, and leaves no file behind', async () => {
    leaveJournal(deadPid(), 'prepared');
    const result = await mdqda(['lint', '.'], folder);
    assert.match(result.stderr, /interrupted before it replaced any file: rolled back/);
    assert.deepEqual([read('p1.md'), read('p2.md')], [OLD, OLD]);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['p1.md', 'p2.md']);
  });

  it('finishes an edit killed while replacing files, from a subfolder too, and says so', async () => {
    const pid = deadPid();
    leaveJournal(pid, 'committed');
    fs.renameSync(path.join(folder, `.p1.md.${pid}.0.mdqda.tmp`), path.join(folder, 'p1.md'));
    fs.mkdirSync(path.join(folder, 'sub'));
    const result = await mdqda(['lint', '.'], path.join(folder, 'sub'));
    assert.match(result.stderr, /an edit of 2 files by process \d+ was interrupted: finished it \(1 replaced now, 1 done before\)/);
    assert.deepEqual([read('p1.md'), read('p2.md')], [NEW, NEW]);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['p1.md', 'p2.md', 'sub']);
  });

  it('leaves a file changed since the interrupted edit as it is, and names it', async () => {
    leaveJournal(deadPid(), 'committed');
    fs.writeFileSync(path.join(folder, 'p2.md'), 'someone else wrote this\n');
    const result = await mdqda(['lint', '.'], folder);
    assert.match(result.stderr, /p2\.md: changed since the interrupted edit, left as it is/);
    assert.deepEqual([read('p1.md'), read('p2.md')], [NEW, 'someone else wrote this\n']);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['p1.md', 'p2.md']);
  });

  it('leaves the journal of a running process alone', async () => {
    leaveJournal(process.pid, 'committed');
    await mdqda(['lint', '.'], folder);
    assert.deepEqual([read('p1.md'), read('p2.md')], [OLD, OLD]);
    assert.ok(fs.existsSync(path.join(folder, '.mdqda', 'journal')));
  });

  it('removes the temporary files and the lock a dead process left, and keeps those of live ones', async () => {
    const pid = deadPid();
    fs.writeFileSync(path.join(folder, `.p1.md.${pid}.3.mdqda.tmp`), 'half');
    fs.writeFileSync(path.join(folder, `.p2.md.${process.pid}.3.mdqda.tmp`), 'busy');
    fs.writeFileSync(path.join(folder, '.mdqda.lock'), `${pid} ${os.hostname()}\n`);
    const result = await mdqda(['lint', '.'], folder);
    assert.match(result.stderr, /removed what killed runs left behind/);
    assert.deepEqual(fs.readdirSync(folder).sort(), [`.p2.md.${process.pid}.3.mdqda.tmp`, 'p1.md', 'p2.md']);
  });

  it('removes the lock and lock draft a process killed while taking its locks left in the folders it was editing', async () => {
    const pid = deadPid();
    fs.mkdirSync(path.join(folder, 'sub'));
    fs.renameSync(path.join(folder, 'p2.md'), path.join(folder, 'sub', 'p2.md'));
    const files = ['p1.md', 'sub/p2.md'].map((name, index) => ({ target: name, temporary: path.join(path.dirname(name), `.${path.basename(name)}.${pid}.${index}.mdqda.tmp`), oldHash: hashOf(OLD), newHash: hashOf(NEW) }));
    fs.mkdirSync(path.join(folder, '.mdqda', 'journal'), { recursive: true });
    fs.writeFileSync(path.join(folder, '.mdqda', 'journal', `edit-${pid}-1.json`), JSON.stringify({ version: 1, pid, host: os.hostname(), state: 'prepared', files }));
    fs.writeFileSync(path.join(folder, '.mdqda.lock'), `${pid} ${os.hostname()}\n`);
    fs.writeFileSync(path.join(folder, 'sub', `..mdqda.lock.${pid}.7.mdqda.tmp`), `${pid} ${os.hostname()}\n`);
    const result = await mdqda(['lint', '.'], folder);
    assert.match(result.stderr, /rolled back/);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['p1.md', 'sub']);
    assert.deepEqual(fs.readdirSync(path.join(folder, 'sub')), ['p2.md']);
  });
});
