import * as vscode from 'vscode';

/**
 * A mode of the editor that is on or off, remembered in the workspace state under `key`, with an
 * event when it changes: the base of "Show Only My Codings" and "Hide Markup".
 */
export class RememberedToggle implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();

  /** Fires when the mode is turned on or off (and when a subclass says what it shows changed). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento, private readonly key: string) {}

  /** Whether the mode is on. */
  get on(): boolean {
    return this.state.get<boolean>(this.key, false);
  }

  /** Turns the mode on or off (remembered in the workspace state); fires when that changes it. */
  async set(on: boolean): Promise<void> {
    if (on === this.on) return;
    await this.state.update(this.key, on);
    this.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  protected fire(): void {
    this.changed.fire();
  }
}
