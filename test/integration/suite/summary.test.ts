import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import { getExtension, requestScreenshot, workspaceFolder } from './helpers';
import { nextMessage } from './summaryMessages';

describe('summary panel', () => {
  let api: MarkdownQdaApi;

  before(async () => {
    api = await getExtension().activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('renders the table the host posts in the webview, which reports back what it shows', async () => {
    const rendered = nextMessage(api, 'didRender');
    await vscode.commands.executeCommand(commandIds.showSummary, { table: 'sources', by: 'partnership' });
    const message = await rendered;
    assert.equal(message.table, 'sources');
    assert.equal(message.columns, 3, 'North East, Yorkshire & Humber and a total');
    assert.ok(message.rows >= 5, `rows: ${message.rows}`);
    assert.ok(message.heatCells > 0, 'the matrix is coloured as a heatmap');
    // Keeps a picture of the panel beside the runner's screenshot: out/integration/summary-panel.png.
    await requestScreenshot();
    const out = vscode.Uri.joinPath(getExtension().extensionUri, 'out', 'integration');
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(out, 'workbench.png'), vscode.Uri.joinPath(out, 'summary-panel.png'), { overwrite: true });
  });

  it('shows another table when asked again, in the same panel', async () => {
    const rendered = nextMessage(api, 'didRender', (message) => message.table === 'frequencies');
    await vscode.commands.executeCommand(commandIds.showSummary, { table: 'frequencies' });
    const message = await rendered;
    assert.equal(message.table, 'frequencies');
    assert.equal(message.heatCells, 0);
  });

  it('exports the table shown as CSV and as HTML with the text escaped', async () => {
    await vscode.commands.executeCommand(commandIds.showSummary, { table: 'sources', by: 'partnership' });
    const folder = workspaceFolder().uri;
    const csv = await api.summary.exportTable('csv', vscode.Uri.joinPath(folder, 'summary-test.csv'));
    const html = await api.summary.exportTable('html', vscode.Uri.joinPath(folder, 'summary-test.html'));
    assert.ok(csv && html);
    try {
      const csvText = new TextDecoder().decode(await vscode.workspace.fs.readFile(csv));
      assert.match(csvText.split(/\r?\n/)[0], /North East/);
      const htmlText = new TextDecoder().decode(await vscode.workspace.fs.readFile(html));
      assert.ok(htmlText.includes('Yorkshire &amp; Humber') && !htmlText.includes('Yorkshire & Humber'));
    } finally {
      await vscode.workspace.fs.delete(csv);
      await vscode.workspace.fs.delete(html);
    }
  });

  it('takes back a panel restored after a reload and shows the table it last showed', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const panel = vscode.window.createWebviewPanel('markdownQda.summary', 'Markdown QDA Summary', vscode.ViewColumn.Active, {});
    const rendered = nextMessage(api, 'didRender', (message) => message.table === 'coders');
    api.summary.restore(panel, { table: 'coders' });
    const message = await rendered;
    assert.equal(message.table, 'coders');
    assert.deepEqual(api.summary.shown, { table: 'coders' });
  });
});
