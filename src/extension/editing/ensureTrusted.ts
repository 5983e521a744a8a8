import * as vscode from 'vscode';

/**
 * Whether the extension may write: true in a trusted workspace. In an untrusted one it says why
 * nothing was written and offers to manage workspace trust; resolves to false.
 */
export async function ensureTrusted(): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  const answer = await vscode.window.showWarningMessage(
    'Markdown QDA only reads in an untrusted workspace: trust this workspace to code, uncode or change the codebook.',
    manage,
  );
  if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
