import * as vscode from 'vscode';
import { commandIds } from './commandIds';
import { readCoder, settingsSection } from './readSettings';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Creates the status-bar item that shows the coder identity and the number of excerpts, kept up
 * to date as the index and the settings change; clicking it sets the coder. Dispose the returned
 * disposable to remove the item and its listeners.
 */
export function createStatusBar(index: WorkspaceIndex): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('markdownQda.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Markdown QDA';
  item.command = commandIds.setCoder;
  const update = () => {
    const coder = readCoder();
    const count = index.excerptCount;
    item.text = `$(tag) ${coder ?? 'no coder'} · ${count} ${count === 1 ? 'excerpt' : 'excerpts'}`;
    item.tooltip = coder
      ? `Markdown QDA: coding as ${coder}; ${count} coded excerpts in this workspace. Click to change the coder.`
      : 'Markdown QDA: no coder set. Click to set your coder identity.';
  };
  update();
  item.show();
  const disposable = vscode.Disposable.from(
    item,
    index.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${settingsSection}.coder`)) update();
    }),
  );
  return { item, disposable };
}
