import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import type { WalkthroughProgress } from '../walkthroughProgress';
import type { WorkspaceIndex } from '../workspaceIndex';
import { compareCoders, pickComparison } from './compareCoders';
import { ComparePanel, compareViewType } from './comparePanel';

/** Wires the Coder Comparison panel and `markdownQda.compareCoders`; returns the panel (for the API). */
export function registerCompareCoders(context: vscode.ExtensionContext, index: WorkspaceIndex, walkthrough: WalkthroughProgress): ComparePanel {
  const panel = new ComparePanel(context.extensionUri, index, () => pickComparison(index));
  context.subscriptions.push(
    panel,
    vscode.commands.registerCommand(commandIds.compareCoders, walkthrough.after('compare', compareCoders(index, (selection) => panel.show(selection)))),
    // After a window reload VS Code gives the panel back; it compares again what it compared.
    vscode.window.registerWebviewPanelSerializer(compareViewType, { deserializeWebviewPanel: async (restored, state) => panel.restore(restored, state) }),
  );
  return panel;
}
