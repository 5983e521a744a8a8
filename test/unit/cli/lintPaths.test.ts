import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { runCliInProcess } from './runCliInProcess';
import { formatDiagnostic } from '../../../src/cli/commands/lint';
import { displayPath } from '../../../src/cli/displayPath';

const cli = runCliInProcess;

/** One lint line: a plain path without `:` or `"`, or a JSON string; then line, column, severity, message, rule. */
const LINT_LINE = /^(?:"(?:[^"\\]|\\.)*"|(?:[A-Za-z]:[\\/])?[^":\n][^:\n]*|[A-Za-z]:[\\/]):(\d+):(\d+): (error|warning|info): [^\n]* \[[\w-]+\]$/;

/** The path of a lint line, unquoted. */
function pathOf(line: string): string {
  const quoted = /^"(?:[^"\\]|\\.)*"/.exec(line);
  if (quoted) return JSON.parse(quoted[0]) as string;
  const drive = /^[A-Za-z]:[\\/]/.test(line) ? 2 : 0;
  return line.slice(0, line.indexOf(':', drive));
}

describe('file names in lint lines', () => {
  let folder: string;
  const names = ['plain name.md', 'a.md\nb.md:1:1: error: forged line [fake-rule]\nc.md', 'x.md:9:9: error: forged.md', '"quoted.md', 'tab\there.md', 'nel\u0085line.md'];
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mdqda-names-'));
    for (const name of names) fs.writeFileSync(path.join(folder, name), ':::code{.T1}\nnever closed\n');
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints one line per problem whatever the file names hold, and no forged line', async () => {
    const json = JSON.parse((await cli(['lint', '.', '--format', 'json', '--no-cache'], folder)).stdout) as { path: string }[];
    const result = await cli(['lint', '.', '--no-cache'], folder);
    assert.equal(result.code, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, json.length);
    for (const line of lines) assert.match(line, LINT_LINE);
    assert.deepEqual(lines.map(pathOf), json.map((diagnostic) => diagnostic.path));
    assert.ok(!lines.some((line) => line.startsWith('b.md:1:1:')));
    assert.deepEqual(new Set(json.map((diagnostic) => diagnostic.path)), new Set(names));
  });

  it('keeps a one-line error message on one line when the path it names holds a line break', async () => {
    const result = await cli(['plain', 'missing\nmdqda plain: forged.md'], folder);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.split('\n').length, 2, result.stderr);
    assert.match(result.stderr, /^mdqda plain: missing\\nmdqda plain: forged\.md: /);
  });

  it('prints a path as it is unless it holds a colon, a control character or a line separator, or starts with a quote', () => {
    assert.equal(displayPath('study/int 01.md'), 'study/int 01.md');
    assert.equal(displayPath('C:\\study\\int01.md'), 'C:\\study\\int01.md');
    assert.equal(displayPath('x.md:1:1: error: y'), '"x.md:1:1: error: y"');
    assert.equal(displayPath('a\nb.md'), '"a\\nb.md"');
    assert.equal(displayPath('"q.md'), '"\\"q.md"');
    assert.equal(displayPath('l\u2028s.md'), '"l\\u2028s.md"');
  });

  it('keeps every diagnostic on one line and its path readable back, for any path and message', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary' }), (file, message) => {
        const line = formatDiagnostic({ path: file, line: 3, column: 7, severity: 'warning', message, ruleId: 'some-rule' });
        assert.doesNotMatch(line, /[\n\r\u0085\u2028\u2029]/);
        assert.match(line, LINT_LINE);
        assert.equal(pathOf(line), file);
      }),
    );
  });
});
