import * as vscode from 'vscode';
import type { MemoGrouping } from '../../core/index/groupMemos';
import type { BlindMode } from '../blindMode';
import { commandIds, memosViewId } from '../commandIds';
import type { WorkspaceIndex } from '../workspaceIndex';
import { copyExcerptQuote, editMemoOfRow, openExcerptRow, uncodeExcerptRow } from './excerptActions';
import { MemoTreeProvider, type MemoTreeNode } from './memoTreeProvider';

/** What retrieval adds to the extension's API: the Memos view. */
export interface RetrievalFeatures {
  memoTree: MemoTreeProvider;
  memoView: vscode.TreeView<MemoTreeNode>;
}

const memoGroupings: readonly MemoGrouping[] = ['code', 'source'];

/**
 * Wires retrieval: the actions of excerpt rows (open, uncode, edit memo, copy as quote) and the
 * Memos view with its grouping command. Every disposable goes into `context.subscriptions`.
 */
export function registerRetrieval(context: vscode.ExtensionContext, deps: { index: WorkspaceIndex; blind: BlindMode }): RetrievalFeatures {
  const { index, blind } = deps;
  const memoTree = new MemoTreeProvider(index, blind);
  const memoView = vscode.window.createTreeView(memosViewId, { treeDataProvider: memoTree, showCollapseAll: true });
  const describe = () => {
    memoView.description = `by ${memoTree.grouping}`;
    memoView.message = memoTree.memoCount === 0 ? 'No memos yet: add one with "Edit Memo…" on an excerpt, or memo="…" in its markup.' : undefined;
  };
  describe();
  const register = vscode.commands.registerCommand;
  context.subscriptions.push(
    memoTree,
    memoView,
    memoTree.onDidChangeTreeData(describe),
    register(commandIds.openExcerptRow, openExcerptRow(index)),
    register(commandIds.uncodeExcerptRow, uncodeExcerptRow(index)),
    register(commandIds.editMemoOfRow, editMemoOfRow(index)),
    register(commandIds.copyExcerptQuote, copyExcerptQuote),
    register(commandIds.groupMemos, async (grouping?: unknown): Promise<MemoGrouping> => {
      // Given a grouping, use it; from the view's title button, switch to the other one.
      const wanted = memoGroupings.find((candidate) => candidate === grouping) ?? (memoTree.grouping === 'code' ? 'source' : 'code');
      memoTree.setGrouping(wanted);
      return memoTree.grouping;
    }),
  );
  return { memoTree, memoView };
}
