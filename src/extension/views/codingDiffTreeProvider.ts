import * as vscode from 'vscode';
import type { CodingChange, TranscriptCodingDiff } from '../../core/merge/diffCodings';
import type { Source } from '../../core/model/source';
import { countOf } from '../../core/render/countOf';
import { describeCodingChange, plainTextChange } from '../../core/render/renderCodingDiff';
import { commandIds } from '../commandIds';
import type { ExcerptTarget } from '../commands/openExcerpt';

/** A node of the Coding Changes tree: a transcript with changes, or one change of it. */
export type CodingDiffNode = { kind: 'transcript'; diff: TranscriptCodingDiff } | { kind: 'change'; diff: TranscriptCodingDiff; change: CodingChange };

/** What the tree shows: the coding diff from a ref to the working tree of the repository at `root`. */
export interface CodingDiffShown {
  ref: string;
  root: vscode.Uri;
  diffs: TranscriptCodingDiff[];
  /** The working tree's sources, to find the excerpts the changes name. */
  after: Source[];
}

const icons: Record<CodingChange['kind'], string> = {
  added: 'diff-added',
  removed: 'diff-removed',
  recoded: 'tag',
  're-ranged': 'arrow-both',
  memo: 'note',
  exemplar: 'star-full',
  attributes: 'symbol-property',
};

/**
 * The Coding Changes view: per transcript, the excerpts added, removed,
 * recoded, re-ranged, memo, exemplar or attributes changed between a ref and
 * the working tree (the same diff as `mdqda diff`). Selecting a change opens
 * the transcript on the excerpt (a removed one: on the line it was on).
 */
export class CodingDiffTreeProvider implements vscode.TreeDataProvider<CodingDiffNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CodingDiffNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: CodingDiffShown | undefined;

  /** What the view shows now, if a comparison was made. */
  get shown(): CodingDiffShown | undefined {
    return this.current;
  }

  show(shown: CodingDiffShown): void {
    this.current = shown;
    this.changed.fire(undefined);
  }

  getChildren(node?: CodingDiffNode): CodingDiffNode[] {
    if (!this.current) return [];
    if (!node) return this.current.diffs.map((diff) => ({ kind: 'transcript', diff }));
    if (node.kind === 'transcript') return node.diff.changes.map((change) => ({ kind: 'change', diff: node.diff, change }));
    return [];
  }

  getTreeItem(node: CodingDiffNode): vscode.TreeItem {
    if (node.kind === 'transcript') {
      const { diff } = node;
      const item = new vscode.TreeItem(diff.path, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `transcript:${diff.path}`;
      const plain = plainTextChange(diff);
      item.description = [countOf(diff.changes.length, 'change'), diff.status === 'changed' ? null : `transcript ${diff.status}`, plain && 'plain text changed'].filter(Boolean).join(' · ');
      item.tooltip = plain ? `plain text changed: ${plain}` : undefined;
      item.iconPath = new vscode.ThemeIcon(plain || diff.status !== 'changed' ? 'warning' : 'file');
      item.contextValue = 'codingDiffTranscript';
      return item;
    }
    const { change, diff } = node;
    const item = new vscode.TreeItem(`${change.kind} ${change.codes.join(' ')}`, vscode.TreeItemCollapsibleState.None);
    item.id = `change:${diff.path}:${change.kind}:${change.coder ?? ''}:${change.start}-${change.end}:${change.codes.join('.')}`;
    item.description = [change.coder && `by ${change.coder}`, change.speaker, `line ${change.line}`].filter(Boolean).join(' · ');
    item.tooltip = describeCodingChange(change);
    item.iconPath = new vscode.ThemeIcon(icons[change.kind]);
    item.contextValue = 'codingDiffChange';
    item.command = this.openCommand(diff, change);
    return item;
  }

  /** Opens the excerpt in the working tree's transcript; a removed excerpt (or one not found) opens on its line. */
  private openCommand(diff: TranscriptCodingDiff, change: CodingChange): vscode.Command | undefined {
    if (!this.current) return undefined;
    const uri = vscode.Uri.joinPath(this.current.root, ...diff.path.split('/'));
    const source = change.kind === 'removed' ? undefined : this.current.after.find((candidate) => candidate.path === diff.path);
    const excerpt = source?.excerpts.find((candidate) => candidate.coder === change.coder && candidate.start === change.start && candidate.end === change.end);
    if (excerpt && excerpt.fragments.length > 0) {
      const target: ExcerptTarget = { uri, start: excerpt.fragments[0].range.startOffset, end: excerpt.fragments[excerpt.fragments.length - 1].range.endOffset };
      return { command: commandIds.openExcerpt, title: 'Open Excerpt', arguments: [target] };
    }
    if (diff.status === 'removed') return undefined;
    const line = new vscode.Range(change.line - 1, 0, change.line - 1, 0);
    return { command: 'vscode.open', title: 'Open Transcript', arguments: [uri, { selection: line, preview: true }] };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
