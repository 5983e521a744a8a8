import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Table } from '../../../src/core/analysis/tables/table';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import { getExtension, waitFor, workspaceFolder } from './helpers';
import { nextMessage } from './summaryMessages';

/** Shows the table asked for and resolves once the page rendered it. */
async function showTable(api: MarkdownQdaApi, request: Record<string, string>): Promise<Table> {
  const rendered = nextMessage(api, 'didRender', (message) => message.table === request.table);
  await vscode.commands.executeCommand(commandIds.showSummary, request);
  await rendered;
  const table = api.summary.shownTable;
  assert.ok(table, `no ${request.table} table`);
  return table;
}

describe('summary panel drill-down', () => {
  let api: MarkdownQdaApi;

  before(async () => {
    api = await getExtension().activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists as many excerpts as each count of the code × source matrix says, in the page too', async () => {
    const table = await showTable(api, { table: 'sources' });
    let checked = 0;
    for (const row of table.rows) {
      for (const [index, column] of table.columns.entries()) {
        const cell = row.cells[index]!;
        if (cell.excerpts === null || cell.excerpts === 0) continue;
        const shown = nextMessage(api, 'didRenderExcerpts');
        const drill = await api.summary.drillDown({ row: row.key, column: column.key });
        assert.ok(drill, `${row.key} × ${column.key}`);
        assert.equal(drill.items.length, cell.excerpts, `${row.key} × ${column.key}`);
        assert.equal((await shown).items, cell.excerpts, `the page lists ${row.key} × ${column.key}`);
        for (const item of drill.items) assert.ok(item.codes.includes(row.key), `${item.codes.join(' ')} carries ${row.key}`);
        checked += 1;
      }
    }
    assert.ok(checked >= 4, `cells checked: ${checked}`);
  });

  it('lists one entry per co-occurrence, the count the matrix shows', async () => {
    const table = await showTable(api, { table: 'cooccurrence', rows: 'tensions', cols: 'mechanisms' });
    const row = table.rows.find((candidate) => candidate.key === 'T2');
    const at = table.columns.findIndex((column) => column.key === 'M3');
    assert.ok(row && at >= 0);
    const drill = await api.summary.drillDown({ row: 'T2', column: 'M3' });
    assert.ok(drill);
    assert.equal(drill.items.length, row.cells[at]!.value);
    assert.ok(drill.items.length > 0);
  });

  it('opens an entry of the list beside the panel with the excerpt selected', async () => {
    await showTable(api, { table: 'frequencies' });
    const drill = await api.summary.drillDown({ row: 'T1a', column: 'excerpts' });
    assert.ok(drill && drill.items.length >= 2, 'T1a has excerpts in the fixture');
    const item = drill.items.find((entry) => entry.text === 'The café owners were never asked');
    assert.ok(item, drill.items.map((entry) => entry.text).join(' | '));
    const editor = await api.summary.openDrilled(drill.items.indexOf(item));
    assert.ok(editor);
    assert.equal(vscode.workspace.asRelativePath(editor.document.uri), item.path);
    assert.equal(editor.document.getText(editor.selection), ':code[The café owners were never asked]{.T1a by=rk exemplar}');
    assert.equal(editor.selection.start.line + 1, item.line);
    const panelTab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.label === 'Markdown QDA Summary');
    assert.ok(panelTab, 'the Summary panel is still open');
    assert.notEqual(panelTab.group.viewColumn, editor.viewColumn, 'the transcript opens beside the panel, which stays visible');
  });

  it('filters the table by coder and shows the co-occurrence of code groups by default', async () => {
    const all = await showTable(api, { table: 'frequencies' });
    const byRk = await showTable(api, { table: 'frequencies', coder: 'rk' });
    const total = (table: Table) => table.rows.find((row) => row.kind === 'total')!.cells[0]!.value;
    assert.ok((total(byRk) ?? 0) > 0 && (total(byRk) ?? 0) < (total(all) ?? 0), `${total(byRk)} of ${total(all)}`);
    const drill = await api.summary.drillDown({ row: 'total', column: 'excerpts' });
    assert.ok(drill && drill.items.every((item) => item.coders.join() === 'rk'));
    const groups = await showTable(api, { table: 'cooccurrence' });
    assert.deepEqual(groups.rows.map((row) => row.key), ['tensions', 'mechanisms']);
  });

  it('counts and lists only the coder’s own codings while Show Only My Codings is on', async () => {
    const settings = vscode.workspace.getConfiguration('markdownQda');
    const coderBefore = settings.inspect<string>('coder')?.globalValue;
    try {
      await vscode.commands.executeCommand(commandIds.setCoder, 'rk');
      const all = await showTable(api, { table: 'frequencies' });
      const rebuilt = nextMessage(api, 'didRender', (message) => message.table === 'frequencies');
      await vscode.commands.executeCommand(commandIds.toggleOnlyMyCodings, true);
      await rebuilt;
      const blind = api.summary.shownTable!;
      const total = (table: Table) => table.rows.find((row) => row.kind === 'total')!.cells[0]!.value ?? 0;
      assert.ok(total(blind) > 0 && total(blind) < total(all), `${total(blind)} of ${total(all)}`);
      const drill = await api.summary.drillDown({ row: 'total', column: 'excerpts' });
      assert.ok(drill);
      assert.equal(drill.items.length, total(blind));
      assert.deepEqual([...new Set(drill.items.flatMap((item) => item.coders))], ['rk']);
    } finally {
      await vscode.commands.executeCommand(commandIds.toggleOnlyMyCodings, false);
      await settings.update('coder', coderBefore, vscode.ConfigurationTarget.Global);
    }
  });

  it('says where an export was written, and its Open action opens the file', async () => {
    await showTable(api, { table: 'frequencies' });
    await vscode.commands.executeCommand('notifications.clearAll');
    const target = vscode.Uri.joinPath(workspaceFolder().uri, 'drill-export.md');
    const written = await api.summary.exportTable('md', target);
    assert.ok(written);
    try {
      // The message's primary action is its Open button, as a user would click it.
      let opened = false;
      const deadline = Date.now() + 10000;
      while (!opened && Date.now() < deadline) {
        await vscode.commands.executeCommand('notification.acceptPrimaryAction');
        await new Promise((resolve) => setTimeout(resolve, 250));
        opened = vscode.window.activeTextEditor?.document.uri.toString() === target.toString();
      }
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === target.toString(), 1000);
      assert.match(vscode.window.activeTextEditor!.document.getText(), /Code frequencies/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(target);
    }
  });
});
