import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import type { WorkspaceIndex } from '../workspaceIndex';
import { compareCoders, pickComparison } from './compareCoders';
import { ComparePanel } from './comparePanel';

/** Wires the Coder Comparison panel and `markdownQda.compareCoders`; returns the panel (for the API). */
export function registerCompareCoders(context: vscode.ExtensionContext, index: WorkspaceIndex): ComparePanel {
  const panel = new ComparePanel(context.extensionUri, index, () => pickComparison(index));
  context.subscriptions.push(panel, vscode.commands.registerCommand(commandIds.compareCoders, compareCoders(index, (selection) => panel.show(selection))));
  return panel;
}
