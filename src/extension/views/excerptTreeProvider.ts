import * as vscode from 'vscode';
import { groupOf } from '../../core/codebook/queryCodes';
import { type CoderExcerpts, type ExcerptFilter, filterSources, groupExcerptsByCoder, groupExcerptsBySource } from '../../core/index/groupExcerpts';
import type { Excerpt, Source } from '../../core/model';
import { commandIds } from '../commandIds';
import { excerptLabel } from '../../core/render/excerptQuote';
import { excerptTargetOf } from '../retrieval/excerptRow';
import type { Workspace } from '../../node/loadWorkspace';
import type { BlindMode } from '../blindMode';
import type { WorkspaceIndex } from '../workspaceIndex';
import { type CodeGroup, type ExcerptsByCode, groupExcerptsByCode, regroupExcerptsByCode } from './groupExcerptsByCode';

/** How the Coded Excerpts tree is grouped at the top level. */
export type ExcerptGrouping = 'code' | 'source' | 'coder';

/** The groupings, in the order the switch command offers them. */
export const excerptGroupings: readonly ExcerptGrouping[] = ['code', 'source', 'coder'];

/**
 * A node of the Coded Excerpts tree: a code, a coder, a source, or an excerpt. `scope` names the
 * node the source or excerpt sits under (`code:T1`, `coder:pg`, `coder:` for no coder, `source`);
 * `codeId` is the code's id when the scope is a code.
 */
export type ExcerptTreeNode =
  | CodeNode
  | { kind: 'coder'; coder: CoderExcerpts }
  | { kind: 'source'; scope: string; codeId?: string; source: Source; excerpts: Excerpt[] }
  | { kind: 'excerpt'; scope: string; codeId?: string; source: Source; excerpt: Excerpt };

/** A code's node: its group is replaced when the code's excerpts change (the node stays the same object). */
export interface CodeNode {
  kind: 'code';
  group: CodeGroup;
}

/** Longest excerpt label before it is shortened with an ellipsis (the view cuts a row at its width; the tooltip holds the whole text). */
const labelLength = 240;

/**
 * Tree data of the Coded Excerpts view. Grouped by code (codebook hierarchy, own counts, colour,
 * then sources, then excerpts), by source (sources, then excerpts in file order) or by coder
 * (coders, then sources, then excerpts); narrowed by a coder and a code group. Excerpts show their
 * text without the speaker label, shortened, then speaker and coder; selecting one runs
 * `markdownQda.openExcerpt`; their context menu has the excerpt actions (open, uncode, memo, quote). Refreshes
 * whenever the index changes; when one transcript changed, only its excerpts are regrouped. While
 * "Show Only My Codings" is on, only the coder's own codings are listed.
 */
