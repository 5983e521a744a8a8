import * as vscode from 'vscode';
import { showPage } from './panelPage';
import { buildTable } from '../../core/analysis/tables/buildTable';
import { TABLE_NAMES, type Table } from '../../core/analysis/tables/table';
import { renderCsv } from '../../core/render/renderCsv';
import { renderHtml } from '../../core/render/renderHtml';
import { renderMarkdown } from '../../core/render/renderMarkdown';
import type { Workspace } from '../../node/loadWorkspace';
import { isWebviewMessage, type ExportFormat, type HostMessage, type SummaryRequest, type TableChoice, type WebviewMessage } from '../../webview/protocol';
import type { WorkspaceIndex } from '../workspaceIndex';

/** View type of the Summary panel. */
export const summaryViewType = 'markdownQda.summary';

const tableLabels: Record<string, string> = {
  tensions: 'Tension summary',
  frequencies: 'Code frequencies',
  sources: 'Code × source matrix',
  cooccurrence: 'Co-occurrence matrix',
  facilitators: 'Facilitators by level',
  impact: 'Impact grid',
  coders: 'Step 1: per coder',
  speakers: 'Speakers',
  words: 'Word frequencies',
};

/** Tables whose columns can be a source attribute (`--by`). */
const takesBy = new Set(['tensions', 'sources']);

/** The tables the panel offers, in the core's order, with their labels. */
export function tableChoices(): TableChoice[] {
  return TABLE_NAMES.map((name) => ({ name, label: tableLabels[name] ?? name, takesBy: takesBy.has(name) }));
}

const extensions: Record<ExportFormat, { extension: string; filter: string }> = {
  md: { extension: 'md', filter: 'Markdown' },
  csv: { extension: 'csv', filter: 'CSV' },
  html: { extension: 'html', filter: 'HTML' },
};

/**
 * The Summary panel (host side): one webview showing a table of SPEC §5, built by the core from
 * the index, rebuilt when the index changes. The page (`src/webview/main.ts`) renders it and asks
 * for other tables and exports through the messages of `src/webview/protocol.ts`. Strict CSP: no
 * default source, the script only by nonce, styles and script only from `media/`.
 */
export class SummaryPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private request: SummaryRequest = { table: 'frequencies' };
  private table: Table | null = null;
  private loaded = false;
  private readonly received = new vscode.EventEmitter<WebviewMessage>();
  private readonly subscription: vscode.Disposable;

  /** Fires for every valid message the page posts (`didLoad`, `didRender`, …). */
  readonly onDidReceiveMessage = this.received.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
  ) {
    this.subscription = index.onDidChange((workspace) => {
      if (this.panel) this.post(this.build(workspace));
    });
  }

  /** The panel's webview, while it is open. */
  get webview(): vscode.Webview | undefined {
    return this.panel?.webview;
  }

  /** The request shown now. */
  get shown(): SummaryRequest {
    return { ...this.request };
  }

  /** Opens (or reveals) the panel and shows the table asked for (default: the one shown last). */
  async show(request: SummaryRequest = this.request): Promise<void> {
    this.request = { ...request };
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'media');
      this.attach(vscode.window.createWebviewPanel(summaryViewType, 'Markdown QDA Summary', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [media],
        retainContextWhenHidden: false,
      }));
    } else {
      this.panel.reveal();
    }
    if (this.loaded) this.post(this.build(this.index.current ?? (await this.index.reload())));
  }

  /**
   * Takes back a panel VS Code restored after a window reload (its webview serializer), showing
   * the table the page last showed (`state`, as the page saved it; anything else: the default).
   */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = state as Partial<SummaryRequest> | null | undefined;
    if (saved && typeof saved.table === 'string' && TABLE_NAMES.includes(saved.table as never)) {
      this.request = { table: saved.table, ...(typeof saved.by === 'string' ? { by: saved.by } : {}) };
    }
    if (this.panel && this.panel !== panel) this.panel.dispose();
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
    this.attach(panel);
  }

  /** Makes `panel` the Summary panel: icon, page, messages. */
  private attach(panel: vscode.WebviewPanel): void {
    this.loaded = false;
    this.panel = panel;
    showPage(panel, this.extensionUri, { script: 'summary', style: 'summary', title: 'Markdown QDA Summary', loading: 'Building the table…' }, {
      receive: (message) => this.receive(message),
      disposed: () => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.loaded = false;
      },
    });
  }

  /**
   * Writes the table shown in `format` to `target`, or to a file chosen in a save dialog.
   * Resolves to the file written, or undefined when cancelled or there is no table.
   */
  async exportTable(format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const table = this.table ?? this.build(this.index.current ?? (await this.index.reload())).table;
    if (!table) {
      void vscode.window.showErrorMessage('Markdown QDA: there is no table to export.');
      return undefined;
    }
    const { extension, filter } = extensions[format];
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = target ?? (await vscode.window.showSaveDialog({
      title: `Export the ${table.title.toLowerCase()} as ${filter}`,
      defaultUri: folder ? vscode.Uri.joinPath(folder, `summary-${table.name}.${extension}`) : undefined,
      filters: { [filter]: [extension] },
    }));
    if (!uri) return undefined;
    const text = format === 'csv' ? renderCsv(table) : format === 'html' ? renderHtml(table) : renderMarkdown(table);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    this.post({ type: 'didExport', format, path: vscode.workspace.asRelativePath(uri) });
    return uri;
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
    this.received.dispose();
  }

  private async receive(message: unknown): Promise<void> {
    if (!isWebviewMessage(message)) return;
    if (message.type === 'didLoad') {
      this.loaded = true;
      this.post(this.build(this.index.current ?? (await this.index.reload())));
    } else if (message.type === 'didChooseTable') {
      this.request = message.request;
      this.post(this.build(this.index.current ?? (await this.index.reload())));
    } else if (message.type === 'didClickExport') {
      await this.exportTable(message.format);
    }
    this.received.fire(message);
  }

  private build(workspace: Workspace): Extract<HostMessage, { type: 'didBuildTable' }> {
    const tables = tableChoices();
    const attributes = new Set<string>();
    for (const source of workspace.sources) {
      for (const [key, value] of Object.entries(source.attributes)) if (key !== 'title' && value !== null && typeof value !== 'object') attributes.add(key);
      if (source.turns.length > 0) attributes.add('speaker');
    }
    const request: SummaryRequest = { table: this.request.table, ...(takesBy.has(this.request.table) && this.request.by ? { by: this.request.by } : {}) };
    const result = workspace.sources.length > 0
      ? buildTable(request.table, workspace.sources, workspace.codebook, { by: request.by })
      : { table: null, problems: [{ severity: 'error' as const, ruleId: 'empty-corpus', message: 'No coded transcripts in this workspace yet.' }] };
    this.table = result.table;
    return {
      type: 'didBuildTable',
      request,
      table: result.table,
      problems: result.problems.map((problem) => `${problem.severity}: ${problem.message}`),
      tables,
      attributes: [...attributes].sort(),
    };
  }

  private post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }
}
