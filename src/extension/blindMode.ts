import * as vscode from 'vscode';
import { ownCodingsOf } from '../core/index/ownCodings';
import type { Source } from '../core/model/source';
import type { Workspace } from '../node/loadWorkspace';
import { readCoder, settingsSection } from './readSettings';
import { RememberedToggle } from './rememberedToggle';

/** Workspace-state key that remembers whether "Show Only My Codings" is on. */
export const onlyMyCodingsKey = 'markdownQda.onlyMyCodings';

/**
 * The "Show Only My Codings" mode shared by the decorations, the hover, the completions and the
 * views: while on, each of them shows a source through {@link BlindMode.source}, which hides the
 * codings whose `by=` is not the `markdownQda.coder` setting (core `ownCodingsOf`). Remembered
 * in the workspace state; fires {@link onDidChange} when turned on or off and when the coder
 * changes while on (see {@link RememberedToggle}). On with no coder set, nothing is hidden.
 */
export class BlindMode extends RememberedToggle {
  private readonly subscription: vscode.Disposable;
  /** The source each original source is shown as, for the coder `seenAs` (same object when unchanged). */
  private seen = new WeakMap<Source, Source>();
  private seenAs: string | undefined;

  constructor(state: vscode.Memento) {
    super(state, onlyMyCodingsKey);
    this.seenAs = this.coder;
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${settingsSection}.coder`) && this.on) this.fire();
    });
  }

  /** The coder whose codings alone are shown, or undefined when every coding is shown. */
  get coder(): string | undefined {
    return this.on ? readCoder() ?? undefined : undefined;
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

  override dispose(): void {
    this.subscription.dispose();
    super.dispose();
  }
}
