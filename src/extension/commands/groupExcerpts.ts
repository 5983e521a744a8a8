import * as vscode from 'vscode';
import { type ExcerptGrouping, type ExcerptTreeNode, type ExcerptTreeProvider, excerptGroupings } from '../views/excerptTreeProvider';

/** Context key the view title menu reads to show the current grouping; also the workspace-state key that remembers it. */
export const groupingContextKey = 'markdownQda.excerptGrouping';

const labels: Record<ExcerptGrouping, string> = { code: 'By code', source: 'By source', coder: 'By coder' };

/**
 * Makes the handler of `markdownQda.groupExcerpts`: regroups the Coded Excerpts tree by code,
 * source or coder (`grouping` given, or asked for in a quick pick) and shows it in the view
 * description; remembered for the workspace in `state`. Resolves to the grouping in force.
 */
export function groupExcerpts(tree: ExcerptTreeProvider, view: vscode.TreeView<ExcerptTreeNode>, state: vscode.Memento): (grouping?: unknown) => Promise<ExcerptGrouping> {
  return async (grouping) => {
    let wanted = excerptGroupings.find((candidate) => candidate === grouping);
    if (!wanted) {
      const picked = await vscode.window.showQuickPick(
        excerptGroupings.map((value) => ({ label: labels[value], value, description: value === tree.grouping ? 'current' : undefined })),
        { title: 'Markdown QDA: group the coded excerpts', placeHolder: 'Group the tree by…' },
      );
      wanted = picked?.value;
    }
    if (wanted) {
      tree.setGrouping(wanted);
      view.description = tree.description;
      await vscode.commands.executeCommand('setContext', groupingContextKey, wanted);
      await state.update(groupingContextKey, wanted);
    }
    return tree.grouping;
  };
}
