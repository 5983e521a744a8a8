import type * as vscode from 'vscode';
import type { CodebookTreeNode, CodebookTreeProvider } from './views/codebookTreeProvider';
import type { ExcerptTreeNode, ExcerptTreeProvider } from './views/excerptTreeProvider';
import type { SummaryPanel } from './views/summaryPanel';
import type { ComparePanel } from './compare/comparePanel';
import type { WalkthroughProgress } from './walkthroughProgress';
import type { WorkspaceIndex } from './workspaceIndex';
import type { BlindMode } from './blindMode';
import type { extendMarkdownIt } from './preview/extendMarkdownIt';
import type { MemoTreeNode, MemoTreeProvider } from './retrieval/memoTreeProvider';
import type { CodingDiffNode, CodingDiffTreeProvider } from './views/codingDiffTreeProvider';
import type { WorkshopFeatures } from './workshop/registerWorkshopFeatures';

/**
 * What `activate` returns (the extension's exports): the live index, the tree data provider and
 * its tree view, the status-bar item, the Codebook view, the Summary panel and the step-3 workshop features, for other extensions and for the integration tests.
 */
export interface MarkdownQdaApi extends WorkshopFeatures {
  index: WorkspaceIndex;
  excerptTree: ExcerptTreeProvider;
  excerptView: vscode.TreeView<ExcerptTreeNode>;
  statusBar: vscode.StatusBarItem;
  /** "Show Only My Codings" and its status-bar item (shown while the mode is on). */
  blind: BlindMode;
  blindStatusItem: vscode.StatusBarItem;
  /** The status-bar item of "Hide Markup" (shown while a Markdown editor is active; toggles it). */
  hideMarkupStatusItem: vscode.StatusBarItem;
  codebookTree: CodebookTreeProvider;
  codebookView: vscode.TreeView<CodebookTreeNode>;
  summary: SummaryPanel;
  /** The Memos view. */
  memoTree: MemoTreeProvider;
  memoView: vscode.TreeView<MemoTreeNode>;
  /** "Compare Coding with Branch…": the Coding Changes view and its tree. */
  codingDiffTree: CodingDiffTreeProvider;
  codingDiffView: vscode.TreeView<CodingDiffNode>;
  /** The Coder Comparison panel (agreement, disagreements, resolutions). */
  compare: ComparePanel;
  /** The getting-started steps done in this window. */
  walkthrough: WalkthroughProgress;
  /** What the code picker of Code Selection shows now (`picking`, `creating` a code, or nothing). */
  codePickerState: () => 'picking' | 'creating' | undefined;
  /** VS Code calls it to add the coding highlights to the Markdown preview. */
  extendMarkdownIt: typeof extendMarkdownIt;
}
