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
  /** Codes the editor selection with codes from a quick pick (or `{ codes, coder }`) as one undoable edit. */
  codeSelection: 'markdownQda.codeSelection',
  /** Removes one code of the excerpt under the cursor, or the whole excerpt (`{ code }` / `{ all }`). */
  uncode: 'markdownQda.uncode',
  /** Adds, changes or removes the memo of the excerpt under the cursor (`{ memo }`). */
  editMemo: 'markdownQda.editMemo',
  /** Marks the excerpt under the cursor as an exemplar quote, or unmarks it. */
  toggleExemplar: 'markdownQda.toggleExemplar',
  /** Selects the coded text of the next excerpt of the active transcript. */
  nextExcerpt: 'markdownQda.nextExcerpt',
  /** Selects the coded text of the previous excerpt of the active transcript. */
  previousExcerpt: 'markdownQda.previousExcerpt',
  /** Renames a code across the workspace and the codebook (`{ from, to }`), recorded in its history. */
  renameCode: 'markdownQda.renameCode',
  /** Merges codes into one across the workspace and the codebook (`{ from, into }`), recorded in its history. */
  mergeCodes: 'markdownQda.mergeCodes',
  /** Moves the excerpt under the cursor from one of its codes to a new code (`{ code, to, name }`), recorded in the history. */
  splitCode: 'markdownQda.splitCode',
  /** Groups the Coded Excerpts tree by code, source or coder (`'code' | 'source' | 'coder'`). */
  groupExcerpts: 'markdownQda.groupExcerpts',
  /** Narrows the Coded Excerpts tree to a coder and/or a code group (`{ coder, group }`). */
  filterExcerpts: 'markdownQda.filterExcerpts',
  /** Shows every excerpt again. */
  clearExcerptFilter: 'markdownQda.clearExcerptFilter',
  /** Opens the Summary panel with a table of SPEC §5 (`{ table, by }`). */
  showSummary: 'markdownQda.showSummary',
  /** Writes the workspace codebook from bundled presets (`{ presets, overwrite }`). */
  initCodebook: 'markdownQda.initCodebook',
  /** Imports Word, WebVTT, SubRip and text transcripts as Markdown transcripts (`{ files, folder, overwrite }`). */
  importTranscripts: 'markdownQda.importTranscripts',
  /** Shows only the coder's own codings (`by=` the coder setting) or every coding again (`true` / `false`). */
  toggleOnlyMyCodings: 'markdownQda.toggleOnlyMyCodings',
  /** Opens the excerpt of a Coded Excerpts or Memos row (the row). */
  openExcerptRow: 'markdownQda.openExcerptRow',
  /** Removes the coding of a row's excerpt (under a code: that code only). */
  uncodeExcerptRow: 'markdownQda.uncodeExcerptRow',
  /** Adds, changes or removes the memo of a row's excerpt (the row, then optionally `{ memo }`). */
  editMemoOfRow: 'markdownQda.editMemoOfRow',
  /** Copies a row's excerpt as a quotation for a paper: `“text” (speaker, source, line N)`. */
  copyExcerptQuote: 'markdownQda.copyExcerptQuote',
  /** Groups the Memos view by code or source (`'code' | 'source'`; none: switches). */
  groupMemos: 'markdownQda.groupMemos',
  /** Shows the coding diff from a git ref (quick pick, or `{ ref }`) to the working tree in the Coding Changes view. */
  compareCodingWithBranch: 'markdownQda.compareCodingWithBranch',
  /** Opens the Coder Comparison: agreement per code, the disagreements, resolve actions (`{ coders }` / `{ compare }`). */
  compareCoders: 'markdownQda.compareCoders',
  /** Finds a pattern in the transcripts and codes the hits picked, widened to a unit (`FindAndCodeArgs`), as one undoable edit. */
  findAndCode: 'markdownQda.findAndCode',
  /** Codes every turn of the speaker under the cursor in the active transcript (`{ codes, coder, unit }`), as one undoable edit. */
  codeSpeakerTurns: 'markdownQda.codeSpeakerTurns',
  /** Shows the tally of a workshop file in the Workshop panel (a URI or path; default: the active or only one). */
  showWorkshop: 'markdownQda.showWorkshop',
  /** Opens the step-3 resource pack in a panel with Print and Export HTML (`PackOptions`, as `mdqda pack`). */
  openResourcePack: 'markdownQda.openResourcePack',
  /** Edits a code's name, description or colour in the codebook (`{ id, field, value }`), recorded in its history. */
  editCode: 'markdownQda.editCode',
  /** Adds a code to the codebook (`{ id, name, parent, askParent }`; a Codebook view node: a child of it). */
  addCode: 'markdownQda.addCode',
  /** Deletes a code no excerpt uses from the codebook (`{ id }`), recorded in its history. */
  deleteCode: 'markdownQda.deleteCode',
  /** Folds the markup of codings out of sight except on the cursor line, or shows it again (`true` / `false`). */
  toggleHideMarkup: 'markdownQda.toggleHideMarkup',
  /** Adds a code to the codebook (`{ id, name }`); inside the code picker, comes back to it with the code ticked. */
  createCode: 'markdownQda.createCode',
  /** Copies the bundled example study into a chosen folder and opens it (`{ folder, open }`). */
  openExampleStudy: 'markdownQda.openExampleStudy',
  /** Takes back the last rename, merge or split in every file it changed, from any editor. */
  undoRecode: 'markdownQda.undoRecode',
} as const;

/** One of the extension's command ids. */
export type CommandId = (typeof commandIds)[keyof typeof commandIds];

/** Id of the tree view of coded excerpts (declared under `contributes.views`). */
export const excerptsViewId = 'markdownQda.excerpts';

/** Id of the tree view of the codebook with usage counts (declared under `contributes.views`). */
export const codebookViewId = 'markdownQda.codebook';

/** Id of the tree view of memos (declared under `contributes.views`). */
export const memosViewId = 'markdownQda.memos';
/** Id of the tree view of coding changes since a git ref (declared under `contributes.views`). */
export const codingChangesViewId = 'markdownQda.codingChanges';

/** Id of the walkthrough (declared under `contributes.walkthroughs`). */
export const walkthroughId = 'markdownQda.gettingStarted';

/** Id of the activity-bar view container (declared under `contributes.viewsContainers`). */
export const viewContainerId = 'markdownQda';
