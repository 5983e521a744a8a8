import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../../core/render/renderHtml';

/** The page of a webview panel: its script and stylesheet under `media/`, its title and placeholder. */
export interface WebviewPage {
  /** Script path under `media/` (`webview/summary.js`). */
  script: string;
  /** Stylesheet path under `media/` (`summary.css`). */
  style: string;
  title: string;
  /** Text shown until the script has drawn the page. */
  placeholder: string;
}

/** Options of every webview panel of the extension: scripts on, resources only from `media/`. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')], retainContextWhenHidden: false };
}

/**
 * The HTML of a webview panel: strict CSP (no default source, the script only by a fresh nonce
 * from `crypto`, styles and images only from the webview's own source), a `#root` the script
 * fills and a `#status` live region. Every interpolated string is escaped.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString('base64');
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, ...page.script.split('/'))).toString();
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, ...page.style.split('/'))).toString();
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(style)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<div id="root"><p>${escapeHtml(page.placeholder)}</p></div>
<p id="status" role="status"></p>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(script)}"></script>
</body>
</html>`;
}

/**
 * Makes `panel` show `page`: the extension's icon, the page's HTML, every message it posts to
 * `receive` (unchecked: the receiver checks), and `closed` when the user closes it.
 */
export function attachPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, page: WebviewPage, receive: (message: unknown) => void, closed: () => void): void {
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
  panel.onDidDispose(closed);
  panel.webview.onDidReceiveMessage(receive);
  panel.webview.html = webviewHtml(panel.webview, extensionUri, page);
}
