import * as vscode from 'vscode';
import { countOf } from '../../core/render/countOf';
import { codingDiffOfCopies, gitTopLevel } from '../../node/codingDiffOfCopies';
import { gitRun } from '../../node/gitRun';
import { codingChangesViewId } from '../commandIds';
import type { CodingDiffNode, CodingDiffShown, CodingDiffTreeProvider } from '../views/codingDiffTreeProvider';

/** The branches, tags and remote branches of the repository at `root`, local branches first. */
async function refsOf(root: string): Promise<vscode.QuickPickItem[]> {
  const listing = await gitRun(['for-each-ref', '--format=%(refname)', 'refs/heads', 'refs/remotes', 'refs/tags'], root);
  if (listing.code !== 0) return [];
  const kinds: [string, string][] = [['refs/heads/', 'branch'], ['refs/remotes/', 'remote branch'], ['refs/tags/', 'tag']];
  return listing.stdout
    .toString()
    .split('\n')
    .filter((name) => name && !name.endsWith('/HEAD'))
    .map((name) => {
      const [prefix, kind] = kinds.find(([start]) => name.startsWith(start)) ?? ['', ''];
      return { label: name.slice(prefix.length), description: kind };
    });
}

/**
 * Command handler: asks for a git ref of the workspace's repository (a quick
 * pick of its branches and tags; `{ ref }` skips it), reads that ref and the
 * working tree (saved files) and shows the coding diff in the Coding Changes
 * view. Resolves to what the view shows, or undefined when cancelled or when
 * the workspace is not in a git repository or the ref cannot be read (a
 * message says which).
 */
export function compareCodingWithBranch(tree: CodingDiffTreeProvider, view: vscode.TreeView<CodingDiffNode>) {
  return async (options?: { ref?: string }): Promise<CodingDiffShown | undefined> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const root = folder && (await gitTopLevel(folder.uri.fsPath));
    if (!folder || !root) {
      void vscode.window.showErrorMessage('Markdown QDA: the workspace is not in a git repository, so there is no branch to compare with.');
      return undefined;
    }
    let ref = typeof options?.ref === 'string' ? options.ref : undefined;
    if (ref === undefined) {
      const picked = await vscode.window.showQuickPick(refsOf(root), { title: 'Markdown QDA: compare coding with branch', placeHolder: 'The branch or tag to compare the working tree’s codings with' });
      if (!picked) return undefined;
      ref = picked.label;
    }
    const outcome = await codingDiffOfCopies(ref, root, { cwd: root });
    if (!outcome.ok) {
      void vscode.window.showErrorMessage(`Markdown QDA: ${outcome.message}`);
      return undefined;
    }
    const shown: CodingDiffShown = { ref, root: vscode.Uri.file(root), diffs: outcome.diffs, after: outcome.after };
    tree.show(shown);
    const changes = outcome.diffs.reduce((sum, diff) => sum + diff.changes.length, 0);
    view.description = `${ref} → working tree`;
    view.message = outcome.diffs.length === 0 ? `No coding or plain-text changes since ${ref}.` : `${countOf(changes, 'coding change')} in ${countOf(outcome.diffs.length, 'transcript')} since ${ref}.`;
    await vscode.commands.executeCommand(`${codingChangesViewId}.focus`);
    return shown;
  };
}
