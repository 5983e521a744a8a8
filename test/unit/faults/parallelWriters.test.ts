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

  const runs = faultRuns(10, 100);
  it(`never loses a coding when two code commands edit one file at once (${runs} runs)`, async () => {
    const folder = path.join(base, 'ws');
    const file = path.join(folder, 'p1.md');
    const original = 'alpha beta gamma\n\ndelta epsilon zeta\n';
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
    }
  });
});
