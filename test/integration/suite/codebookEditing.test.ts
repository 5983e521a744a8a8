import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { CodebookChangeOutcome } from '../../../src/extension/editing/codebookChangeEdit';
import { getExtension } from './helpers';
import { readText, writeText } from './editorHelpers';

const DATE = String.raw`\d{4}-\d{2}-\d{2}`;

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

describe('codebook view: editing codes', () => {
  let api: MarkdownQdaApi;
  let original: string;

  before(async () => {
    api = await getExtension().activate();
    original = await readText('codebook.yaml');
  });

  after(async () => {
    await writeText('codebook.yaml', original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.index.reload();
  });

  it('writes the name, description and colour as exact YAML edits with history', async () => {
    const name = await vscode.commands.executeCommand<CodebookChangeOutcome>(commandIds.editCode, { id: 'T2', field: 'name', value: 'Whose expertise counts' });
    assert.ok(name?.ok, JSON.stringify(name));
    const description = await vscode.commands.executeCommand<CodebookChangeOutcome>(commandIds.editCode, { id: 'T1a', field: 'description', value: 'Done because a funder asked: "co-produce".' });
    assert.ok(description?.ok, JSON.stringify(description));
    const colour = await vscode.commands.executeCommand<CodebookChangeOutcome>(commandIds.editCode, { id: 'M3', field: 'color', value: '#2ca02c' });
    assert.ok(colour?.ok, JSON.stringify(colour));
    const written = await readText('codebook.yaml');
    const expected = original
      .replace('    name: Whose knowledge counts\n', '    name: "Whose expertise counts"\n')
      .replace('        description: Co-production done because a funder or commissioner asked for it.\n', '        description: "Done because a funder asked: \\"co-produce\\"."\n')
      .replace('  - id: M3\n', '  - id: M3\n    color: "#2ca02c"\n');
    assert.equal(written.slice(0, expected.length), expected);
    assert.match(
      written.slice(expected.length),
      new RegExp(
        `^history:\\n  - \\{ action: describe, from: \\[\\], to: \\[T2\\], date: ${DATE}, note: "name: Whose expertise counts" \\}\\n` +
          `  - \\{ action: describe, from: \\[\\], to: \\[T1a\\], date: ${DATE}, note: "description changed" \\}\\n` +
          `  - \\{ action: recolour, from: \\[\\], to: \\[M3\\], date: ${DATE}, note: "color: #2ca02c" \\}\\n$`,
      ),
    );
    const codes = api.index.current?.codebook.codes;
    assert.equal(codes?.get('T2')?.name, 'Whose expertise counts');
    assert.equal(codes?.get('M3')?.color, '#2ca02c');
    const item = api.codebookTree.getTreeItem({ kind: 'code', id: 'T2' });
    assert.equal(labelOf(item), 'T2 Whose expertise counts');
  });

  it('refuses a colour that is not #rrggbb and changes nothing', async () => {
    const before = await readText('codebook.yaml');
    const outcome = await vscode.commands.executeCommand<CodebookChangeOutcome>(commandIds.editCode, { id: 'T2', field: 'color', value: 'crimson' });
    assert.equal(outcome?.ok, false);
    assert.equal(await readText('codebook.yaml'), before);
  });

  it('adds a child code under a code, recorded as add', async () => {
    const before = await readText('codebook.yaml');
    const id = await vscode.commands.executeCommand<string>(commandIds.addCode, { id: 'T2a', name: 'Peer researchers', parent: 'T2' });
    assert.equal(id, 'T2a');
    const written = await readText('codebook.yaml');
    const [codes, history] = before.split('history:\n');
    assert.equal(written, `${codes}  - { id: T2a, name: "Peer researchers", parent: T2 }\nhistory:\n${history}${written.slice(written.lastIndexOf('  - { action: add'))}`);
    assert.match(written, new RegExp(`  - \\{ action: add, from: \\[\\], to: \\[T2a\\], date: ${DATE} \\}\\n$`));
    const t2 = api.codebookTree.getChildren().find((node) => node.id === 'T2');
    assert.ok(t2);
    assert.deepEqual(api.codebookTree.getChildren(t2).map((node) => node.id), ['T2a']);
  });

  it('deletes an unused code, recorded as drop, and refuses to delete a code excerpts use', async () => {
    const used = await vscode.commands.executeCommand<CodebookChangeOutcome>(commandIds.deleteCode, { id: 'T2' });
    assert.equal(used?.ok, false);
    assert.match(used.ok ? '' : used.error, /excerpts? in \d+ transcripts? uses? it/);
    assert.ok((await readText('codebook.yaml')).includes('  - id: T2\n'));

    const node = api.codebookTree.getChildren().find((candidate) => candidate.id === 'M9');
    assert.ok(node);
    const outcome = await vscode.commands.executeCommand<CodebookChangeOutcome>(commandIds.deleteCode, node);
    assert.ok(outcome?.ok, JSON.stringify(outcome));
    const written = await readText('codebook.yaml');
    assert.ok(!written.includes('id: M9'), written);
    assert.ok(!written.includes('Unused mechanism'), written);
    assert.match(written, new RegExp(`  - \\{ action: drop, from: \\[M9\\], to: \\[\\], date: ${DATE} \\}\\n$`));
    assert.equal(api.codebookTree.getChildren().some((candidate) => candidate.id === 'M9'), false);
  });
});
