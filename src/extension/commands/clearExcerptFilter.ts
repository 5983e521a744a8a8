import * as vscode from 'vscode';
import type { ExcerptTreeNode, ExcerptTreeProvider } from '../views/excerptTreeProvider';
import { filteredContextKey } from './filterExcerpts';

/** Makes the handler of `markdownQda.clearExcerptFilter`: shows every excerpt again. */
export function clearExcerptFilter(tree: ExcerptTreeProvider, view: vscode.TreeView<ExcerptTreeNode>): () => Promise<void> {
  return async () => {
    tree.setFilter({});
    view.description = tree.description;
    await vscode.commands.executeCommand('setContext', filteredContextKey, false);
  };
}
