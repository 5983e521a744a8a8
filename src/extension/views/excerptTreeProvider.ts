import * as vscode from 'vscode';
import type { Excerpt, Source } from '../../core/model';
import { commandIds } from '../commandIds';
import type { ExcerptTarget } from '../commands/openExcerpt';
import type { Workspace } from '../../node/loadWorkspace';
import type { WorkspaceIndex } from '../workspaceIndex';
import { type CodeGroup, type ExcerptsByCode, groupExcerptsByCode } from './groupExcerptsByCode';

/** A node of the Coded Excerpts tree: a code, a source under a code, or an excerpt. */
export type ExcerptTreeNode =
  | { kind: 'code'; group: CodeGroup }
  | { kind: 'source'; codeId: string; source: Source; excerpts: Excerpt[] }
  | { kind: 'excerpt'; codeId: string; source: Source; excerpt: Excerpt };

/** Longest excerpt label before it is shortened with an ellipsis. */
const labelLength = 70;

/**
 * Tree data of the Coded Excerpts view: codes (codebook hierarchy, own counts, colour), then
 * sources, then excerpts (text shortened, speaker and coder); selecting an excerpt runs
 * `markdownQda.openExcerpt`. Refreshes whenever the index changes.
 */
export class ExcerptTreeProvider implements vscode.TreeDataProvider<ExcerptTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExcerptTreeNode | undefined>();
  private readonly subscription: vscode.Disposable;
  private grouped: ExcerptsByCode = { roots: [], groups: new Map() };
  private root = '';

  readonly onDidChangeTreeData = this.changed.event;

  constructor(index: WorkspaceIndex) {
    if (index.current) this.update(index.current);
    this.subscription = index.onDidChange((workspace) => this.update(workspace));
  }

  getChildren(node?: ExcerptTreeNode): ExcerptTreeNode[] {
    if (!node) return this.codeNodes(this.grouped.roots);
    if (node.kind === 'code') {
      const sources = node.group.sources.map(({ source, excerpts }): ExcerptTreeNode =>
        ({ kind: 'source', codeId: node.group.id, source, excerpts }));
      return [...this.codeNodes(node.group.children), ...sources];
    }
    if (node.kind === 'source') {
      return node.excerpts.map((excerpt): ExcerptTreeNode =>
        ({ kind: 'excerpt', codeId: node.codeId, source: node.source, excerpt }));
    }
    return [];
  }

  /** The node above `node` (so the view can reveal an excerpt), or undefined for a root code. */
  getParent(node: ExcerptTreeNode): ExcerptTreeNode | undefined {
    if (node.kind === 'code') {
      const parent = node.group.code?.parent;
      const group = parent ? this.grouped.groups.get(parent) : undefined;
      return group ? { kind: 'code', group } : undefined;
    }
    const group = this.grouped.groups.get(node.codeId);
    if (!group) return undefined;
    if (node.kind === 'source') return { kind: 'code', group };
    const entry = group.sources.find(({ source }) => source === node.source);
    return entry ? { kind: 'source', codeId: node.codeId, source: entry.source, excerpts: entry.excerpts } : undefined;
  }

  getTreeItem(node: ExcerptTreeNode): vscode.TreeItem {
    if (node.kind === 'code') return codeItem(node.group);
    if (node.kind === 'source') return sourceItem(node.codeId, node.source, this.uriOf(node.source), node.excerpts.length);
    return this.excerptItem(node.codeId, node.source, node.excerpt);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private update(workspace: Workspace): void {
    this.root = workspace.root;
    this.grouped = groupExcerptsByCode(workspace.codebook, workspace.sources);
    this.changed.fire(undefined);
  }

  private codeNodes(ids: readonly string[]): ExcerptTreeNode[] {
    return ids.flatMap((id) => {
      const group = this.grouped.groups.get(id);
      return group ? [{ kind: 'code' as const, group }] : [];
    });
  }

  private uriOf(source: Source): vscode.Uri {
    return vscode.Uri.joinPath(vscode.Uri.file(this.root), ...source.path.split('/'));
  }

  private excerptItem(codeId: string, source: Source, excerpt: Excerpt): vscode.TreeItem {
    const item = new vscode.TreeItem(shorten(excerpt.text), vscode.TreeItemCollapsibleState.None);
    item.id = `code:${codeId}/source:${source.path}/excerpt:${excerpt.start}-${excerpt.end}:${excerpt.codes.join('.')}`;
    item.description = [excerpt.speaker, excerpt.coder && `by ${excerpt.coder}`].filter(Boolean).join(' · ');
    item.tooltip = excerptTooltip(source, excerpt);
    item.iconPath = new vscode.ThemeIcon(excerpt.exemplar ? 'star-full' : 'quote');
    item.contextValue = 'excerpt';
    const target: ExcerptTarget = {
      uri: this.uriOf(source),
      start: excerpt.fragments[0]?.range.startOffset ?? 0,
      end: excerpt.fragments[excerpt.fragments.length - 1]?.range.endOffset ?? 0,
    };
    item.command = { command: commandIds.openExcerpt, title: 'Open Excerpt', arguments: [target] };
    return item;
  }
}

