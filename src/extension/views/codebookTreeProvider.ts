import * as vscode from 'vscode';
import { type CodeUsage, type CodebookUsage, type SourceUsage, UsageTally, sourceUsage } from '../../core/codebook/codebookUsage';
import type { Codebook } from '../../core/model';
import type { Workspace } from '../../node/loadWorkspace';
import type { BlindMode } from '../blindMode';
import type { WorkspaceIndex } from '../workspaceIndex';

/** A node of the Codebook view: one code (of the codebook, or used but missing from it). */
export interface CodebookTreeNode {
  kind: 'code';
  id: string;
}

/**
 * Tree data of the Codebook view: the codes in codebook hierarchy, each with its colour, its
 * excerpt count (own; with sub-codes in brackets when they add some) and the number of sources;
 * codes no transcript uses are flagged "unused", codes used in transcripts but missing from the
 * codebook are listed after the codebook with a warning. Refreshes whenever the index changes,
 * counting again only the transcripts that changed. While "Show Only My Codings" is on, only the
 * coder's own codings are counted.
 */
export class CodebookTreeProvider implements vscode.TreeDataProvider<CodebookTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CodebookTreeNode | undefined>();
  private readonly subscriptions: vscode.Disposable[];
  private current: CodebookUsage = { roots: [], codes: new Map(), unused: [], unknown: [] };
  /** The usage of each source, by path, and the codebook it was counted against. */
  private perSource = new Map<string, SourceUsage>();
  /** The sum of {@link perSource}. */
  private tally: UsageTally | null = null;
  private countedWith: Codebook | null = null;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly index: WorkspaceIndex, private readonly blind: BlindMode) {
    if (index.current) this.update(index.current);
    this.subscriptions = [
      index.onDidChange((workspace) => this.update(workspace)),
      blind.onDidChange(() => {
        // Other codings shown or hidden: count every source again.
        this.countedWith = null;
        if (index.current) this.update(index.current);
      }),
    ];
  }

  /** The usage the view shows now (counts, unused and unknown codes). */
  get usage(): CodebookUsage {
    return this.current;
  }

  getChildren(node?: CodebookTreeNode): CodebookTreeNode[] {
    const ids = node ? this.current.codes.get(node.id)?.children ?? [] : this.current.roots;
    return ids.filter((id) => this.current.codes.has(id)).map((id) => ({ kind: 'code', id }));
  }

  getParent(node: CodebookTreeNode): CodebookTreeNode | undefined {
    const parent = this.current.codes.get(node.id)?.code?.parent;
    return parent && this.current.codes.has(parent) ? { kind: 'code', id: parent } : undefined;
  }

  getTreeItem(node: CodebookTreeNode): vscode.TreeItem {
    const usage = this.current.codes.get(node.id);
    if (!usage) return new vscode.TreeItem(node.id);
    return codeItem(usage);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private update(workspace: Workspace): void {
    const codebook = workspace.codebook;
    const paths = this.index.changedPaths;
    if (paths && this.tally && this.countedWith === codebook) {
      // One transcript changed: count it again, and only it.
      for (const path of paths) {
        const old = this.perSource.get(path);
        if (old) this.tally.add(old, -1);
        this.perSource.delete(path);
      }
      for (const path of new Set(paths)) {
        const source = this.index.sourceAt(path);
        if (!source) continue;
        const usage = sourceUsage(codebook, this.blind.source(source));
        this.perSource.set(path, usage);
        this.tally.add(usage);
      }
    } else {
      this.perSource = new Map(workspace.sources.map((source) => [source.path, sourceUsage(codebook, this.blind.source(source))]));
      this.tally = new UsageTally(codebook);
      for (const usage of this.perSource.values()) this.tally.add(usage);
      this.countedWith = codebook;
    }
    this.current = this.tally.usage();
    this.changed.fire(undefined);
  }
}

function codeItem(usage: CodeUsage): vscode.TreeItem {
  const item = new vscode.TreeItem(
    usage.code ? `${usage.id} ${usage.code.name}` : usage.id,
    usage.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `codebook:${usage.id}`;
  const count = usage.excerptsWithDescendants > usage.excerpts ? `${usage.excerpts} (${usage.excerptsWithDescendants})` : String(usage.excerpts);
  const flag = usage.status === 'unused' ? ' · unused' : usage.status === 'unknown' ? ' · not in the codebook' : '';
  item.description = `${count}${flag}`;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escapeMarkdown(usage.code?.name ?? usage.id)}** \`${usage.id}\``);
  if (usage.code?.group) tooltip.appendMarkdown(` · ${escapeMarkdown(usage.code.group)}`);
  tooltip.appendMarkdown('\n\n');
  if (usage.code?.description) tooltip.appendMarkdown(`${escapeMarkdown(usage.code.description)}\n\n`);
  tooltip.appendMarkdown(`${usage.excerpts} ${usage.excerpts === 1 ? 'excerpt' : 'excerpts'} in ${usage.sources} ${usage.sources === 1 ? 'source' : 'sources'}`);
  if (usage.excerptsWithDescendants > usage.excerpts) tooltip.appendMarkdown(`; ${usage.excerptsWithDescendants} with its sub-codes`);
  if (usage.status === 'unused') tooltip.appendMarkdown('\n\nNo transcript uses this code yet.');
  if (usage.status === 'unknown') tooltip.appendMarkdown('\n\nUsed in transcripts but missing from the codebook.');
  item.tooltip = tooltip;
  item.iconPath = usage.status === 'unknown'
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
    : usage.status === 'unused'
      ? new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('disabledForeground'))
      : colourIcon(usage.code?.color ?? null);
  item.contextValue = usage.status === 'unknown' ? 'unknownCode' : 'code';
  return item;
}

/** A filled circle of the code's colour, or the generic tag icon when it has none. */
function colourIcon(color: string | null): vscode.ThemeIcon | vscode.Uri {
  if (!color || !/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(color)) return new vscode.ThemeIcon('tag');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="5" fill="${color}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
