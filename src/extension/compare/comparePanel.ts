import * as vscode from 'vscode';
import { PanelHost } from '../views/panelHost';
import { describeComparison, type Comparison, type ComparisonDisagreement } from '../../core/analysis/agreement/describeComparison';
import { renderAgreementCsv } from '../../core/analysis/agreement/renderAgreementCsv';
import { renderAgreementMarkdown } from '../../core/analysis/agreement/renderAgreementMarkdown';
import type { Resolution } from '../../core/analysis/agreement/resolveDisagreement';
import { codeNamesOf, renderAgreementHtml } from '../../core/render/renderAgreementHtml';
import type { Workspace } from '../../node/loadWorkspace';
import { isCompareSelection, isCompareWebviewMessage, type CompareExportFormat, type CompareHostMessage, type CompareWebviewMessage } from '../../webview/compare/protocol';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { CompareCopiesOutcome } from '../../node/compareCopies';
import { computeSelection, readCopies, type CompareSelection, type ComputedComparison } from './compareSelection';
import { readConsensusCoder } from './consensusCoder';
import { DisagreementEditor } from './disagreementEditor';

/** View type of the Coder Comparison panel. */
export const compareViewType = 'markdownQda.compare';

const filters: Record<CompareExportFormat, string> = { md: 'Markdown', csv: 'CSV', html: 'HTML' };

/**
 * The Coder Comparison panel (host side): the comparison of SPEC §5.6 step 2 computed by the core
 * for the coders or copies chosen, recomputed whenever the index changes (so resolutions show at
 * once), rendered by `src/webview/compare/main.ts`. Clicking a disagreement opens its transcript
 * with the disputed text selected; a resolve action writes a consensus coding through the edit
 * engine. Strict CSP: no default source, the script only by nonce, styles and script from `media/`.
 */
export class ComparePanel implements vscode.Disposable {
  private readonly host: PanelHost<CompareHostMessage, CompareWebviewMessage>;
  private selection: CompareSelection | undefined;
  private computed: ComputedComparison | undefined;
  private comparison: Comparison | undefined;
  private building: Promise<void> = Promise.resolve();
  /** The copies read for the comparison shown (read again only when it is shown again), so typing does not re-read a folder or git. */
  private copies: { other: string; outcome: Promise<CompareCopiesOutcome> } | undefined;
  private readonly editor: DisagreementEditor;
  private readonly subscription: vscode.Disposable;

  /** Fires for every valid message the page posts (`didLoad`, `didRender`, …), once handled. */
  get onDidReceiveMessage(): vscode.Event<CompareWebviewMessage> {
    return this.host.onDidReceiveMessage;
  }

  constructor(
    extensionUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
    /** Asks the user what to compare (the command's pickers); resolves to undefined when cancelled. */
    private readonly choose: () => Promise<CompareSelection | undefined>,
  ) {
    this.editor = new DisagreementEditor(index);
    this.host = new PanelHost(extensionUri, {
      viewType: compareViewType,
      isMessage: isCompareWebviewMessage,
      page: { script: 'compare', style: 'compare', title: 'Coder Comparison', loading: 'Comparing the coders…' },
      retainContextWhenHidden: true,
    }, { receive: (message) => this.receive(message), disposed: () => this.editor.clear() });
    this.subscription = index.onDidChange(() => {
      if (this.host.panel && this.selection) void this.rebuild();
    });
  }

  /** The comparison shown now, with every disagreement and its resolution. */
  get current(): Comparison | undefined {
    return this.comparison;
  }

  /** Opens (or reveals) the panel comparing `selection`; resolves once it is computed. */
  async show(selection: CompareSelection): Promise<Comparison | undefined> {
    this.selection = selection;
    this.copies = undefined;
    this.host.open('Coder Comparison', vscode.ViewColumn.Active);
    await this.rebuild();
    return this.comparison;
  }

