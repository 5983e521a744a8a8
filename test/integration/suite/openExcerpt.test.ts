import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { ExcerptTreeNode } from '../../../src/extension/views/excerptTreeProvider';
import { getExtension } from './helpers';

/** Every excerpt node of the tree, depth first. */
function excerptNodes(api: MarkdownQdaApi, nodes = api.excerptTree.getChildren()): Extract<ExcerptTreeNode, { kind: 'excerpt' }>[] {
  return nodes.flatMap((node) => (node.kind === 'excerpt' ? [node] : excerptNodes(api, api.excerptTree.getChildren(node))));
}

/** Runs the command a tree item runs when it is selected; resolves to the active editor. */
async function select(api: MarkdownQdaApi, node: ExcerptTreeNode): Promise<vscode.TextEditor> {
  const command = api.excerptTree.getTreeItem(node).command;
  assert.ok(command, 'an excerpt item has a command');
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is active');
  return editor;
}

describe('selecting an excerpt', () => {
  let api: MarkdownQdaApi;

  before(async () => {
    api = await getExtension().activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the transcript and selects the coded span after an emoji (UTF-16 offsets)', async () => {
    const node = excerptNodes(api).find((candidate) => candidate.codeId === 'T2' && candidate.source.id === 'lead-01');
    assert.ok(node);
    const editor = await select(api, node);
    assert.match(editor.document.uri.path, /interviews\/lead-01\.md$/);
    assert.equal(editor.document.getText(editor.selection), ':code[academics often see themselves as the experts]{.T2 .M3 by=pg}');
    assert.equal(editor.selection.start.line + 1, node.excerpt.line);
  });

  it('selects a container excerpt from its opening fence to its closing fence', async () => {
    const node = excerptNodes(api).find((candidate) => candidate.codeId === 'T1');
    assert.ok(node);
    const editor = await select(api, node);
    const selected = editor.document.getText(editor.selection);
    assert.match(selected, /^:::code\{\.T1 \.T1a by=pg memo="the funder set the terms"\}\n/);
    assert.match(selected, /\n:::$/);
    assert.ok(selected.includes(node.excerpt.text), 'the selection holds the excerpt text');
  });

  it('selects, for every excerpt in the tree, a span of the file holding its text', async () => {
    const nodes = excerptNodes(api);
    assert.equal(nodes.length, 6, "T1, T1a twice, T2 twice, M3");
    for (const node of nodes) {
      const editor = await select(api, node);
      const selected = editor.document.getText(editor.selection);
      assert.ok(selected.includes(node.excerpt.text), `${node.source.id} line ${node.excerpt.line}: ${JSON.stringify(selected)}`);
    }
  });

  it('shows an error and opens nothing when given something that is not an excerpt', async () => {
    const result = await vscode.commands.executeCommand(commandIds.openExcerpt, { start: 1 });
    assert.equal(result, undefined);
    assert.equal(vscode.window.activeTextEditor, undefined);
  });
});
