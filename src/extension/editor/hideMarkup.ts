import * as vscode from 'vscode';
import { commandIds } from '../commandIds';
import { createModeStatusItem } from '../modeStatusItem';
import { RememberedToggle } from '../rememberedToggle';

/** Workspace-state key that remembers whether "Hide Markup" is on. */
export const hideMarkupKey = 'markdownQda.hideMarkup';

/**
 * "Hide Markup": while on, the decorations fold the markup of every coding (`:code[`, `]{…}`,
 * container fences) out of sight, except on the lines with a cursor or selection, so a coded
 * transcript reads as plain text. The text itself never changes.
 */
export function createHideMarkup(state: vscode.Memento): RememberedToggle {
  return new RememberedToggle(state, hideMarkupKey);
}

/**
 * Registers the command that turns Hide Markup on or off (`true` / `false` sets it, anything else
 * toggles; resolves to whether it is on) and its status-bar item, shown while a Markdown editor is
 * active, which toggles it when clicked. Returns the item.
 */
export function registerHideMarkup(context: vscode.ExtensionContext, mode: RememberedToggle): vscode.StatusBarItem {
  const status = createModeStatusItem({
    id: 'markdownQda.hideMarkup',
    name: 'Markdown QDA: Hide Markup',
    priority: 8,
    command: { command: commandIds.toggleHideMarkup, title: 'Toggle Hide Markup' },
    events: [mode.onDidChange, vscode.window.onDidChangeActiveTextEditor],
    render: () => {
      if (vscode.window.activeTextEditor?.document.languageId !== 'markdown') return undefined;
      return mode.on
        ? { text: '$(eye-closed) markup hidden', tooltip: 'Markdown QDA: the markup of codings is folded out of sight except on the cursor line. Click to show it.' }
        : { text: '$(eye) markup', tooltip: 'Markdown QDA: Hide Markup — fold the markup of codings out of sight for reading. Click to hide it.' };
    },
  });
  context.subscriptions.push(
    mode,
    status.disposable,
    vscode.commands.registerCommand(commandIds.toggleHideMarkup, async (on?: unknown) => {
      await mode.set(typeof on === 'boolean' ? on : !mode.on);
      return mode.on;
    }),
  );
  return status.item;
}
