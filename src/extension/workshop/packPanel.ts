import * as vscode from 'vscode';
import { codebookSteps } from '../../core/codebook/codebookAsOf';
import { buildPack, CURRENT_CODEBOOK, DEFAULT_PACK_GROUP, defaultPackStep, type PackOptions } from '../../core/analysis/workshop/buildPack';
import { renderPackHtml } from '../../core/analysis/workshop/renderPackHtml';
import type { PackResult } from '../../core/analysis/workshop/resourcePack';
import type { Workspace } from '../../node/loadWorkspace';
import { isPackChoice, isPackWebviewMessage, type PackChoice, type PackHostMessage, type PackWebviewMessage } from '../../webview/pack/protocol';
import { PanelHost } from '../views/panelHost';
import type { WorkspaceIndex } from '../workspaceIndex';

/** View type of the Resource Pack panel. */
export const packViewType = 'markdownQda.pack';

/** Name of the printable page written to the extension's storage for Print. */
const PRINT_FILE = 'resource-pack-print.html';

/**
 * The Resource Pack panel (host side): the step-3 workshop pack, one card per candidate code, built
 * by the core from the index as `mdqda pack` builds it (options as its flags), rebuilt when the
 * index changes. Export HTML writes the core's printable page (`mdqda pack --format html`) where
 * the user chooses and offers to open it; Print writes that page to the extension's own storage
 * and opens it in the browser, whose print dialog lays one card per page.
 */
export class PackPanel implements vscode.Disposable {
  private readonly host: PanelHost<PackHostMessage, PackWebviewMessage>;
  private options: PackOptions = {};
  private result: PackResult | undefined;
  private readonly subscription: vscode.Disposable;

  /** Fires for every valid message the page posts (`didLoad`, `didRender`, …), once handled. */
  get onDidReceiveMessage(): vscode.Event<PackWebviewMessage> {
    return this.host.onDidReceiveMessage;
  }

  /** Opens a written page outside VS Code (the default browser); replaceable for tests. */
  openExternally: (uri: vscode.Uri) => Thenable<boolean> = (uri) => vscode.env.openExternal(uri);

  constructor(
    extensionUri: vscode.Uri,
    private readonly storageUri: vscode.Uri,
    private readonly index: WorkspaceIndex,
  ) {
    this.host = new PanelHost(extensionUri, {
      viewType: packViewType,
      isMessage: isPackWebviewMessage,
      page: { script: 'pack', style: 'pack', title: 'Resource Pack', loading: 'Building the resource pack…' },
    }, { receive: (message) => this.receive(message) });
    this.subscription = index.onDidChange((workspace) => {
      if (this.host.panel && this.host.loaded) this.host.post(this.build(workspace));
    });
  }

  /** Whether the panel is open. */
  get visible(): boolean {
    return this.host.panel !== undefined;
  }

  /** The options of the pack shown (or asked for last): a copy. */
  get shown(): PackOptions {
    return { ...this.options };
  }

  /** Opens (or reveals) the panel with the pack of `options` (default: those shown last). */
  async show(options: PackOptions = this.options): Promise<void> {
    this.options = { ...options };
    this.host.open('Resource Pack', vscode.ViewColumn.Active);
    if (this.host.loaded) this.host.post(this.build(this.index.current ?? (await this.index.reload())));
  }

  /**
   * Writes the pack as the printable HTML page of `mdqda pack --format html` to `target`, or to a
   * file chosen in a save dialog, and says where with an Open action. Resolves to the file
   * written, or undefined when cancelled or there is no pack.
   */
  async exportHtml(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const html = await this.html();
    if (html === undefined) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = target ?? (await vscode.window.showSaveDialog({
      title: 'Export the resource pack as HTML',
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'resource-pack.html') : undefined,
      filters: { HTML: ['html'] },
    }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(html));
    const shown = vscode.workspace.asRelativePath(uri);
    this.host.post({ type: 'didExport', path: shown });
    void vscode.window.showInformationMessage(`Markdown QDA: exported the resource pack to ${shown}.`, 'Open').then((choice) => {
      if (choice === 'Open') void this.openExternally(uri);
    });
    return uri;
  }

  /** Writes the printable page to the extension's storage and opens it to print; resolves to it. */
  async print(): Promise<vscode.Uri | undefined> {
    const html = await this.html();
    if (html === undefined) return undefined;
    await vscode.workspace.fs.createDirectory(this.storageUri);
    const uri = vscode.Uri.joinPath(this.storageUri, PRINT_FILE);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(html));
    this.host.post({ type: 'didPrint', path: uri.fsPath });
    await this.openExternally(uri);
    return uri;
  }

  /**
   * Takes back a panel VS Code restored after a window reload (its webview serializer), showing
   * the pack of the group and step the page last showed (`state`, as the page saved it; anything
   * else: the default pack).
   */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    this.options = isPackChoice(state) ? { group: state.group, asOf: state.asOf } : {};
    this.host.restore(panel);
  }

  dispose(): void {
    this.subscription.dispose();
    this.host.dispose();
  }

  /** The core's printable page of the pack shown, or undefined (after saying why) when there is none. */
  private async html(): Promise<string | undefined> {
    if (!this.result) this.build(this.index.current ?? (await this.index.reload()));
    const result = this.result;
    if (!result?.pack) {
      void vscode.window.showErrorMessage(`Markdown QDA: there is no resource pack to write${result?.problems[0] ? `: ${result.problems[0].message}` : '.'}`);
      return undefined;
    }
    return renderPackHtml(result.pack);
  }

  private async receive(message: PackWebviewMessage): Promise<void> {
    if (message.type === 'didLoad') {
      this.host.loaded = true;
      this.host.post(this.build(this.index.current ?? (await this.index.reload())));
    } else if (message.type === 'didChoose') {
      this.options = { ...this.options, group: message.choice.group, asOf: message.choice.asOf };
      this.host.post(this.build(this.index.current ?? (await this.index.reload())));
    } else if (message.type === 'didClickPrint') {
      await this.print();
    } else if (message.type === 'didClickExport') {
      await this.exportHtml();
    }
  }

  private build(workspace: Workspace): Extract<PackHostMessage, { type: 'didBuildPack' }> {
    this.result = workspace.sources.length > 0
      ? buildPack(workspace.sources, workspace.codebook, this.options)
      : { pack: null, problems: [{ severity: 'error', ruleId: 'empty-corpus', message: 'No coded transcripts in this workspace yet.' }] };
    const codebook = workspace.codebook;
    const groups = [...new Set([...codebook.codes.values()].map((code) => code.group).filter((group): group is string => group !== null))].sort();
    const pack = this.result.pack;
    const choice: PackChoice = {
      group: pack?.group ?? this.options.group ?? DEFAULT_PACK_GROUP,
      asOf: pack ? (pack.step ?? CURRENT_CODEBOOK) : (this.options.asOf ?? defaultPackStep(codebook) ?? CURRENT_CODEBOOK),
    };
    return {
      type: 'didBuildPack',
      pack,
      problems: this.result.problems.map((problem) => `${problem.severity}: ${problem.message}`),
      choice,
      groups,
      steps: [...codebookSteps(codebook), CURRENT_CODEBOOK],
    };
  }
}
