import type * as vscode from 'vscode';
import type { ExcerptTreeNode, ExcerptTreeProvider } from './views/excerptTreeProvider';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * What `activate` returns (the extension's exports): the live index, the tree data provider and
 * its tree view and the status-bar item, for other extensions and for the integration tests.
 */
export interface MarkdownQdaApi {
  index: WorkspaceIndex;
  excerptTree: ExcerptTreeProvider;
  excerptView: vscode.TreeView<ExcerptTreeNode>;
  statusBar: vscode.StatusBarItem;
}
