import * as vscode from 'vscode';
import { groupMemos, hasMemo, type MemoGroup, type MemoGrouping } from '../../core/index/groupMemos';
import type { Source } from '../../core/model';
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
  /** The groups shown, made when the view (or a caller) first asks after a change. */
  private groupsCache: MemoGroup[] | null = null;
  /** The memos of the shown sources, per path and in all; null until counted (again). */
  private memoTally: { byPath: Map<string, MemoCounts>; all: number; coded: number } | null = null;
  private currentGrouping: MemoGrouping = 'code';

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly index: WorkspaceIndex, private readonly blind: BlindMode) {
    this.rebuild();
    this.subscriptions = [
      index.onDidChange(() => {
        this.recount(index.changedPaths);
        this.rebuild();
      }),
      blind.onDidChange(() => {
        this.memoTally = null;
        this.rebuild();
      }),
    ];
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

  /**
   * Number of memos listed (each memo once, whatever the grouping): the excerpts with a memo, and
   * by code only those with a code (an excerpt is listed under each of its codes). Counted per
   * source, and again after an edit only for the sources that changed.
   */
  get memoCount(): number {
    if (!this.memoTally) {
      const tally = { byPath: new Map<string, MemoCounts>(), all: 0, coded: 0 };
      for (const source of this.shownSources()) {
        const counts = memoCounts(source);
        tally.byPath.set(source.path, counts);
        tally.all += counts.all;
        tally.coded += counts.coded;
      }
      this.memoTally = tally;
    }
    return this.currentGrouping === 'code' ? this.memoTally.coded : this.memoTally.all;
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

  /** Drops the groups after a change; they are made again when next asked for (a collapsed view never asks). */
  private rebuild(): void {
    this.groupsCache = null;
    this.changed.fire(undefined);
  }

  private get groups(): MemoGroup[] {
    if (!this.groupsCache) {
      const current = this.index.current;
      const workspace = current && this.blind.workspace(current);
      this.groupsCache = workspace ? groupMemos(workspace.sources, workspace.codebook, this.currentGrouping) : [];
    }
    return this.groupsCache;
  }

  /** Counts the memos again at `paths` (the sources an edit changed); null: count everything again when next asked. */
  private recount(paths: readonly string[] | null): void {
    const tally = this.memoTally;
    if (!paths || !tally) {
      this.memoTally = null;
      return;
    }
    for (const path of paths) {
      const old = tally.byPath.get(path);
      if (old) {
        tally.all -= old.all;
        tally.coded -= old.coded;
        tally.byPath.delete(path);
      }
      const source = this.index.sourceAt(path);
      if (!source) continue;
      const counts = memoCounts(this.blind.source(source));
      tally.byPath.set(path, counts);
      tally.all += counts.all;
      tally.coded += counts.coded;
    }
  }

  /** The sources as the view lists them (only the coder's codings while blind). */
  private shownSources(): readonly Source[] {
    const current = this.index.current;
    return current ? this.blind.workspace(current).sources : [];
  }
}

/** A source's excerpts with a memo, and those of them with a code. */
interface MemoCounts {
  all: number;
  coded: number;
}

function memoCounts(source: Source): MemoCounts {
  const counts = { all: 0, coded: 0 };
  for (const excerpt of source.excerpts) {
    if (!hasMemo(excerpt)) continue;
    counts.all += 1;
    if (excerpt.codes.length > 0) counts.coded += 1;
  }
  return counts;
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
