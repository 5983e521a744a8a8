import * as vscode from 'vscode';
import type { BlindMode } from './blindMode';
import { commandIds } from './commandIds';

/**
 * A status-bar item shown while "Show Only My Codings" is on, saying so (with the coder);
 * clicking it turns the mode off. Dispose the returned disposable to remove it and its listener.
 */
export function createBlindStatusItem(blind: BlindMode): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('markdownQda.onlyMyCodings', vscode.StatusBarAlignment.Left, 9);
  item.name = 'Markdown QDA: Only My Codings';
  item.command = { command: commandIds.toggleOnlyMyCodings, title: 'Show All Codings', arguments: [false] };
  const update = () => {
    if (!blind.on) {
      item.hide();
      return;
    }
    const coder = blind.coder;
    item.text = `$(eye-closed) only ${coder ? `${coder}'s` : 'my'} codings`;
    item.tooltip = coder
      ? `Markdown QDA: showing only the codings by ${coder}; the other coders' codings are hidden. Click to show every coding.`
      : 'Markdown QDA: Show Only My Codings is on, but no coder is set, so every coding shows. Click to turn it off.';
    item.show();
  };
  update();
  return { item, disposable: vscode.Disposable.from(item, blind.onDidChange(update)) };
}
