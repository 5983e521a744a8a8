import * as vscode from 'vscode';
import { codebookViewId, commandIds } from './commandIds';
import { clearExcerptFilter } from './commands/clearExcerptFilter';
import { codeSelection } from './commands/codeSelection';
import { registerAutocodeCommands } from './commands/registerAutocodeCommands';
import { codePickerState, createCodeCommand } from './commands/codePicker';
import { editMemo } from './commands/editMemo';
import { filterExcerpts } from './commands/filterExcerpts';
import { groupExcerpts, groupingContextKey } from './commands/groupExcerpts';
import { initCodebook } from './commands/initCodebook';
import { importTranscripts } from './commands/importTranscripts';
import { mergeCodes } from './commands/mergeCodes';
import { splitCode } from './commands/splitCode';
import { nextExcerpt } from './commands/nextExcerpt';
import { previousExcerpt } from './commands/previousExcerpt';
import { renameCode } from './commands/renameCode';
import { showSummary } from './commands/showSummary';
import { toggleExemplar } from './commands/toggleExemplar';
import { uncodeExcerpt } from './commands/uncodeExcerpt';
import { registerCodebookEditing } from './registerCodebookEditing';
import { CodebookTreeProvider, type CodebookTreeNode } from './views/codebookTreeProvider';
import { excerptGroupings, type ExcerptTreeNode, type ExcerptTreeProvider } from './views/excerptTreeProvider';
import { SummaryPanel, summaryViewType } from './views/summaryPanel';
import type { WorkspaceIndex } from './workspaceIndex';
import type { BlindMode } from './blindMode';
import { registerCompareCoders } from './compare/registerCompareCoders';
import type { ComparePanel } from './compare/comparePanel';
import { openExampleStudy } from './commands/openExampleStudy';
import { undoLastRecode } from './editing/recodeUndo';
import { WalkthroughProgress } from './walkthroughProgress';

/** What the workbench features add to the extension's API (views and the summary panel). */
export interface WorkbenchFeatures {
  codebookTree: CodebookTreeProvider;
  codebookView: vscode.TreeView<CodebookTreeNode>;
  summary: SummaryPanel;
  /** The Coder Comparison panel. */
  compare: ComparePanel;
  /** The walkthrough steps done (each ticks only when its action succeeded). */
  walkthrough: WalkthroughProgress;
  /** What the code picker of Code Selection shows now. */
  codePickerState: typeof codePickerState;
}

/**
 * Wires the coding commands (code selection, uncode, memo, exemplar, next/previous excerpt),
 * the refactorings (rename, merge), the excerpt tree's grouping and filters, the Codebook view,
 * the Summary panel and the getting-started command. Every disposable goes into
 * `context.subscriptions`.
 */
export function registerWorkbenchFeatures(
  context: vscode.ExtensionContext,
  deps: { index: WorkspaceIndex; blind: BlindMode; excerptTree: ExcerptTreeProvider; excerptView: vscode.TreeView<ExcerptTreeNode> },
): WorkbenchFeatures {
  const { index, blind, excerptTree, excerptView } = deps;
  const codebookTree = new CodebookTreeProvider(index, blind);
  const codebookView = vscode.window.createTreeView(codebookViewId, { treeDataProvider: codebookTree, showCollapseAll: true });
  const summary = new SummaryPanel(context.extensionUri, index, blind);
  const walkthrough = new WalkthroughProgress(index, blind);
  const remembered = excerptGroupings.find((grouping) => grouping === context.workspaceState.get(groupingContextKey));
  if (remembered) excerptTree.setGrouping(remembered);
  excerptView.description = excerptTree.description;
  void vscode.commands.executeCommand('setContext', groupingContextKey, excerptTree.grouping);
  const register = vscode.commands.registerCommand;
  context.subscriptions.push(
    codebookTree,
    codebookView,
    summary,
    walkthrough,
    register(commandIds.codeSelection, walkthrough.after('code', codeSelection(index, context.workspaceState))),
    register(commandIds.createCode, createCodeCommand(index)),
    register(commandIds.uncode, uncodeExcerpt(index)),
    register(commandIds.editMemo, editMemo(index)),
    register(commandIds.toggleExemplar, toggleExemplar(index)),
    register(commandIds.nextExcerpt, nextExcerpt(index)),
    register(commandIds.previousExcerpt, previousExcerpt(index)),
    register(commandIds.renameCode, renameCode(index)),
    register(commandIds.mergeCodes, mergeCodes(index)),
    register(commandIds.splitCode, splitCode(index)),
    register(commandIds.undoRecode, undoLastRecode(index)),
    register(commandIds.groupExcerpts, groupExcerpts(excerptTree, excerptView, context.workspaceState)),
    register(commandIds.filterExcerpts, filterExcerpts(index, excerptTree, excerptView)),
    register(commandIds.clearExcerptFilter, clearExcerptFilter(excerptTree, excerptView)),
    register(commandIds.showSummary, walkthrough.after('summary', showSummary(summary), () => true)),
    register(commandIds.openExampleStudy, walkthrough.after('example', openExampleStudy(context.extensionUri))),
    // After a window reload VS Code gives the Summary panel back; it shows the table it showed.
    vscode.window.registerWebviewPanelSerializer(summaryViewType, { deserializeWebviewPanel: async (panel, state) => summary.restore(panel, state) }),
    register(commandIds.initCodebook, initCodebook(index)),
    register(commandIds.importTranscripts, importTranscripts(index)),
    blind.onDidChange(() => {
      excerptView.description = excerptTree.description;
    }),
  );
  const compare = registerCompareCoders(context, index, walkthrough);
  registerAutocodeCommands(context, index);
  registerCodebookEditing(context, index);
  return { codebookTree, codebookView, summary, compare, walkthrough, codePickerState };
}
