import * as vscode from 'vscode';
import { groupMemos, type MemoGroup, type MemoGrouping } from '../../core/index/groupMemos';
import type { Excerpt, Source } from '../../core/model';
import { excerptLabel } from '../../core/render/excerptQuote';
import type { BlindMode } from '../blindMode';
import { commandIds } from '../commandIds';
import type { WorkspaceIndex } from '../workspaceIndex';
import { excerptTargetOf, type ExcerptRow } from './excerptRow';

/** A node of the Memos view: a group (a code or a source), or one memo. */
export type MemoTreeNode = { kind: 'group'; group: MemoGroup; by: MemoGrouping } | ExcerptRow;

/** Longest memo label before it is shortened with an ellipsis. */
const memoLength = 80;

/**
 * Tree data of the Memos view: every memo written on an excerpt, grouped by code (codebook order)
 * or by source. A memo row shows the memo, then the excerpt's source, speaker and coder; its
 * tooltip holds the excerpt's text; selecting it opens the excerpt; its context menu has the
 * excerpt actions. Follows the index and "Show Only My Codings".
 */
export class MemoTreeProvider implements vscode.TreeDataProvider<MemoTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<MemoTreeNode | undefined>();
  private readonly subscriptions: vscode.Disposable[];
  private groups: MemoGroup[] = [];
  private currentGrouping: MemoGrouping = 'code';

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly index: WorkspaceIndex, private readonly blind: BlindMode) {
    this.rebuild();
    this.subscriptions = [index.onDidChange(() => this.rebuild()), blind.onDidChange(() => this.rebuild())];
  }

  /** The grouping in force (default `code`). */
  get grouping(): MemoGrouping {
    return this.currentGrouping;
  }

  /** Regroups the memos by code or by source. */
  setGrouping(grouping: MemoGrouping): void {
    this.currentGrouping = grouping;
    this.rebuild();
  }

  /** Number of memos listed (each memo once, whatever the grouping). */
  get memoCount(): number {
    const seen = new Set<Excerpt>();
    for (const group of this.groups) for (const { excerpt } of group.memos) seen.add(excerpt);
    return seen.size;
  }

  getChildren(node?: MemoTreeNode): MemoTreeNode[] {
    if (!node) return this.groups.map((group) => ({ kind: 'group', group, by: this.currentGrouping }));
    if (node.kind !== 'group') return [];
    return node.group.memos.map(({ source, excerpt }): ExcerptRow => ({
      kind: 'excerpt', source, excerpt, codeId: node.by === 'code' ? node.group.key : undefined, scope: `memos:${node.group.key}`,
    }));
  }

  getTreeItem(node: MemoTreeNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `memos:${node.by}:${node.group.key}`;
      item.description = String(node.group.memos.length);
      item.iconPath = node.by === 'code' ? new vscode.ThemeIcon(node.group.unknown ? 'warning' : 'tag') : vscode.ThemeIcon.File;
      item.contextValue = 'memoGroup';
      return item;
    }
    return memoItem(node, this.uriOf(node.source));
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private uriOf(source: Source): vscode.Uri {
    return vscode.Uri.joinPath(vscode.Uri.file(this.index.current?.root ?? ''), ...source.path.split('/'));
  }

  private rebuild(): void {
    const current = this.index.current;
    const workspace = current && this.blind.workspace(current);
    this.groups = workspace ? groupMemos(workspace.sources, workspace.codebook, this.currentGrouping) : [];
    this.changed.fire(undefined);
  }
}

function memoItem(row: ExcerptRow, uri: vscode.Uri): vscode.TreeItem {
  const { excerpt, source } = row;
  const memo = (excerpt.memo ?? '').replace(/\s+/g, ' ').trim();
  const points = [...memo];
  const item = new vscode.TreeItem(points.length > memoLength ? `${points.slice(0, memoLength - 1).join('')}…` : memo, vscode.TreeItemCollapsibleState.None);
  item.id = `${row.scope}/memo:${source.path}:${excerpt.start}-${excerpt.end}:${excerpt.codes.join('.')}:${excerpt.coder ?? ''}`;
  item.description = [source.id, excerpt.speaker, excerpt.coder && `by ${excerpt.coder}`].filter(Boolean).join(' · ');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(memo);
  tooltip.appendMarkdown('\n\n---\n\n');
  tooltip.appendText(`“${excerptLabel(excerpt, 400)}” — ${source.path} line ${excerpt.line} · ${excerpt.codes.join(' ')}`);
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon('note');
  item.contextValue = 'excerpt';
  item.command = { command: commandIds.openExcerpt, title: 'Open Excerpt', arguments: [excerptTargetOf(uri, excerpt)] };
  return item;
}
