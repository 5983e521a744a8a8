import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { faultRuns, startCli } from './spawnCli';

/** Plain text of a transcript: the markup this test writes taken out. */
function plainOf(text: string): string {
  return text.replace(/:code\[([^\]]*)\]\{[^}]*\}/g, '$1');
}

describe('two writers at once (the built CLI in parallel child processes)', function () {
  this.timeout(600_000);
  let base: string;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-writers-'));
    fs.mkdirSync(path.join(base, 'ws'));
  });
  afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

  const runs = faultRuns(6, 100);
  it(`never loses a coding when two code commands edit one file at once (${runs} runs)`, async () => {
    const folder = path.join(base, 'ws');
    const file = path.join(folder, 'p1.md');
    const original = 'alpha beta gamma\n\ndelta epsilon zeta\n';
    const outcomes = { bothWritten: 0, redone: 0, refused: 0 };
    for (let run = 0; run < runs; run++) {
      fs.writeFileSync(file, original);
      const first = startCli(['code', 'p1.md', '--plain', '0-5', '--codes', 'A1'], folder);
      const second = startCli(['code', 'p1.md', '--plain', '18-23', '--codes', 'B1'], folder);
      const [a, b] = await Promise.all([first.done, second.done]);
      const text = fs.readFileSync(file, 'utf8');
      assert.equal(plainOf(text), original, `run ${run}: the plain text changed:\n${text}`);
      for (const [result, markup] of [
        [a, ':code[alpha]{.A1}'],
        [b, ':code[delta]{.B1}'],
      ] as const) {
        if (result.code === 0) assert.ok(text.includes(markup), `run ${run}: exit 0 but ${markup} is missing:\n${text}\n${result.stderr}`);
        else assert.match(result.stderr, /\S/, `run ${run}: exit ${result.code} without a message`);
      }
      assert.deepEqual(fs.readdirSync(folder).filter((name) => name !== 'p1.md'), [], `run ${run}: files left beside the transcript`);
      if (a.code === 0 && b.code === 0) outcomes.bothWritten++;
      outcomes.refused += [a, b].filter((result) => result.code !== 0).length;
      outcomes.redone += [a, b].filter((result) => /made again on the newer text/.test(result.stderr)).length;
    }
    // Printed so that a long run shows how often the writers met.
    console.log(`      ${runs} runs: both written in ${outcomes.bothWritten}, ${outcomes.redone} codings made again on the other's text, ${outcomes.refused} refused`);
  });

  const saves = faultRuns(2, 30);
  it(`never loses a line an editor saves while rename rewrites the workspace (${saves} saves)`, async () => {
    const folder = path.join(base, 'ws');
    const names = Array.from({ length: 300 }, (_, index) => `p${index}.md`);
    const original = (index: number) => `**P${index}:** we met :code[the council]{.T1} on day ${index}.\n`;
    let duration = 0;
    for (let run = 0; run < saves; run++) {
      fs.writeFileSync(path.join(folder, 'codebook.yaml'), 'codes:\n  - id: T1\n    name: "Trust"\n');
      names.forEach((name, index) => fs.writeFileSync(path.join(folder, name), original(index)));
      const started = Date.now();
      const rename = startCli(['rename', 'T1', 'T9', '--no-cache'], folder);
      const chosen = Math.floor(Math.random() * names.length);
      let exited = false;
      void rename.done.then(() => (exited = true));
      // Half of the saves fall at a random moment, half just as the rename starts writing (its first temporary file).
      if (run % 2 === 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * (duration || 1000)));
      else while (!exited && !fs.readdirSync(folder).some((name) => name.endsWith('.mdqda.tmp'))) await new Promise((resolve) => setImmediate(resolve));
      // What an editor does on save: the whole buffer written in place.
      fs.writeFileSync(path.join(folder, names[chosen]), original(chosen) + '\nThe line the editor saved.\n');
      const result = await rename.done;
      duration = Date.now() - started;
      const text = fs.readFileSync(path.join(folder, names[chosen]), 'utf8');
      assert.match(text, /The line the editor saved\./, `run ${run}: the saved line is gone (exit ${result.code}):\n${text}\n${result.stderr}`);
      assert.ok(result.code === 0 || /\S/.test(result.stderr), `run ${run}: exit ${result.code} without a message`);
    }
  });
});
