import * as vscode from 'vscode';
import { PanelHost } from './panelHost';
import { buildTable } from '../../core/analysis/tables/buildTable';
import { cellExcerpts, type CellAddress, type CellExcerpts } from '../../core/analysis/tables/cellExcerpts';
import { filterChoices } from '../../core/analysis/tables/filterChoices';
import { TABLE_NAMES, type Table } from '../../core/analysis/tables/table';
import type { TableOptions } from '../../core/analysis/tables/tableOptions';
import { renderCsv } from '../../core/render/renderCsv';
import { renderHtml } from '../../core/render/renderHtml';
import { renderMarkdown } from '../../core/render/renderMarkdown';
import type { Workspace } from '../../node/loadWorkspace';
import {
  cleanRequest,
  EVERY_CODE,
  isSummaryRequest,
  isWebviewMessage,
  type ExportFormat,
  type HostMessage,
  type SummaryRequest,
  type TableChoice,
  type WebviewMessage,
} from '../../webview/protocol';
import { openExcerpt } from '../commands/openExcerpt';
import type { BlindMode } from '../blindMode';
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

/**
 * The table options of a panel request. The co-occurrence matrix shows code groups against code
 * groups unless rows, columns or a group are chosen: one row and column per code is a sheet far
 * wider than a panel.
 */
