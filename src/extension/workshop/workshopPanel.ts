import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderWorkshopCsv } from '../../core/analysis/workshop/renderWorkshopCsv';
import { renderWorkshopMarkdown } from '../../core/analysis/workshop/renderWorkshopMarkdown';
import type { Diagnostic } from '../../core/model/diagnostic';
import { isWorkshopPageState, isWorkshopWebviewMessage, type WorkshopExportFormat, type WorkshopHostMessage, type WorkshopWebviewMessage } from '../../webview/workshop/protocol';
import { PanelHost } from '../views/panelHost';
import type { WorkspaceIndex } from '../workspaceIndex';
import { readWorkshopFile, type WorkshopFile } from './readWorkshopFile';
import { WORKSHOP_DEBOUNCE_MS } from './workshopDiagnostics';

/** View type of the Workshop panel. */
export const workshopViewType = 'markdownQda.workshop';

function problemLine(diagnostic: Diagnostic): string {
  return `${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.ruleId}]`;
}

/** The panel's title for the workshop file `uri`. */
function titleOf(uri: vscode.Uri): string {
  return `Workshop: ${path.basename(uri.fsPath)}`;
}

/**
 * The Workshop panel (host side): the tally of one workshop file (votes, inner and outer circle,
 * rank, the decisions recorded in the codebook history), computed by the core as
 * `mdqda workshop` computes it, from the editor's text while the file is open. It updates as the
 * file is typed, saved or changed on disk and when the codebook changes; exports the tally as
 * Markdown or CSV through the core's renderers.
 */
export class WorkshopPanel implements vscode.Disposable {
  private readonly host: PanelHost<WorkshopHostMessage, WorkshopWebviewMessage>;
  private file: vscode.Uri | undefined;
  private watcher: vscode.Disposable | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: WorkshopFile | undefined;
  private readonly subscriptions: vscode.Disposable[];

  /** Fires for every valid message the page posts (`didLoad`, `didRender`, …), once handled. */
  get onDidReceiveMessage(): vscode.Event<WorkshopWebviewMessage> {
    return this.host.onDidReceiveMessage;
  }

  constructor(extensionUri: vscode.Uri, private readonly index: WorkspaceIndex) {
    this.host = new PanelHost(extensionUri, {
      viewType: workshopViewType,
      isMessage: isWorkshopWebviewMessage,
      page: { script: 'workshop', style: 'workshop', title: 'Markdown QDA Workshop', loading: 'Tallying the workshop…' },
    }, { receive: (message) => this.receive(message) });
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.file?.toString()) this.schedule();
      }),
      index.onDidChange(() => this.schedule()),
    ];
  }

  /** The workshop file shown, while the panel is open. */
  get shown(): vscode.Uri | undefined {
    return this.host.panel ? this.file : undefined;
  }

  /** The last tally computed (with the file's diagnostics). */
  get current(): WorkshopFile | undefined {
    return this.latest;
  }

  /** Opens (or reveals) the panel on the workshop file `uri`. */
  async show(uri: vscode.Uri): Promise<void> {
    this.follow(uri);
    this.host.open(titleOf(uri), vscode.ViewColumn.Beside);
    if (this.host.loaded) await this.refresh();
  }

  /**
   * Takes back a panel VS Code restored after a window reload (its webview serializer), on the
   * workshop file the page last showed (`state`, as the page saved it). With no valid saved file
   * (the page never showed a tally) the page says how to show one.
   */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const uri = isWorkshopPageState(state) ? vscode.Uri.parse(state.uri) : undefined;
    this.follow(uri);
    if (uri) panel.title = titleOf(uri);
    this.host.restore(panel);
  }

  /**
   * Writes the tally shown as Markdown or CSV to `target`, or to a file chosen in a save dialog.
   * Resolves to the file written, or undefined when cancelled or the file has errors.
   */
  async exportTally(format: WorkshopExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const tally = (this.latest ?? (this.file && (await readWorkshopFile(this.file, this.index))))?.tally;
    if (!tally || !this.file) {
      void vscode.window.showErrorMessage('Markdown QDA: the workshop file has errors; fix them before exporting the tally.');
      return undefined;
    }
    const extension = format === 'csv' ? 'csv' : 'md';
    const uri = target ?? (await vscode.window.showSaveDialog({
      title: `Export the workshop tally as ${format === 'csv' ? 'CSV' : 'Markdown'}`,
      defaultUri: this.file.with({ path: this.file.path.replace(/\.ya?ml$/i, `-tally.${extension}`) }),
      filters: { [format === 'csv' ? 'CSV' : 'Markdown']: [extension] },
    }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(format === 'csv' ? renderWorkshopCsv(tally) : renderWorkshopMarkdown(tally)));
    this.host.post({ type: 'didExport', format, path: vscode.workspace.asRelativePath(uri) });
    return uri;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watcher?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.host.dispose();
  }

  /** Reads and tallies the file again and posts the result to the page. */
  async refresh(): Promise<void> {
    const file = this.file;
    if (!this.host.panel) return;
    if (!file) {
      this.host.post({ type: 'didFindNoFile' });
      return;
    }
    let message: WorkshopHostMessage;
    try {
      const read = await readWorkshopFile(file, this.index);
      if (file !== this.file) return;
      this.latest = read;
      message = { type: 'didTally', file: read.path, uri: file.toString(), tally: read.tally, problems: read.diagnostics.map(problemLine) };
    } catch (error) {
      this.latest = undefined;
      message = { type: 'didTally', file: file.fsPath, uri: file.toString(), tally: null, problems: [`cannot read the file (${error instanceof Error ? error.message : String(error)})`] };
    }
    this.host.post(message);
  }

  /** Makes `uri` the file shown, followed on disk (nothing changes when it is already; undefined: none). */
  private follow(uri: vscode.Uri | undefined): void {
    if (this.file?.toString() === uri?.toString()) return;
    this.file = uri;
    this.latest = undefined;
    this.watcher?.dispose();
    this.watcher = uri && this.watch(uri);
  }

  private schedule(): void {
    if (!this.host.panel || !this.host.loaded) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, WORKSHOP_DEBOUNCE_MS);
  }

  /** Follows the file on disk (saved from elsewhere, replaced by git) until disposed. */
  private watch(uri: vscode.Uri): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(uri.fsPath)), path.basename(uri.fsPath)));
    return vscode.Disposable.from(watcher, watcher.onDidChange(() => this.schedule()), watcher.onDidCreate(() => this.schedule()), watcher.onDidDelete(() => this.schedule()));
  }

  private async receive(message: WorkshopWebviewMessage): Promise<void> {
    if (message.type === 'didLoad') {
      this.host.loaded = true;
      await this.refresh();
    } else if (message.type === 'didClickExport') {
      await this.exportTally(message.format);
    } else if (message.type === 'didClickOpenFile' && this.file) {
      await vscode.window.showTextDocument(this.file, { viewColumn: vscode.ViewColumn.One });
    }
  }
}
