import * as vscode from 'vscode';
import type { BlindMode } from './blindMode';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * The steps of the getting-started walkthrough that complete when their action really happened,
 * each with the context key its `completionEvents` (`onContext:…`) waits for.
 */
export const walkthroughSteps = {
  /** The example study was copied (and opened). */
  example: 'markdownQda.walkthrough.exampleOpened',
  /** The workspace has a codebook with codes (written by Initialise Codebook, or already there). */
  codebook: 'markdownQda.walkthrough.hasCodebook',
  /** A selection was coded. */
  code: 'markdownQda.walkthrough.coded',
  /** Show Only My Codings was turned on (with a coder set). */
  blind: 'markdownQda.walkthrough.codedBlind',
  /** The Summary panel was shown. */
  summary: 'markdownQda.walkthrough.summaryShown',
  /** The Coder Comparison panel compared coders or copies. */
  compare: 'markdownQda.walkthrough.compared',
  /** The Workshop panel tallied a workshop file. */
  workshop: 'markdownQda.walkthrough.workshopTallied',
} as const;

/** One of the walkthrough steps. */
export type WalkthroughStep = keyof typeof walkthroughSteps;

/**
 * Which walkthrough steps were done in this window, kept as context keys so that a step ticks
 * only when its action succeeded — never when its command merely ran and said what was missing.
 */
export class WalkthroughProgress implements vscode.Disposable {
  private readonly done = new Map<WalkthroughStep, number>();
  private readonly subscription: vscode.Disposable;

  constructor(index: WorkspaceIndex, blind: BlindMode) {
    this.subscription = vscode.Disposable.from(
      index.onDidChange((workspace) => {
        if (workspace.codebook.codes.size > 0) this.mark('codebook');
      }),
      blind.onDidChange(() => {
        if (blind.coder !== undefined) this.mark('blind');
      }),
    );
  }

  /** How many times `step`'s action succeeded in this window. */
  count(step: WalkthroughStep): number {
    return this.done.get(step) ?? 0;
  }

  /** Records that `step` was done (the first time, sets its context key). */
  mark(step: WalkthroughStep): void {
    const count = this.count(step);
    this.done.set(step, count + 1);
    if (count === 0) void vscode.commands.executeCommand('setContext', walkthroughSteps[step], true);
  }

  /**
   * `handler` that marks `step` done when it resolves to a value `succeeded` accepts (default:
   * truthy), as a command's action that really happened.
   */
  after<A extends unknown[], R>(step: WalkthroughStep, handler: (...args: A) => Promise<R>, succeeded: (result: R) => boolean = Boolean): (...args: A) => Promise<R> {
    return async (...args) => {
      const result = await handler(...args);
      if (succeeded(result)) this.mark(step);
      return result;
    };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
