import * as vscode from 'vscode';

/** What a mode's status-bar item shows; undefined hides it. */
export interface ModeStatus {
  text: string;
  tooltip: string;
}

/** How to make a mode's status-bar item ({@link createModeStatusItem}). */
export interface ModeStatusItemOptions {
  id: string;
  name: string;
  priority: number;
  command: vscode.Command;
  /** What to show now, or undefined to hide the item. */
  render: () => ModeStatus | undefined;
  /** Events after which `render` is asked again. */
  events: readonly vscode.Event<unknown>[];
}

/**
 * A status-bar item on the left that shows the state of an editor mode ("Show Only My Codings",
 * "Hide Markup") and runs `command` when clicked. Dispose the returned disposable to remove it
 * and its listeners.
 */
export function createModeStatusItem(options: ModeStatusItemOptions): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem(options.id, vscode.StatusBarAlignment.Left, options.priority);
  item.name = options.name;
  item.command = options.command;
  const update = () => {
    const status = options.render();
    if (!status) {
      item.hide();
      return;
    }
    item.text = status.text;
    item.tooltip = status.tooltip;
    item.show();
  };
  update();
  return { item, disposable: vscode.Disposable.from(item, ...options.events.map((event) => event(update))) };
}
