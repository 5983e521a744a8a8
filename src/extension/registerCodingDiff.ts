import * as vscode from 'vscode';
import { codingChangesViewId, commandIds } from './commandIds';
import { compareCodingWithBranch } from './commands/compareCodingWithBranch';
import { CodingDiffTreeProvider, type CodingDiffNode } from './views/codingDiffTreeProvider';

/** The Coding Changes view and its tree, for the extension's API. */
export interface CodingDiffFeature {
  codingDiffTree: CodingDiffTreeProvider;
  codingDiffView: vscode.TreeView<CodingDiffNode>;
}

/** Wires "Compare Coding with Branch…" and the Coding Changes view it fills; disposables go into `context.subscriptions`. */
export function registerCodingDiff(context: vscode.ExtensionContext): CodingDiffFeature {
  const codingDiffTree = new CodingDiffTreeProvider();
  const codingDiffView = vscode.window.createTreeView(codingChangesViewId, { treeDataProvider: codingDiffTree });
  context.subscriptions.push(codingDiffTree, codingDiffView, vscode.commands.registerCommand(commandIds.compareCodingWithBranch, compareCodingWithBranch(codingDiffTree, codingDiffView)));
  return { codingDiffTree, codingDiffView };
}
