import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../workspaceIndex';
import { codersOf, type CompareSelection } from './compareSelection';
import { readConsensusCoder } from './consensusCoder';

/** Optional arguments of `markdownQda.compareCoders` (scripts and tests skip the prompts with them). */
export type CompareCodersArgs = { coders: string[] } | { compare: string };

interface ModeItem extends vscode.QuickPickItem {
  mode: 'coders' | 'folder' | 'git';
}

/**
 * Asks what to compare: coders of this workspace (from `by=`, the consensus coder left out,
 * all picked at first), this workspace and another folder, or this workspace and a git ref of
 * its repository. Resolves to undefined when cancelled.
 */
export async function pickComparison(index: WorkspaceIndex): Promise<CompareSelection | undefined> {
  const mode = await vscode.window.showQuickPick<ModeItem>(
    [
      { mode: 'coders', label: '$(person) Coders of this workspace', description: 'by= in the transcripts' },
      { mode: 'folder', label: '$(folder) This workspace and another folder…', description: 'a copy coded by someone else' },
      { mode: 'git', label: '$(git-branch) This workspace and a git ref…', description: 'a branch, tag or commit of this repository' },
    ],
    { title: 'Markdown QDA: compare coders', placeHolder: 'What to compare' },
  );
  if (!mode) return undefined;
  if (mode.mode === 'folder') {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: 'The other copy of the transcripts' });
    return picked?.[0] ? { kind: 'copies', other: picked[0].fsPath } : undefined;
  }
  if (mode.mode === 'git') {
    const ref = await vscode.window.showInputBox({
      title: 'Markdown QDA: compare with a git ref',
      prompt: 'Branch, tag or commit of this repository (read without checking it out)',
      placeHolder: 'e.g. coding/rk, main, HEAD~1',
      validateInput: (value) => (value.trim() === '' || value.trim().startsWith('-') ? 'Give a branch, tag or commit' : undefined),
    });
    return ref ? { kind: 'copies', other: ref.trim() } : undefined;
  }
  const workspace = index.current ?? (await index.reload());
  const coders = codersOf(workspace, readConsensusCoder());
  if (coders.length < 2) {
    void vscode.window.showErrorMessage(`Markdown QDA: comparing needs two coders with by= codings; found ${coders.length === 0 ? 'none' : `only ${coders[0]}`}.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    coders.map((coder) => ({ label: coder, picked: true })),
    { title: 'Markdown QDA: compare coders', placeHolder: 'Coders to compare (two or more)', canPickMany: true },
  );
  if (!picked) return undefined;
  if (picked.length < 2) {
    void vscode.window.showErrorMessage('Markdown QDA: choose at least two coders to compare.');
    return undefined;
  }
  return { kind: 'coders', coders: picked.map((item) => item.label) };
}

/** Makes the handler of `markdownQda.compareCoders`: asks what to compare (unless given) and opens the comparison. */
export function compareCoders(index: WorkspaceIndex, show: (selection: CompareSelection) => Promise<unknown>): (args?: CompareCodersArgs) => Promise<boolean> {
  return async (args) => {
    const selection: CompareSelection | undefined = args && 'coders' in args && Array.isArray(args.coders)
      ? { kind: 'coders', coders: args.coders }
      : args && 'compare' in args && typeof args.compare === 'string'
        ? { kind: 'copies', other: args.compare }
        : await pickComparison(index);
    if (!selection) return false;
    await show(selection);
    return true;
  };
}
