import * as vscode from 'vscode';
import type { BlindMode } from './blindMode';
import { commandIds } from './commandIds';
import { readCoder, settingsSection } from './readSettings';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Creates the status-bar item that shows the coder identity and the number of excerpts, kept up
 * to date as the index and the settings change; clicking it sets the coder. While "Show Only My
 * Codings" is on, it counts only the coder's own excerpts. Dispose the returned disposable to
 * remove the item and its listeners.
 */
export function createStatusBar(index: WorkspaceIndex, blind: BlindMode): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('markdownQda.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Markdown QDA';
  item.command = commandIds.setCoder;
  const update = () => {
    const coder = readCoder();
    const current = index.current;
    const hiding = blind.coder !== undefined && current !== undefined;
    const count = hiding ? blind.workspace(current).sources.reduce((total, source) => total + source.excerpts.length, 0) : index.excerptCount;
    item.text = `$(tag) ${coder ?? 'no coder'} · ${count} ${count === 1 ? 'excerpt' : 'excerpts'}`;
    item.tooltip = coder
      ? `Markdown QDA: coding as ${coder}; ${count} ${hiding ? 'excerpts of your own' : 'coded excerpts'} in this workspace. Click to change the coder.`
      : 'Markdown QDA: no coder set. Click to set your coder identity.';
  };
  update();
  item.show();
  const disposable = vscode.Disposable.from(
    item,
    index.onDidChange(update),
    blind.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${settingsSection}.coder`)) update();
    }),
  );
  return { item, disposable };
}
