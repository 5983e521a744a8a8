import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../../core/render/renderHtml';

/** The page of a panel: its script (`media/webview/NAME.js`), style (`media/NAME.css`), title and the text shown while it loads. */
export interface WebviewPage {
  script: string;
  style: string;
  title: string;
  loading: string;
}

/**
 * The HTML of a panel's webview: a `#root` the script fills and a `#status` line. Strict CSP: no
 * default source, the script only by a fresh nonce (from `crypto`), styles, images and the
 * script only from the extension's `media/` folder; every interpolated string escaped.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString('base64');
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview', `${page.script}.js`)).toString();
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, `${page.style}.css`)).toString();
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
<div id="root"><p>${escapeHtml(page.loading)}</p></div>
<p id="status" role="status"></p>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(script)}"></script>
</body>
</html>`;
}

/**
 * Makes `panel` show `page`: the extension's icon, the HTML of {@link webviewHtml}, the page's
 * messages to `receive`, and `disposed` called once when the panel closes.
 */
export function showPage(
  panel: vscode.WebviewPanel,
  extensionUri: vscode.Uri,
  page: WebviewPage,
  handlers: { receive: (message: unknown) => unknown; disposed: () => void },
): void {
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
  panel.onDidDispose(handlers.disposed);
  panel.webview.onDidReceiveMessage(handlers.receive);
  panel.webview.html = webviewHtml(panel.webview, extensionUri, page);
}
