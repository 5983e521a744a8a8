/**
 * Ids of the commands the extension contributes, declared once and reused by the
 * registrations, the tree items and the integration tests. Each must also be listed
 * under `contributes.commands` in package.json.
 */
export const commandIds = {
  /** Re-reads the codebooks and transcripts and refreshes the views. */
  refresh: 'markdownQda.refresh',
  /** Opens a transcript and selects one excerpt; takes an {@link ExcerptTarget}. */
  openExcerpt: 'markdownQda.openExcerpt',
  /** Asks for the coder identity and stores it in the `markdownQda.coder` setting. */
  setCoder: 'markdownQda.setCoder',
} as const;

/** One of the extension's command ids. */
export type CommandId = (typeof commandIds)[keyof typeof commandIds];

/** Id of the tree view of coded excerpts (declared under `contributes.views`). */
export const excerptsViewId = 'markdownQda.excerpts';

/** Id of the activity-bar view container (declared under `contributes.viewsContainers`). */
export const viewContainerId = 'markdownQda';
