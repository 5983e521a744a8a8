import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { ExcerptTreeNode } from '../../../src/extension/views/excerptTreeProvider';
import { getExtension, workspaceFolder } from './helpers';

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** `label: description` of each top-level node of the Coded Excerpts tree. */
function roots(api: MarkdownQdaApi): string[] {
  return api.excerptTree.getChildren().map((node: ExcerptTreeNode) => {
    const item = api.excerptTree.getTreeItem(node);
    return `${labelOf(item)}: ${String(item.description)}`;
  });
}

describe('excerpt tree groupings and filters', () => {
  let api: MarkdownQdaApi;

  before(async () => {
    api = await getExtension().activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand(commandIds.clearExcerptFilter);
    await vscode.commands.executeCommand(commandIds.groupExcerpts, 'code');
  });

  it('groups by source: each transcript with its excerpts in file order, codes in the description', async () => {
    assert.equal(await vscode.commands.executeCommand(commandIds.groupExcerpts, 'source'), 'source');
    assert.deepEqual(roots(api), ['lead-01: 3', 'lead-02: 1']);
    const [first] = api.excerptTree.getChildren();
    const excerpts = api.excerptTree.getChildren(first).map((node) => api.excerptTree.getTreeItem(node));
    assert.deepEqual(excerpts.map((item) => item.description), ['T2 M3 · P1 · by pg', 'T1 T1a · P1 · by pg', 'T1a · P1 · by rk']);
    assert.equal(api.excerptView.description, 'by source');
  });

  it('groups by coder, then source, then excerpt, and can reveal an excerpt under its coder', async () => {
    await vscode.commands.executeCommand(commandIds.groupExcerpts, 'coder');
    assert.deepEqual(roots(api), ['pg: 2', 'rk: 2']);
    const [, rk] = api.excerptTree.getChildren();
    const sources = api.excerptTree.getChildren(rk);
    assert.deepEqual(sources.map((node) => labelOf(api.excerptTree.getTreeItem(node))), ['lead-01', 'lead-02']);
    const [excerpt] = api.excerptTree.getChildren(sources[1]);
    assert.equal(labelOf(api.excerptTree.getTreeItem(excerpt)), 'the university sets the questions');
    assert.equal(api.excerptTree.getParent(excerpt)?.kind, 'source');
    assert.equal(api.excerptTree.getParent(sources[1])?.kind, 'coder');
  });

  it('filters by coder and by group, and says so in the view description', async () => {
    await vscode.commands.executeCommand(commandIds.filterExcerpts, { coder: 'rk' });
    const t2 = api.excerptTree.getChildren().find((node) => node.kind === 'code' && node.group.id === 'T2');
    assert.ok(t2);
    assert.equal(api.excerptTree.getTreeItem(t2).description, '1');
    assert.equal(api.excerptView.description, 'by code · coder rk');
    await vscode.commands.executeCommand(commandIds.filterExcerpts, { coder: null, group: 'mechanisms' });
    assert.deepEqual(roots(api), ['M3 Shared decision making: 1', 'M9 Unused mechanism: 0']);
    assert.equal(api.excerptView.description, 'by code · group mechanisms');
    await vscode.commands.executeCommand(commandIds.groupExcerpts, 'source');
    assert.deepEqual(roots(api), ['lead-01: 1']);
  });
});

describe('codebook view', () => {
  let api: MarkdownQdaApi;

  before(async () => {
    api = await getExtension().activate();
  });

  it('lists the codes in hierarchy with their counts and flags the unused ones', () => {
    const describe = (nodes: { id: string }[]) => nodes.map((node) => `${labelOf(api.codebookTree.getTreeItem(node as never))}: ${String(api.codebookTree.getTreeItem(node as never).description)}`);
    const top = api.codebookTree.getChildren();
    assert.deepEqual(describe(top), [
      'T1 Meaning of co-production: 1 (2)',
      'T2 Whose knowledge counts: 2',
      'M3 Shared decision making: 1',
      'M9 Unused mechanism: 0 · unused',
    ]);
    assert.deepEqual(describe(api.codebookTree.getChildren(top[0])), ['T1a Imposed by the funder: 2']);
  });

  it('flags a code used in a transcript but missing from the codebook, and refreshes with the index', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'interviews', 'unknown-code.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('**P5:** :code[a new idea]{.X7 by=pg} here.\n'));
    try {
      await api.index.reload();
      const unknown = api.codebookTree.getChildren().find((node) => node.id === 'X7');
      assert.ok(unknown);
      const item = api.codebookTree.getTreeItem(unknown);
      assert.equal(item.description, '1 · not in the codebook');
      assert.equal(item.contextValue, 'unknownCode');
    } finally {
      await vscode.workspace.fs.delete(uri);
      await api.index.reload();
    }
    assert.equal(api.codebookTree.getChildren().some((node) => node.id === 'X7'), false);
  });
});