  /**
   * Takes back a panel VS Code restored after a window reload (its webview serializer) and
   * compares again what it compared (`state`, as the page saved it); with no valid saved choice,
   * the page offers to choose.
   */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = (state as { selection?: unknown } | null | undefined)?.selection;
    this.selection = isCompareSelection(saved) ? saved : undefined;
    this.host.restore(panel);
  }

  /** Opens the transcript of a disagreement with the disputed text selected and each coder's codings on hover. */
  async openDisagreement(key: string): Promise<vscode.TextEditor | undefined> {
    const item = this.find(key);
    if (!item) return undefined;
    return this.editor.open(item, this.besideColumn());
  }

  /**
   * Settles a disagreement by writing the consensus coding of `resolution` (one undoable edit in
   * the transcript's editor). Resolves to whether it was written; a refusal is shown to the user.
   */
  async resolve(key: string, resolution: Resolution): Promise<boolean> {
    const item = this.find(key);
    if (!item || !this.computed) return false;
    const source = this.computed.sources.find((candidate) => candidate.id === item.source);
    const outcome = await this.editor.resolve(item, source, resolution, readConsensusCoder(), this.besideColumn());
    this.status(outcome.message);
    if (!outcome.ok) void vscode.window.showErrorMessage(`Markdown QDA: ${outcome.message}`);
    return outcome.ok;
  }

  /** Writes the report in `format` to `target`, or to a file chosen in a save dialog; resolves to the file written. */
  async exportReport(format: CompareExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const computed = this.computed;
    const workspace = this.index.current;
    if (!computed || !workspace || !this.comparison) {
      void vscode.window.showErrorMessage('Markdown QDA: there is no comparison to export.');
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = target ?? (await vscode.window.showSaveDialog({
      title: `Export the coder comparison as ${filters[format]}`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, `agreement.${format}`) : undefined,
      filters: { [filters[format]]: [format] },
    }));
    if (!uri) return undefined;
    const notes = computed.title.startsWith('Copies') ? [computed.title] : [];
    const resolutions: Record<string, string> = {};
    for (const item of this.comparison.disagreements) {
      if (item.resolution) resolutions[item.key] = `${this.comparison.consensus}: ${[item.resolution.codes.join(', '), ...item.resolution.memos].join(' — ')}`;
    }
    const text = format === 'csv'
      ? renderAgreementCsv(computed.report)
      : format === 'html'
        ? renderAgreementHtml(computed.report, { notes, codeNames: codeNamesOf(workspace.codebook), resolutions })
        : renderAgreementMarkdown(computed.report, { notes }) + '\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    this.status(`Exported ${format.toUpperCase()} to ${vscode.workspace.asRelativePath(uri)}`);
    return uri;
  }

  dispose(): void {
    this.subscription.dispose();
    this.editor.dispose();
    this.host.dispose();
  }

  private find(key: string): ComparisonDisagreement | undefined {
    const item = this.comparison?.disagreements.find((candidate) => candidate.key === key);
    if (!item) void vscode.window.showErrorMessage('Markdown QDA: this disagreement is no longer in the comparison.');
    return item;
  }

  /** The editor column beside the panel, where transcripts open. */
  private besideColumn(): vscode.ViewColumn {
    return this.host.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  /** Recomputes the comparison (one at a time, in order) and posts it when the page listens. */
  private rebuild(): Promise<void> {
    this.building = this.building.then(async () => {
      const selection = this.selection;
      if (!selection) {
        this.post({ type: 'didBuildComparison', title: 'Coder comparison', selection: { kind: 'coders', coders: [] }, comparison: null, problems: ['Choose the coders or copies to compare.'] });
        return;
      }
      const workspace: Workspace = this.index.current ?? (await this.index.reload());
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '.';
      const consensus = readConsensusCoder();
      const copies = (other: string) => {
        if (this.copies?.other !== other) this.copies = { other, outcome: readCopies(other, folder) };
        return this.copies.outcome;
      };
      const computed = await computeSelection(selection, workspace, folder, consensus, copies).catch((error: unknown) => String(error));
      if (typeof computed === 'string') {
        this.computed = undefined;
        this.comparison = undefined;
        this.post({ type: 'didBuildComparison', title: 'Coder comparison', selection, comparison: null, problems: [computed] });
      } else {
        this.computed = computed;
        this.comparison = describeComparison(computed.report, computed.sources, workspace.codebook, consensus);
        this.post({ type: 'didBuildComparison', title: computed.title, selection, comparison: this.comparison, problems: [] });
      }
    });
    return this.building;
  }

  private async receive(message: CompareWebviewMessage): Promise<void> {
    if (message.type === 'didLoad') {
      this.host.loaded = true;
      await this.rebuild();
    } else if (message.type === 'didSelectDisagreement') {
      await this.openDisagreement(message.key);
    } else if (message.type === 'didClickResolve') {
      await this.resolve(message.key, message.resolution);
    } else if (message.type === 'didClickExport') {
      await this.exportReport(message.format);
    } else if (message.type === 'didClickChoose') {
      const selection = await this.choose();
      if (selection) await this.show(selection);
    }
  }

  private status(text: string): void {
    this.post({ type: 'didShowStatus', text });
  }

  private post(message: CompareHostMessage): void {
    if (this.host.loaded) this.host.post(message);
  }
}
