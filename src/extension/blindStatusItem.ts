import type * as vscode from 'vscode';
import type { BlindMode } from './blindMode';
import { commandIds } from './commandIds';
import { createModeStatusItem } from './modeStatusItem';

/**
 * A status-bar item shown while "Show Only My Codings" is on, saying so (with the coder);
 * clicking it turns the mode off. Dispose the returned disposable to remove it and its listener.
 */
export function createBlindStatusItem(blind: BlindMode): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  return createModeStatusItem({
    id: 'markdownQda.onlyMyCodings',
    name: 'Markdown QDA: Only My Codings',
    priority: 9,
    command: { command: commandIds.toggleOnlyMyCodings, title: 'Show All Codings', arguments: [false] },
    events: [blind.onDidChange],
    render: () => {
      if (!blind.on) return undefined;
      const coder = blind.coder;
      return {
        text: `$(eye-closed) only ${coder ? `${coder}'s` : 'my'} codings`,
        tooltip: coder
          ? `Markdown QDA: showing only the codings by ${coder}; the other coders' codings are hidden. Click to show every coding.`
          : 'Markdown QDA: Show Only My Codings is on, but no coder is set, so every coding shows. Click to turn it off.',
      };
    },
  });
}
