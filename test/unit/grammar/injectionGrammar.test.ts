import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const grammarPath = join(root, 'syntaxes', 'markdown-qda.injection.tmLanguage.json');
const requireHere = createRequire(__filename);

/** Every scope name the grammar gives, from `name`, `contentName` and captures. */
function scopeNames(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) scopeNames(item, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'name' || key === 'contentName') && typeof value === 'string') found.push(...value.split(/\s+/));
      else scopeNames(value, found);
    }
  }
  return found;
}

describe('the TextMate injection grammar', () => {
  it('is registered in package.json as an injection into Markdown', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const grammar = JSON.parse(readFileSync(grammarPath, 'utf8'));
    const entry = manifest.contributes.grammars.find((item: { path: string }) => join(root, item.path) === grammarPath);
    assert.ok(entry, 'package.json contributes.grammars lists the injection grammar');
    assert.equal(entry.scopeName, grammar.scopeName);
    assert.deepEqual(entry.injectTo, ['text.html.markdown']);
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown /);
  });

  it('gives only scopes ending in .markdown-qda', () => {
    const grammar = JSON.parse(readFileSync(grammarPath, 'utf8'));
    const names = scopeNames(grammar.repository);
    assert.ok(names.length > 20);
    assert.deepEqual(names.filter((name) => !name.endsWith('.markdown-qda')), []);
  });

  it('passes the grammar test files of test/grammar against the Markdown base grammar', function () {
    this.timeout(60_000);
    const files = readdirSync(join(root, 'test', 'grammar')).filter((name) => name.endsWith('.test.md'));
    assert.ok(files.length >= 2, 'test/grammar holds the grammar test files');
    const tool = join(dirname(requireHere.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
    const markdownGrammar = requireHere.resolve('tm-grammars/grammars/markdown.json');
    // The tool reads contributes.grammars from package.json in its working directory: the injection as shipped.
    const run = spawnSync(process.execPath, [tool, '--compact', '-g', markdownGrammar, 'test/grammar/*.test.md'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, `grammar tests failed:\n${run.stdout}\n${run.stderr}`);
    for (const file of files) assert.match(run.stdout, new RegExp(`✓ test/grammar/${file.replace(/\./g, '\\.')} run successfuly`));
  });
});
