import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { speakersOf } from '../../../src/core/analysis/tables/turnSpans';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import { tableChoices } from '../../../src/extension/views/summaryPanel';
import type { WebviewMessage } from '../../../src/webview/protocol';
import { getExtension, nextPageMessage } from './helpers';

/** The next message of `type` the Summary page posts that `accept` takes. */
function nextMessage<T extends WebviewMessage['type']>(api: MarkdownQdaApi, type: T, accept: (message: Extract<WebviewMessage, { type: T }>) => boolean) {
  return nextPageMessage(api.summary.onDidReceiveMessage, 'Summary', type, accept);
}

describe('summary panel: speakers and words', () => {
  let api: MarkdownQdaApi;
  let speakers: string[];

  before(async () => {
    api = await getExtension().activate();
    speakers = speakersOf((await api.index.reload()).sources);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers the speakers and words tables', () => {
    const offered = tableChoices();
    assert.deepEqual(offered.filter((choice) => choice.name === 'speakers' || choice.name === 'words').map((choice) => choice.label), ['Speakers', 'Word frequencies']);
  });

  it('shows the speakers table: a row per speaker and a total', async () => {
    assert.ok(speakers.length > 1, `speakers: ${speakers.join(', ')}`);
    const rendered = nextMessage(api, 'didRender', (message) => message.table === 'speakers');
    await vscode.commands.executeCommand(commandIds.showSummary, { table: 'speakers' });
    const message = await rendered;
    assert.ok(message.rows === speakers.length + 1 || message.rows === speakers.length + 2, `rows: ${message.rows} for ${speakers.length} speakers`);
    assert.ok(message.heatCells > 0, 'the excerpts per code are a heatmap');
  });

  it('shows the code × speaker matrix for --by speaker', async () => {
    const rendered = nextMessage(api, 'didRender', (message) => message.table === 'sources');
    await vscode.commands.executeCommand(commandIds.showSummary, { table: 'sources', by: 'speaker' });
    const message = await rendered;
    assert.ok(message.columns === speakers.length + 1 || message.columns === speakers.length + 2, `columns: ${message.columns} for ${speakers.length} speakers`);
  });

  it('shows the words table: the 30 most frequent words', async () => {
    const rendered = nextMessage(api, 'didRender', (message) => message.table === 'words');
    await vscode.commands.executeCommand(commandIds.showSummary, { table: 'words' });
    const message = await rendered;
    assert.equal(message.rows, 30);
    assert.equal(message.columns, 3);
  });
});