export class ExcerptTreeProvider implements vscode.TreeDataProvider<ExcerptTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExcerptTreeNode | ExcerptTreeNode[] | undefined>();
  /**
   * The code nodes handed to the view, one object per code id, kept across changes: VS Code
   * refreshes a node by the object it was given, and a refreshed node's row is resolved at once
   * in the extension host, without the view asking for the whole tree again.
   */
  private readonly codeNodesById = new Map<string, CodeNode>();
  private readonly subscriptions: vscode.Disposable[];
  private grouped: ExcerptsByCode = { roots: [], groups: new Map() };
  /** The by-source and by-coder groupings, made when first needed after a change. */
  private bySourceCache: { source: Source; excerpts: Excerpt[] }[] | null = null;
  private byCoderCache: CoderExcerpts[] | null = null;
  private workspace: Workspace | undefined;
  private root = '';
  private currentGrouping: ExcerptGrouping = 'code';
  private currentFilter: ExcerptFilter = {};

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly index: WorkspaceIndex, private readonly blind: BlindMode) {
    if (index.current) this.update(index.current);
    this.subscriptions = [
      index.onDidChange((workspace) => this.update(workspace)),
      blind.onDidChange(() => {
        // Other codings shown or hidden: regroup everything.
        if (!index.current) return;
        this.workspace = blind.workspace(index.current);
        this.rebuild();
      }),
    ];
  }

  /** The top-level grouping (default `code`). */
  get grouping(): ExcerptGrouping {
    return this.currentGrouping;
  }

  /** The coder and group the tree is narrowed to (default: none). */
  get filter(): ExcerptFilter {
    return { ...this.currentFilter };
  }

  /** What the view's description shows: the grouping and the filters, e.g. `by coder · pg · tensions`. */
  get description(): string {
    const parts = [`by ${this.currentGrouping}`];
    if (this.currentFilter.coder !== undefined) parts.push(`coder ${this.currentFilter.coder || '(none)'}`);
    if (this.currentFilter.group !== undefined) parts.push(`group ${this.currentFilter.group}`);
    const blindCoder = this.blind.coder;
    if (blindCoder !== undefined) parts.push(`only ${blindCoder}'s codings`);
    return parts.join(' · ');
  }

  /** Regroups the tree. */
  setGrouping(grouping: ExcerptGrouping): void {
    this.currentGrouping = grouping;
    this.rebuild();
  }

  /** Narrows the tree; `undefined` fields show everything. */
  setFilter(filter: ExcerptFilter): void {
    this.currentFilter = { ...filter };
    this.rebuild();
  }

  getChildren(node?: ExcerptTreeNode): ExcerptTreeNode[] {
    if (!node) {
      if (this.currentGrouping === 'source') {
        return this.bySource.map(({ source, excerpts }): ExcerptTreeNode => ({ kind: 'source', scope: 'source', source, excerpts }));
      }
      if (this.currentGrouping === 'coder') return this.byCoder.map((coder): ExcerptTreeNode => ({ kind: 'coder', coder }));
      return this.codeNodes(this.rootCodes());
    }
    if (node.kind === 'code') {
      const sources = node.group.sources.map(({ source, excerpts }): ExcerptTreeNode =>
        ({ kind: 'source', scope: `code:${node.group.id}`, codeId: node.group.id, source, excerpts }));
      return [...this.codeNodes(node.group.children), ...sources];
    }
    if (node.kind === 'coder') {
      return node.coder.sources.map(({ source, excerpts }): ExcerptTreeNode =>
        ({ kind: 'source', scope: `coder:${node.coder.coder ?? ''}`, source, excerpts }));
    }
    if (node.kind === 'source') {
      return node.excerpts.map((excerpt): ExcerptTreeNode => ({ kind: 'excerpt', scope: node.scope, codeId: node.codeId, source: node.source, excerpt }));
    }
    return [];
  }

  /** The node above `node` (so the view can reveal an excerpt), or undefined for a top-level node. */
  getParent(node: ExcerptTreeNode): ExcerptTreeNode | undefined {
    if (node.kind === 'code') {
      const parent = node.group.code?.parent;
      const group = parent ? this.grouped.groups.get(parent) : undefined;
      return group ? this.codeNode(group) : undefined;
    }
    if (node.kind === 'coder') return undefined;
    const scope = node.scope;
    let entries: { source: Source; excerpts: Excerpt[] }[] | undefined;
    let above: ExcerptTreeNode | undefined;
    if (scope.startsWith('code:')) {
      const group = this.grouped.groups.get(scope.slice('code:'.length));
      if (group) {
        entries = group.sources;
        above = this.codeNode(group);
      }
    } else if (scope.startsWith('coder:')) {
      const name = scope.slice('coder:'.length);
      const coder = this.byCoder.find((candidate) => (candidate.coder ?? '') === name);
      if (coder) {
        entries = coder.sources;
        above = { kind: 'coder', coder };
      }
    } else entries = this.bySource;
    if (node.kind === 'source') return above;
    const entry = entries?.find(({ source }) => source === node.source);
    return entry ? { kind: 'source', scope, codeId: node.codeId, source: entry.source, excerpts: entry.excerpts } : undefined;
  }

  getTreeItem(node: ExcerptTreeNode): vscode.TreeItem {
    if (node.kind === 'code') return codeItem(node.group);
    if (node.kind === 'coder') return coderItem(node.coder);
    if (node.kind === 'source') return sourceItem(node.scope, node.source, this.uriOf(node.source), node.excerpts.length);
    return this.excerptItem(node.scope, node.source, node.excerpt);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private update(indexed: Workspace): void {
    const workspace = this.blind.workspace(indexed);
    const previous = this.workspace;
    this.workspace = workspace;
    this.root = workspace.root;
    const paths = this.index.changedPaths;
    if (previous && paths && previous.codebook === workspace.codebook) {
      // One transcript changed (an edit): regroup its excerpts only, not the whole workspace.
      const changedPaths = new Set(paths);
      const present = [...changedPaths].flatMap((path) => {
        const source = this.index.sourceAt(path);
        return source ? [this.blind.source(source)] : [];
      }).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const changed = filterSources(present, workspace.codebook, this.currentFilter);
      const before = this.grouped;
      this.grouped = regroupExcerptsByCode(before, workspace.codebook, changedPaths, changed);
      this.bySourceCache = null;
      this.byCoderCache = null;
      const nodes = this.changedCodeNodes(before, this.grouped);
      if (!nodes) this.changed.fire(undefined);
      else if (nodes.length > 0) this.changed.fire(nodes);
      return;
    }
    this.rebuild();
  }

  private rebuild(): void {
    const workspace = this.workspace;
    if (workspace) {
      this.grouped = groupExcerptsByCode(workspace.codebook, this.filtered());
      this.bySourceCache = null;
      this.byCoderCache = null;
    }
    this.changed.fire(undefined);
  }

  private filtered(): Source[] {
    return this.workspace ? filterSources(this.workspace.sources, this.workspace.codebook, this.currentFilter) : [];
  }

  private get bySource(): { source: Source; excerpts: Excerpt[] }[] {
    this.bySourceCache ??= groupExcerptsBySource(this.filtered());
    return this.bySourceCache;
  }

  private get byCoder(): CoderExcerpts[] {
    this.byCoderCache ??= groupExcerptsByCoder(this.filtered());
    return this.byCoderCache;
  }

  /** Top-level codes; with a group filter, only those of the group. */
  private rootCodes(): string[] {
    const group = this.currentFilter.group;
    const codebook = this.workspace?.codebook;
    if (group === undefined || !codebook) return this.grouped.roots;
    return this.grouped.roots.filter((id) => groupOf(codebook, id) === group);
  }

  private codeNodes(ids: readonly string[]): ExcerptTreeNode[] {
    return ids.flatMap((id) => {
      const group = this.grouped.groups.get(id);
      return group ? [this.codeNode(group)] : [];
    });
  }

  /** The node of a code: the object given to the view before, showing the group now. */
  private codeNode(group: CodeGroup): CodeNode {
    const node = this.codeNodesById.get(group.id);
    if (node) {
      node.group = group;
      return node;
    }
    const created: CodeNode = { kind: 'code', group };
    this.codeNodesById.set(group.id, created);
    return created;
  }

  /**
   * After a regrouping, the code nodes to refresh: those whose group changed (a changed
   * transcript left or joined it), or undefined when the whole tree must be read again (grouped
   * otherwise than by code, or a code appeared or went: the rows around it change).
   */
  private changedCodeNodes(before: ExcerptsByCode, after: ExcerptsByCode): ExcerptTreeNode[] | undefined {
    if (this.currentGrouping !== 'code') return undefined;
    if (before.roots.length !== after.roots.length || before.roots.some((id, at) => after.roots[at] !== id)) return undefined;
    if (before.groups.size !== after.groups.size) return undefined;
    const nodes: ExcerptTreeNode[] = [];
    for (const [id, group] of after.groups) {
      const previous = before.groups.get(id);
      if (!previous) return undefined;
      if (previous === group) continue;
      // A code whose rows gain or lose their children shows (or loses) its expander: read again.
      if ((previous.sources.length === 0) !== (group.sources.length === 0)) return undefined;
      nodes.push(this.codeNode(group));
    }
    return nodes;
  }

  private uriOf(source: Source): vscode.Uri {
    return vscode.Uri.joinPath(vscode.Uri.file(this.root), ...source.path.split('/'));
  }

  private excerptItem(scope: string, source: Source, excerpt: Excerpt): vscode.TreeItem {
    const item = new vscode.TreeItem(excerptLabel(excerpt, labelLength), vscode.TreeItemCollapsibleState.None);
    item.id = `${scope}/source:${source.path}/excerpt:${excerpt.start}-${excerpt.end}:${excerpt.codes.join('.')}:${excerpt.coder ?? ''}`;
    const codes = scope.startsWith('code:') ? [] : [excerpt.codes.join(' ')];
    const coder = scope.startsWith('coder:') ? null : excerpt.coder && `by ${excerpt.coder}`;
    item.description = [...codes, excerpt.speaker, coder].filter(Boolean).join(' · ');
    item.tooltip = excerptTooltip(source, excerpt);
    item.iconPath = new vscode.ThemeIcon(excerpt.exemplar ? 'star-full' : 'quote');
    item.contextValue = 'excerpt';
    item.command = { command: commandIds.openExcerpt, title: 'Open Excerpt', arguments: [excerptTargetOf(this.uriOf(source), excerpt)] };
    return item;
  }
}

function coderItem(coder: CoderExcerpts): vscode.TreeItem {
  const item = new vscode.TreeItem(coder.coder ?? '(no coder)', vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `coder:${coder.coder ?? ''}`;
  item.description = String(coder.count);
  item.tooltip = coder.coder ? `Excerpts coded by ${coder.coder}` : 'Excerpts written without by=';
  item.iconPath = new vscode.ThemeIcon('person');
  item.contextValue = 'coder';
  return item;
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

function sourceItem(scope: string, source: Source, uri: vscode.Uri, count: number): vscode.TreeItem {
  const title = typeof source.attributes.title === 'string' ? source.attributes.title : undefined;
  const item = new vscode.TreeItem(source.id, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `${scope}/source:${source.path}`;
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

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
