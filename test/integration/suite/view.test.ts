import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { commandIds, viewContainerId } from '../../../src/extension/commandIds';
import type { ExcerptTreeNode } from '../../../src/extension/views/excerptTreeProvider';
import { getExtension, requestScreenshot, waitFor } from './helpers';

describe('sidebar', () => {
  it('shows the Coded Excerpts view when its activity-bar container is opened', async () => {
    const api = await getExtension().activate();
    await vscode.commands.executeCommand(`workbench.view.extension.${viewContainerId}`);
    await waitFor(() => api.excerptView.visible);
    assert.equal(api.excerptView.visible, true);
  });

  it('reveals and selects an excerpt in the view, under its code and source', async () => {
    const api = await getExtension().activate();
    const [t2] = api.excerptTree.getChildren().filter((node) => node.kind === 'code' && node.group.id === 'T2');
    assert.ok(t2);
    const [source] = api.excerptTree.getChildren(t2);
    const [excerpt] = api.excerptTree.getChildren(source);
    const parents: ExcerptTreeNode[] = [];
    for (let node = api.excerptTree.getParent(excerpt); node; node = api.excerptTree.getParent(node)) parents.push(node);
    assert.deepEqual(parents.map((node) => node.kind), ['source', 'code']);
    await api.excerptView.reveal(excerpt, { select: true, focus: true, expand: true });
    await waitFor(() => api.excerptView.selection.length === 1);
    assert.equal(api.excerptView.selection[0].kind, 'excerpt');
    const command = api.excerptTree.getTreeItem(excerpt).command;
    assert.ok(command);
    await vscode.commands.executeCommand(commandIds.openExcerpt, ...(command.arguments ?? []));
    // Leaves the workbench as a user would see it; the runner saves a screenshot of it.
    await requestScreenshot();
  });
});
