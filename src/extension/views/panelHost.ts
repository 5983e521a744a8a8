import * as vscode from 'vscode';
import { showPage, type WebviewPage } from './panelPage';

/**
 * What a panel of one kind is: its view type, its page, the check of the messages its page posts
 * (any other is dropped), and whether it keeps its page while hidden (default: no).
 */
export interface PanelKind<PageMessage> {
  viewType: string;
  page: WebviewPage;
  isMessage: (value: unknown) => value is PageMessage;
  retainContextWhenHidden?: boolean;
}

/**
 * Holds the one webview panel of a kind for the class that owns it: opens or reveals it, takes
 * back the panel VS Code restored after a window reload, shows the page in it (see
 * {@link showPage}), sends the page's valid messages to `receive`, and forgets the panel when
 * it closes (then calls `disposed`). `loaded` is false for each new page until its owner sets it,
 * when the page says it listens.
 */
export class PanelHost<HostMessage, PageMessage> implements vscode.Disposable {
  private current: vscode.WebviewPanel | undefined;
  private readonly received = new vscode.EventEmitter<PageMessage>();
  /** Whether the page of the open panel is running and listening (set by the owner). */
  loaded = false;

  /** Fires for every valid message the page posts, once `receive` has handled it (or failed to). */
  readonly onDidReceiveMessage = this.received.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly kind: PanelKind<PageMessage>,
    private readonly handlers: { receive: (message: PageMessage) => unknown; disposed?: () => void },
  ) {}

  /** The panel, while it is open. */
  get panel(): vscode.WebviewPanel | undefined {
    return this.current;
  }

  /** Opens the panel titled `title` in `column`, or reveals the open one with that title. */
  open(title: string, column: vscode.ViewColumn): void {
    if (this.current) {
      this.current.title = title;
      this.current.reveal();
      return;
    }
    this.attach(vscode.window.createWebviewPanel(this.kind.viewType, title, column, {
      ...this.webviewOptions(),
      retainContextWhenHidden: this.kind.retainContextWhenHidden ?? false,
    }));
  }

  /** Takes `panel`, which VS Code restored after a reload (a webview serializer), in place of any open one. */
  restore(panel: vscode.WebviewPanel): void {
    if (this.current && this.current !== panel) this.current.dispose();
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
  }

  /** Posts `message` to the page of the open panel (none: nothing). */
  post(message: HostMessage): void {
    void this.current?.webview.postMessage(message);
  }

  dispose(): void {
    this.current?.dispose();
    this.received.dispose();
  }

  /** Scripts on, resources only from the extension's `media/` folder. */
  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
  }

  private async receive(message: unknown): Promise<void> {
    if (!this.kind.isMessage(message)) return;
    try {
      await this.handlers.receive(message);
    } finally {
      this.received.fire(message);
    }
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.loaded = false;
    this.current = panel;
    showPage(panel, this.extensionUri, this.kind.page, {
      receive: (message) => this.receive(message),
      disposed: () => {
        if (this.current !== panel) return;
        this.current = undefined;
        this.loaded = false;
        this.handlers.disposed?.();
      },
    });
  }
}
