import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { MemoTreeNode } from '../../../src/extension/retrieval/memoTreeProvider';
import type { ExcerptTreeNode } from '../../../src/extension/views/excerptTreeProvider';
import { getExtension, manifest } from './helpers';
import { closeAllEditors, eventually, fileUri, setAutoSave } from './editorHelpers';

const lead01 = 'interviews/lead-01.md';
/** The container of lead-01, coded T1 and T1a by pg, with a memo. */
const container = { label: 'We called it co-production because the funder asked for it. Later we learnt what it could mean.', memo: 'the funder set the terms' };

/** The excerpt row under code `code` (a root code or a child of one) and source `sourceId`. */
function excerptRow(api: MarkdownQdaApi, code: string, sourceId: string, text: string): ExcerptTreeNode & { kind: 'excerpt' } {
  const find = (nodes: ExcerptTreeNode[]): ExcerptTreeNode | undefined => {
    for (const node of nodes) {
      if (node.kind === 'code' && node.group.id === code) {
        const source = api.excerptTree.getChildren(node).find((child) => child.kind === 'source' && child.source.id === sourceId);
        return source && api.excerptTree.getChildren(source).find((child) => child.kind === 'excerpt' && child.excerpt.text.includes(text));
      }
      if (node.kind === 'code') {
        const below = find(api.excerptTree.getChildren(node));
        if (below) return below;
      }
    }
    return undefined;
  };
  const row = find(api.excerptTree.getChildren());
  assert.ok(row && row.kind === 'excerpt', `no row of ${sourceId} under ${code}`);
  return row;
}

function memoRows(api: MarkdownQdaApi): { group: string; rows: MemoTreeNode[] }[] {
  return api.memoTree.getChildren().map((group) => ({
    group: String(api.memoTree.getTreeItem(group).label),
    rows: api.memoTree.getChildren(group),
  }));
}

describe('retrieval: excerpt rows and the Memos view', () => {
  let api: MarkdownQdaApi;

  before(async () => {
    api = await getExtension().activate();
    await setAutoSave('off');
  });

  after(async () => {
    await closeAllEditors();
    await setAutoSave(undefined);
  });

  it('shows an excerpt row without its speaker label, with the speaker and coder beside it', () => {
    const row = excerptRow(api, 'T1', 'lead-01', 'We called it');
    const item = api.excerptTree.getTreeItem(row);
    assert.equal(item.label, container.label);
    assert.equal(item.description, 'P1 · by pg');
    assert.equal(item.contextValue, 'excerpt');
  });

  it('puts Open, Edit Memo…, Copy as Quote and Uncode on excerpt rows of both views', () => {
    const menus = manifest().contributes.menus['view/item/context'];
    for (const command of [commandIds.openExcerptRow, commandIds.editMemoOfRow, commandIds.copyExcerptQuote, commandIds.uncodeExcerptRow]) {
      const entry = menus.find((candidate) => candidate.command === command && !candidate.group?.startsWith('inline'));
      assert.ok(entry?.when, `${command} in the row menu`);
      assert.match(entry.when, /view == markdownQda\.excerpts/);
      assert.match(entry.when, /view == markdownQda\.memos/);
      assert.match(entry.when, /viewItem == excerpt/);
    }
  });

  it('opens a row\'s excerpt with exactly its markup selected', async () => {
    const row = excerptRow(api, 'T1', 'lead-01', 'We called it');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(commandIds.openExcerptRow, row);
    assert.ok(editor);
    const selected = editor.document.getText(editor.selection);
    assert.match(selected, /^:::code\{\.T1 \.T1a by=pg memo="the funder set the terms"\}\n\*\*P1:\*\* We called it/);
    assert.match(selected, /what it could mean\.\n:::$/);
  });

  it('copies a row as a quotation for a paper', async () => {
    const row = excerptRow(api, 'T1', 'lead-01', 'We called it');
    const quote = await vscode.commands.executeCommand<string>(commandIds.copyExcerptQuote, row);
    assert.equal(quote, `“${container.label}” (P1, lead-01, line 16)`);
    assert.equal(await vscode.env.clipboard.readText(), quote);
  });

  it('edits a row\'s memo as one undoable edit', async () => {
    const row = excerptRow(api, 'T1', 'lead-01', 'We called it');
    assert.equal(await vscode.commands.executeCommand<boolean>(commandIds.editMemoOfRow, row, { memo: 'terms came with the money' }), true);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document && document.uri.toString() === fileUri(lead01).toString());
    assert.match(document.getText(), /:::code\{\.T1 \.T1a by=pg memo="terms came with the money"\}/);
    await eventually(() => memoRows(api).some(({ rows }) => rows.some((node) => String(api.memoTree.getTreeItem(node).label) === 'terms came with the money')), 5000, 'the Memos view shows the new memo');
    await vscode.commands.executeCommand('undo');
    assert.match(document.getText(), /memo="the funder set the terms"/);
  });

  it('uncodes only the code a row sits under, as one undoable edit that leaves the text', async () => {
    const row = excerptRow(api, 'T1a', 'lead-01', 'We called it');
    assert.equal(await vscode.commands.executeCommand<boolean>(commandIds.uncodeExcerptRow, row), true);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document);
    assert.match(document.getText(), /:::code\{\.T1 by=pg memo="the funder set the terms"\}\n\*\*P1:\*\* We called it/);
    await vscode.commands.executeCommand('undo');
    assert.match(document.getText(), /:::code\{\.T1 \.T1a by=pg memo="the funder set the terms"\}/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('lists every memo by code and by source in the Memos view, whose rows open their excerpt', async () => {
    await vscode.commands.executeCommand(`${'markdownQda.memos'}.focus`);
    assert.equal(await vscode.commands.executeCommand(commandIds.groupMemos, 'code'), 'code');
    await eventually(() => memoRows(api).length === 2, 5000, 'two code groups');
    const byCode = memoRows(api);
    assert.deepEqual(byCode.map(({ group, rows }) => [group, rows.length]), [['T1 Meaning of co-production', 1], ['T1a Imposed by the funder', 1]]);
    const item = api.memoTree.getTreeItem(byCode[0].rows[0]);
    assert.equal(item.label, container.memo);
    assert.equal(item.description, 'lead-01 · P1 · by pg');
    assert.equal(item.command?.command, commandIds.openExcerpt);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(item.command.command, ...(item.command.arguments ?? []));
    assert.match(editor.document.getText(editor.selection), /^:::code\{\.T1 \.T1a/);
    // The title button switches to the other grouping.
    assert.equal(await vscode.commands.executeCommand(commandIds.groupMemos), 'source');
    assert.deepEqual(memoRows(api).map(({ group, rows }) => [group, rows.length]), [['lead-01', 1]]);
    assert.equal(api.memoView.description, 'by source');
    await vscode.commands.executeCommand(commandIds.groupMemos, 'code');
  });
});