function codeItem(group: CodeGroup): vscode.TreeItem {
  const hasChildren = group.children.length > 0 || group.sources.length > 0;
  const item = new vscode.TreeItem(
    group.code ? `${group.id} ${group.code.name}` : group.id,
    hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `code:${group.id}`;
  item.description = group.code ? String(group.count) : `${group.count} · not in the codebook`;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escapeMarkdown(group.code?.name ?? group.id)}** \`${group.id}\`\n\n`);
  if (group.code?.description) tooltip.appendMarkdown(`${escapeMarkdown(group.code.description)}\n\n`);
  if (!group.code) tooltip.appendMarkdown('This code is used in transcripts but missing from the codebook.\n\n');
  tooltip.appendMarkdown(`${group.count} ${group.count === 1 ? 'excerpt' : 'excerpts'}`);
  item.tooltip = tooltip;
  item.iconPath = group.code
    ? colourIcon(group.code.color)
    : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.contextValue = group.code ? 'code' : 'unknownCode';
  return item;
}

function sourceItem(codeId: string, source: Source, uri: vscode.Uri, count: number): vscode.TreeItem {
  const title = typeof source.attributes.title === 'string' ? source.attributes.title : undefined;
  const item = new vscode.TreeItem(source.id, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `code:${codeId}/source:${source.path}`;
  item.description = String(count);
  item.tooltip = [title, source.path].filter(Boolean).join('\n');
  item.iconPath = vscode.ThemeIcon.File;
  item.resourceUri = uri;
  item.contextValue = 'source';
  return item;
}

/** A filled circle of the code's colour, or the generic tag icon when it has none. */
function colourIcon(color: string | null): vscode.ThemeIcon | vscode.Uri {
  if (!color || !/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(color)) return new vscode.ThemeIcon('tag');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="5" fill="${color}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
}

function excerptTooltip(source: Source, excerpt: Excerpt): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`${escapeMarkdown(excerpt.text)}\n\n---\n\n`);
  tooltip.appendMarkdown(`\`${escapeMarkdown(source.path)}\` line ${excerpt.line} · codes ${excerpt.codes.map((id) => `\`${id}\``).join(' ')}`);
  if (excerpt.speaker) tooltip.appendMarkdown(` · ${escapeMarkdown(excerpt.speaker)}`);
  if (excerpt.coder) tooltip.appendMarkdown(` · by ${escapeMarkdown(excerpt.coder)}`);
  if (excerpt.memo) tooltip.appendMarkdown(`\n\nMemo: ${escapeMarkdown(excerpt.memo)}`);
  return tooltip;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = [...flat];
  return points.length > labelLength ? `${points.slice(0, labelLength - 1).join('')}…` : flat;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
