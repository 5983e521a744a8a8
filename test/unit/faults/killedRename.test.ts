import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { faultRuns, startCli } from './spawnCli';

const FILES = 300;
const CODEBOOK = 'codes:\n  - id: T1\n    name: "Trust"\n';

/** Every file under a folder (hidden ones too) with its content, by relative path. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else files.set(child, fs.readFileSync(path.join(folder, child), 'utf8'));
    }
  };
  walk('.');
  return files;
}

/** A workspace of small transcripts that all use T1, in two folders, with a codebook. */
function makeWorkspace(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(path.join(folder, 'more'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'codebook.yaml'), CODEBOOK);
  for (let index = 0; index < FILES; index++) {
    const name = path.join(index % 3 === 0 ? 'more' : '.', `p${index}.md`);
    fs.writeFileSync(path.join(folder, name), `**P${index}:** we met :code[the council]{.T1 by=pg} on day ${index}.\n`);
  }
}

function describeDifference(actual: Map<string, string>, expected: Map<string, string>): string {
  const extra = [...actual.keys()].filter((name) => !expected.has(name));
  const differing = [...expected.keys()].filter((name) => actual.get(name) !== expected.get(name));
  return `extra files: ${extra.slice(0, 5).join(', ')}; differing: ${differing.slice(0, 5).join(', ')} (${differing.length})`;
}

describe('a rename killed at a random point (the built CLI, SIGKILL)', function () {
  this.timeout(900_000);
  let base: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-killed-'));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const runs = faultRuns(4, 50);
  it(`leaves the workspace fully old or fully new after the next command, with no temporary files (${runs} kill points)`, async () => {
    const folder = path.join(base, 'ws');
    const rename = ['rename', 'T1', 'T9', '--date', '2026-01-01', '--no-cache'];
    makeWorkspace(folder);
    const old = snapshot(folder);
    const started = Date.now();
    const whole = await startCli(rename, folder).done;
    const duration = Date.now() - started;
    assert.equal(whole.code, 0, whole.stderr);
    const renamed = snapshot(folder);
    assert.notDeepEqual(renamed, old);
    const outcomes = { old: 0, new: 0, rolledBack: 0, finished: 0 };
    for (let run = 0; run < runs; run++) {
      makeWorkspace(folder);
      const killed = startCli(rename, folder);
      let exited = false;
      void killed.done.then(() => (exited = true));
      // Most of a run is starting and reading: every other kill point falls after the journal appears, while it writes.
      const started = Date.now();
      if (run % 2 === 1) while (!exited && !fs.existsSync(path.join(folder, '.mdqda', 'journal'))) await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, (Math.random() * duration) / (run % 2 === 1 ? 4 : 1)));
      const delay = Date.now() - started;
      killed.child.kill('SIGKILL');
      await killed.done;
      const next = await startCli(['lint', '.', '--no-cache'], folder).done;
      if (/rolled back/.test(next.stderr)) outcomes.rolledBack++;
      if (/finished it/.test(next.stderr)) outcomes.finished++;
      const after = snapshot(folder);
      const isOld = describeDifference(after, old) === describeDifference(old, old);
      const isNew = describeDifference(after, renamed) === describeDifference(renamed, renamed);
      assert.ok(isOld || isNew, `run ${run} (killed after ${delay.toFixed(0)} ms): neither old (${describeDifference(after, old)}) nor new (${describeDifference(after, renamed)})\n${next.stderr.slice(0, 2000)}`);
      outcomes[isOld ? 'old' : 'new']++;
    }
    // Printed so that a long run shows how the kill points fell.
    console.log(`      ${runs} kill points: ${outcomes.old} old, ${outcomes.new} new; the next command rolled back ${outcomes.rolledBack} and finished ${outcomes.finished} interrupted edits`);
  });
});
