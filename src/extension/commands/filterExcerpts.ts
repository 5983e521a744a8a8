import * as vscode from 'vscode';
import { codersOf, groupsOf, type ExcerptFilter } from '../../core/index/groupExcerpts';
import type { ExcerptTreeNode, ExcerptTreeProvider } from '../views/excerptTreeProvider';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Context key that tells the view title menu a filter is on (to show "Clear Filters"). */
export const filteredContextKey = 'markdownQda.excerptsFiltered';

/** Arguments of `markdownQda.filterExcerpts`: `null` clears that filter, an absent field keeps it. */
export interface FilterArgs {
  coder?: string | null;
  group?: string | null;
}

/**
 * Makes the handler of `markdownQda.filterExcerpts`: narrows the Coded Excerpts tree to one
 * coder and/or one code group (given, or asked for in quick picks of the coders and groups of the
 * workspace, "All" clearing it), shown in the view description. Resolves to the filter in force.
 */
export function filterExcerpts(index: WorkspaceIndex, tree: ExcerptTreeProvider, view: vscode.TreeView<ExcerptTreeNode>): (args?: FilterArgs) => Promise<ExcerptFilter> {
  return async (args) => {
    const filter = tree.filter;
    if (args && typeof args === 'object') {
      if (args.coder !== undefined) filter.coder = args.coder ?? undefined;
      if (args.group !== undefined) filter.group = args.group ?? undefined;
    } else {
      const workspace = index.current ?? (await index.reload());
      const all = '$(clear-all) All';
      const coder = await vscode.window.showQuickPick([all, ...codersOf(workspace.sources), '(no coder)'], {
        title: 'Markdown QDA: filter excerpts (1/2)',
        placeHolder: `Show the excerpts of which coder? (now: ${filter.coder ?? 'all'})`,
      });
      if (coder === undefined) return tree.filter;
      const group = await vscode.window.showQuickPick([all, ...groupsOf(workspace.codebook)], {
        title: 'Markdown QDA: filter excerpts (2/2)',
        placeHolder: `Show the excerpts of which code group? (now: ${filter.group ?? 'all'})`,
      });
      if (group === undefined) return tree.filter;
      filter.coder = coder === all ? undefined : coder === '(no coder)' ? '' : coder;
      filter.group = group === all ? undefined : group;
    }
    tree.setFilter(filter);
    view.description = tree.description;
    await vscode.commands.executeCommand('setContext', filteredContextKey, filter.coder !== undefined || filter.group !== undefined);
    return tree.filter;
  };
}