export function tableOptionsOf(request: SummaryRequest): TableOptions {
  const options: TableOptions = {};
  if (takesBy.has(request.table) && request.by) options.by = request.by;
  if (request.coder) options.coders = [request.coder];
  if (request.group) options.group = request.group;
  if (request.where) options.where = [request.where];
  if (request.asOf) options.asOf = request.asOf;
  if (request.table === 'cooccurrence') {
    if (request.rows === undefined && request.cols === undefined && !request.group) options.byGroup = true;
    if (request.rows && request.rows !== EVERY_CODE) options.rows = request.rows;
    if (request.cols && request.cols !== EVERY_CODE) options.cols = request.cols;
  }
  return options;
}

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
  private readonly host: PanelHost<HostMessage, WebviewMessage>;
  private request: SummaryRequest = { table: 'frequencies' };
  private table: Table | null = null;
  private drilled: { items: CellExcerpts['items']; root: string } | null = null;
  private readonly subscription: vscode.Disposable;

  /** Fires for every valid message the page posts (`didLoad`, `didRender`, …), once handled. */
  get onDidReceiveMessage(): vscode.Event<WebviewMessage> {
    return this.host.onDidReceiveMessage;
  }

  /**
   * `blind`, when given: while "Show Only My Codings" is on, the tables count (and the drill-down
   * lists) only the coder's own codings, as every other view does.
   */
  constructor(
    extensionUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
    private readonly blind?: BlindMode,
  ) {
    this.host = new PanelHost(extensionUri, {
      viewType: summaryViewType,
      isMessage: isWebviewMessage,
      page: { script: 'summary', style: 'summary', title: 'Markdown QDA Summary', loading: 'Building the table…' },
    }, { receive: (message) => this.receive(message) });
    const rebuild = (workspace: Workspace | undefined) => {
      if (this.host.panel && workspace) this.post(this.build(this.blind ? this.blind.workspace(workspace) : workspace));
    };
    this.subscription = vscode.Disposable.from(
      index.onDidChange(rebuild),
      ...(blind ? [blind.onDidChange(() => rebuild(this.index.current))] : []),
    );
  }

  /** The workspace as the panel counts it: only the coder's codings while blind. */
  private async shownWorkspace(): Promise<Workspace> {
    const workspace = this.index.current ?? (await this.index.reload());
    return this.blind ? this.blind.workspace(workspace) : workspace;
  }

  /** The panel's webview, while it is open. */
  get webview(): vscode.Webview | undefined {
    return this.host.panel?.webview;
  }

  /** The table the panel shows now (null before the first or after a failed build). */
  get shownTable(): Table | null {
    return this.table;
  }

  /** The request shown now. */
  get shown(): SummaryRequest {
    return { ...this.request };
  }

  /** Opens (or reveals) the panel and shows the table asked for (default: the one shown last). */
  async show(request: SummaryRequest = this.request): Promise<void> {
    this.request = cleanRequest(request);
    this.host.open('Markdown QDA Summary', vscode.ViewColumn.Active);
    if (this.host.loaded) this.post(this.build(await this.shownWorkspace()));
  }

  /**
   * Takes back a panel VS Code restored after a window reload (its webview serializer), showing
   * the table the page last showed (`state`, as the page saved it; anything else: the default).
   */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    if (isSummaryRequest(state) && TABLE_NAMES.includes(state.table as never)) this.request = cleanRequest(state);
    this.host.restore(panel);
  }

  /**
   * Writes the table shown in `format` to `target`, or to a file chosen in a save dialog.
   * Resolves to the file written, or undefined when cancelled or there is no table.
   */
  async exportTable(format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const table = this.table ?? this.build(await this.shownWorkspace()).table;
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
    const shown = vscode.workspace.asRelativePath(uri);
    this.post({ type: 'didExport', format, path: shown });
    void vscode.window.showInformationMessage(`Markdown QDA: exported the ${table.title.toLowerCase()} to ${shown}.`, 'Open').then(async (choice) => {
      if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', uri);
    });
    return uri;
  }

  /**
   * Lists in the panel the excerpts behind a cell (or one quote of it) of the table shown, from
   * the references the table's query put in the cell. Resolves to the list, or undefined when the
   * cell has none (the page then says so).
   */
  async drillDown(address: CellAddress): Promise<CellExcerpts | undefined> {
    const workspace = await this.shownWorkspace();
    const table = this.table ?? this.build(workspace).table;
    const found = table ? cellExcerpts(table, workspace.sources, address) : null;
    this.drilled = found ? { items: found.items, root: workspace.root } : null;
    const title = found
      ? `${found.rowLabel} × ${found.columnLabel}${address.quote === undefined ? `: ${found.cellText}` : ' (quote)'}`
      : 'No excerpts behind this cell';
    this.post({ type: 'didDrillDown', title, count: found?.count ?? null, items: found?.items ?? [], missing: found?.missing ?? 0 });
    return found ?? undefined;
  }

  /** Opens entry `index` of the drill-down list beside the panel, the excerpt selected. */
  async openDrilled(index: number): Promise<vscode.TextEditor | undefined> {
    const item = this.drilled?.items[index];
    if (!this.drilled || !item) return undefined;
    const uri = vscode.Uri.joinPath(vscode.Uri.file(this.drilled.root), ...item.path.split('/'));
    return openExcerpt({ uri, start: item.fileStart, end: item.fileEnd, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    this.subscription.dispose();
    this.host.dispose();
  }

  private async receive(message: WebviewMessage): Promise<void> {
    if (message.type === 'didLoad') {
      this.host.loaded = true;
      this.post(this.build(await this.shownWorkspace()));
    } else if (message.type === 'didChooseTable') {
      this.request = cleanRequest(message.request);
      this.post(this.build(await this.shownWorkspace()));
    } else if (message.type === 'didClickExport') {
      await this.exportTable(message.format);
    } else if (message.type === 'didClickCell') {
      await this.drillDown({ row: message.row, column: message.column, ...(message.quote === undefined ? {} : { quote: message.quote }) });
    } else if (message.type === 'didClickExcerpt') {
      await this.openDrilled(message.index);
    }
  }

  /** Builds the table asked for over `workspace` (as {@link shownWorkspace} gives it). */
  private build(workspace: Workspace): Extract<HostMessage, { type: 'didBuildTable' }> {
    const tables = tableChoices();
    const attributes = new Set<string>();
    for (const source of workspace.sources) {
      for (const [key, value] of Object.entries(source.attributes)) if (key !== 'title' && value !== null && typeof value !== 'object') attributes.add(key);
      if (source.turns.length > 0) attributes.add('speaker');
    }
    const request = cleanRequest({ ...this.request, by: takesBy.has(this.request.table) ? this.request.by : undefined });
    const result = workspace.sources.length > 0
      ? buildTable(request.table, workspace.sources, workspace.codebook, tableOptionsOf(request))
      : { table: null, problems: [{ severity: 'error' as const, ruleId: 'empty-corpus', message: 'No coded transcripts in this workspace yet.' }] };
    this.table = result.table;
    this.drilled = null;
    return {
      type: 'didBuildTable',
      request,
      table: result.table,
      problems: result.problems.map((problem) => `${problem.severity}: ${problem.message}`),
      tables,
      attributes: [...attributes].sort(),
      filters: filterChoices(workspace.sources, workspace.codebook),
      notice: this.blind?.coder === undefined ? null : `Show Only My Codings is on: the tables count ${this.blind.coder}'s codings only.`,
    };
  }

  private post(message: HostMessage): void {
    this.host.post(message);
  }
}
