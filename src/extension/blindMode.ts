import * as vscode from 'vscode';
import { ownCodingsOf } from '../core/index/ownCodings';
import type { Source } from '../core/model/source';
import type { Workspace } from '../node/loadWorkspace';
import { readCoder, settingsSection } from './readSettings';

/** Workspace-state key that remembers whether "Show Only My Codings" is on. */
export const onlyMyCodingsKey = 'markdownQda.onlyMyCodings';

/**
 * The "Show Only My Codings" mode shared by the decorations, the hover, the completions and the
 * views: while on, each of them shows a source through {@link BlindMode.source}, which hides the
 * codings whose `by=` is not the `markdownQda.coder` setting (core `ownCodingsOf`). Remembered
 * in the workspace state; fires {@link onDidChange} when turned on or off and when the coder
 * changes while on. On with no coder set, nothing is hidden.
 */
export class BlindMode implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  /** The source each original source is shown as, for the coder `seenAs` (same object when unchanged). */
  private seen = new WeakMap<Source, Source>();
  private seenAs: string | undefined;

  /** Fires when the mode is turned on or off, or the coder changes while it is on. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    this.seenAs = this.coder;
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${settingsSection}.coder`) && this.on) this.fire();
    });
  }

  /** Whether "Show Only My Codings" is on. */
  get on(): boolean {
    return this.state.get<boolean>(onlyMyCodingsKey, false);
  }

  /** The coder whose codings alone are shown, or undefined when every coding is shown. */
  get coder(): string | undefined {
    return this.on ? readCoder() ?? undefined : undefined;
  }

  /** Turns the mode on or off (remembered in the workspace state); fires when that changes it. */
  async set(on: boolean): Promise<void> {
    if (on === this.on) return;
    await this.state.update(onlyMyCodingsKey, on);
    this.fire();
  }

  /** `source` as the views show it: only the coder's codings while on, else `source` itself. */
  source(source: Source): Source {
    const coder = this.coder;
    if (coder !== this.seenAs) {
      this.seen = new WeakMap();
      this.seenAs = coder;
    }
    let shown = this.seen.get(source);
    if (!shown) {
      shown = ownCodingsOf(source, coder);
      this.seen.set(source, shown);
    }
    return shown;
  }

  /** `workspace` with every source as {@link source} shows it (the same object when the mode is off). */
  workspace(workspace: Workspace): Workspace {
    if (this.coder === undefined) return workspace;
    return { ...workspace, sources: workspace.sources.map((source) => this.source(source)) };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private fire(): void {
    this.changed.fire();
  }
}
