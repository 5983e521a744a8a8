import * as vscode from 'vscode';
import { readCoder, settingsSection } from '../readSettings';

/** What a coder name may contain: it is written unquoted as `by=NAME` in the markup. */
const coderPattern = /^[A-Za-z0-9_.@-]+$/;

/**
 * Command handler: sets the coder identity (user setting `markdownQda.coder`).
 * With `name` it stores it directly (for scripts and tests); without, it asks in an input box.
 * Resolves to the stored name, or undefined when the user cancelled or the name was invalid.
 */
export async function setCoder(name?: unknown): Promise<string | undefined> {
  let coder: string | undefined;
  if (typeof name === 'string') {
    coder = name.trim();
  } else {
    coder = await vscode.window.showInputBox({
      title: 'Markdown QDA: coder identity',
      prompt: 'Your initials or short name, written as by=… on every excerpt you code',
      value: readCoder() ?? '',
      validateInput: (value) => (coderPattern.test(value.trim()) ? undefined : 'Letters, digits, _ . @ - only'),
    });
    coder = coder?.trim();
  }
  if (coder === undefined || !coderPattern.test(coder)) {
    if (typeof name === 'string') void vscode.window.showErrorMessage(`Not a valid coder name: '${name}'`);
    return undefined;
  }
  await vscode.workspace.getConfiguration(settingsSection).update('coder', coder, vscode.ConfigurationTarget.Global);
  return coder;
}
