import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runCli } from '../../../src/cli/main';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { PackWebviewMessage } from '../../../src/webview/pack/protocol';
import type { WorkshopWebviewMessage } from '../../../src/webview/workshop/protocol';
import { closeAllEditors, eventually, fileUri, qdaDiagnostics, requestNamedScreenshot, writeText } from './editorHelpers';
import { getExtension, workspaceFolder } from './helpers';

type Rendered<M extends { type: string }> = Extract<M, { type: 'didRender' }>;

/** Resolves to the next `didRender` of a page that `accept`s it (rejects after `timeoutMs`). */
function nextRender<M extends { type: string }>(events: vscode.Event<M>, accept: (message: Rendered<M>) => boolean = () => true, timeoutMs = 15000): Promise<Rendered<M>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no matching 'didRender' within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = events((message) => {
      if (message.type !== 'didRender' || !accept(message as Rendered<M>)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(message as Rendered<M>);
    });
  });
}

/** Runs `mdqda argv` in this process; resolves to its exit code and output. */
async function mdqda(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

/** A workshop over the test workspace's codebook (T1, T2, M3); `extra` lines go under p2. */
function workshopText(extra: string[] = []): string {
  return [
    'title: Test workshop',
    'candidates: [T1, T2, M3]',
    'participants:',
    '  - id: p1',
    '    votes: [T2]',
    '    inner: [T2, M3]',
    '    outer: [T1]',
    '  - id: p2',
    '    votes: [T2, T1]',
    ...extra,
    '',
  ].join('\n');
}

describe('workshop (step 3)', () => {
  let api: MarkdownQdaApi;

  before(async () => {
    api = await getExtension().activate();
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(fileUri('workshop.yaml')).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(fileUri('restored-workshop.yaml')).then(undefined, () => undefined);
  });

  it('tallies the example study\'s workshop file in the Workshop panel exactly as mdqda workshop does', async () => {
    const study = path.join(getExtension().extensionPath, 'examples', 'coproduction-study');
    const file = path.join(study, 'workshop.yaml');
    const rendered = nextRender<WorkshopWebviewMessage>(api.workshop.onDidReceiveMessage);
    await vscode.commands.executeCommand(commandIds.showWorkshop, vscode.Uri.file(file));
    assert.ok(api.walkthrough.count('workshop') > 0, 'the walkthrough step "Hold the workshop" ticks');
    const shown = await rendered;
    const cli = await mdqda(['workshop', file, '--format', 'json'], study);
    assert.equal(cli.code, 0, cli.stderr);
    const expected = JSON.parse(cli.stdout) as { candidates: { id: string; rank: number; votes: number; inner: number; outer: number; unplaced: number }[]; participants: unknown[]; changes: unknown[] };
    assert.deepEqual(shown.candidates, expected.candidates.map(({ id, rank, votes, inner, outer, unplaced }) => ({ id, rank, votes, inner, outer, unplaced })));
    assert.equal(shown.participants, expected.participants.length);
    assert.equal(shown.changes, expected.changes.length);
    assert.ok(shown.changes > 0, 'the decisions recorded for step3 are listed');
    assert.deepEqual({ version: 1, ...api.workshop.current?.tally }, expected, 'the panel holds the same tally as the CLI prints');
    await requestNamedScreenshot('workshop-panel');
  });

  it('updates the tally as the workshop file is edited, and exports it as the CLI writes it', async () => {
    await writeText('workshop.yaml', workshopText());
    const document = await vscode.workspace.openTextDocument(fileUri('workshop.yaml'));
    await vscode.window.showTextDocument(document);
    const first = nextRender<WorkshopWebviewMessage>(api.workshop.onDidReceiveMessage);
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>(commandIds.showWorkshop))?.toString(), document.uri.toString(), 'the active workshop file is shown');
    assert.deepEqual((await first).candidates.map(({ id, votes }) => [id, votes]), [['T2', 2], ['T1', 1], ['M3', 0]]);

    const updated = nextRender<WorkshopWebviewMessage>(api.workshop.onDidReceiveMessage, (message) => message.candidates.some((row) => row.id === 'M3' && row.votes === 1));
    const edit = new vscode.WorkspaceEdit();
    const line = document.lineAt(8);
    edit.replace(document.uri, line.range, '    votes: [M3, T1]');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await updated;
    // One vote each: T2 and M3 were placed in the inner circle once and share rank 1, T1 follows.
    assert.deepEqual(after.candidates.map(({ id, votes, inner, rank }) => [id, votes, inner, rank]), [['T2', 1, 1, 1], ['M3', 1, 1, 1], ['T1', 1, 0, 3]]);
    await document.save();

    const target = fileUri('workshop-tally.csv');
    assert.equal((await api.workshop.exportTally('csv', target))?.toString(), target.toString());
    const cli = await mdqda(['workshop', 'workshop.yaml', '--format', 'csv'], workspaceFolder().uri.fsPath);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), cli.stdout);
    await vscode.workspace.fs.delete(target);
  });

  it('shows the problems of a workshop file in the editor at their line and column, with quick fixes', async () => {
    await writeText('workshop.yaml', workshopText(['    inner: [X9]', '    outer: [T1]', '    vote: [T1]']));
    const document = await vscode.workspace.openTextDocument(fileUri('workshop.yaml'));
    await vscode.window.showTextDocument(document);
    const diagnostics = await eventually(() => {
      const found = qdaDiagnostics(document.uri);
      return found.length >= 2 && found;
    }, 10000, 'workshop diagnostics');
    const byRule = new Map(diagnostics.map((diagnostic) => [String(diagnostic.code), diagnostic]));
    const notCandidate = byRule.get('not-a-candidate');
    assert.ok(notCandidate, diagnostics.map((diagnostic) => diagnostic.code).join(', '));
    assert.equal(notCandidate.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([notCandidate.range.start.line, notCandidate.range.start.character, notCandidate.range.end.character], [9, 12, 14], 'X9 on line 10 is underlined');
    assert.match(notCandidate.message, /X9 in the inner of p2 is not one of the candidates/);
    assert.equal(byRule.get('unknown-key')?.range.start.line, 11);
    await requestNamedScreenshot('workshop-diagnostics');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, notCandidate.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Remove X9 from this list'), titles.join(' | '));
    const add = actions.find((action) => action.title === 'Add X9 to the candidates');
    assert.ok(add?.edit, titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    assert.equal(document.lineAt(1).text, 'candidates: [T1, T2, M3, X9]');
    // X9 is a candidate now, but not a code of the codebook: the error gives way to a warning.
    await eventually(() => {
      const rules = qdaDiagnostics(document.uri).map((diagnostic) => String(diagnostic.code));
      return !rules.includes('not-a-candidate') && rules.includes('unknown-candidate');
    }, 10000, 'not-a-candidate gone, unknown-candidate shown');
    const rename = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, byRule.get('unknown-key')!.range, vscode.CodeActionKind.QuickFix.value))
      .find((action) => action.title === "Rename 'vote' to 'votes'");
    assert.ok(rename?.edit);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('opens the resource pack in a panel, prints it and exports the HTML mdqda pack writes', async () => {
    const rendered = nextRender<PackWebviewMessage>(api.pack.onDidReceiveMessage);
    await vscode.commands.executeCommand(commandIds.openResourcePack, { group: 'tensions', asOf: 'current' });
    const shown = await rendered;
    assert.deepEqual(shown.cards, ['T1', 'T2']);
    assert.ok(shown.quotes > 0, 'the cards carry quotes');
    await requestNamedScreenshot('resource-pack');

    const root = workspaceFolder().uri.fsPath;
    const cli = await mdqda(['pack', root, '--as-of', 'current', '--format', 'html'], root);
    assert.equal(cli.code, 0, cli.stderr);
    const target = fileUri('pack.html');
    assert.equal((await api.pack.exportHtml(target))?.toString(), target.toString());
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), cli.stdout);
    await vscode.workspace.fs.delete(target);

    const opened: vscode.Uri[] = [];
    const open = api.pack.openExternally;
    api.pack.openExternally = async (uri) => {
      opened.push(uri);
      return true;
    };
    try {
      const printed = await api.pack.print();
      assert.ok(printed && opened[0]?.toString() === printed.toString(), 'the printable page is opened outside the editor');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(printed)), cli.stdout);
    } finally {
      api.pack.openExternally = open;
    }
  });

  it('declares activation on its two panels, so VS Code can restore them after a window reload', () => {
    const events = (getExtension().packageJSON as { activationEvents: string[] }).activationEvents;
    assert.ok(events.includes('onWebviewPanel:markdownQda.workshop'), events.join(', '));
    assert.ok(events.includes('onWebviewPanel:markdownQda.pack'), events.join(', '));
  });

  it('takes back a Workshop panel restored after a reload and tallies the workshop file it showed', async () => {
    const study = vscode.Uri.file(path.join(getExtension().extensionPath, 'examples', 'coproduction-study', 'workshop.yaml'));
    const first = nextRender<WorkshopWebviewMessage>(api.workshop.onDidReceiveMessage);
    await vscode.commands.executeCommand(commandIds.showWorkshop, study);
    await first;
    await closeAllEditors();
    // A file of its own: no editor holds an older text of it.
    await writeText('restored-workshop.yaml', workshopText());
    const saved = fileUri('restored-workshop.yaml');
    const panel = vscode.window.createWebviewPanel('markdownQda.workshop', 'Workshop', vscode.ViewColumn.Active, {});
    const rendered = nextRender<WorkshopWebviewMessage>(api.workshop.onDidReceiveMessage);
    api.workshop.restore(panel, { uri: saved.toString() });
    const shown = await rendered;
    assert.equal(api.workshop.shown?.toString(), saved.toString());
    assert.equal(panel.title, 'Workshop: restored-workshop.yaml');
    assert.deepEqual(shown.candidates.map(({ id, votes }) => [id, votes]), [['T2', 2], ['T1', 1], ['M3', 0]]);
  });

  it('says how to show a tally in a restored Workshop panel whose page saved no workshop file, then shows one there', async () => {
    await closeAllEditors();
    const panel = vscode.window.createWebviewPanel('markdownQda.workshop', 'Workshop', vscode.ViewColumn.Active, {});
    const empty = nextRender<WorkshopWebviewMessage>(api.workshop.onDidReceiveMessage);
    api.workshop.restore(panel, { uri: 42 });
    assert.deepEqual(await empty, { type: 'didRender', candidates: [], participants: 0, changes: 0, problems: 0 });
    assert.equal(api.workshop.shown, undefined);
    await writeText('restored-workshop.yaml', workshopText());
    const tallied = nextRender<WorkshopWebviewMessage>(api.workshop.onDidReceiveMessage);
    await vscode.commands.executeCommand(commandIds.showWorkshop, fileUri('restored-workshop.yaml'));
    assert.equal((await tallied).candidates.length, 3);
    assert.equal(panel.title, 'Workshop: restored-workshop.yaml', 'the restored panel shows it');
  });

  it('takes back a Resource Pack panel restored after a reload and shows the group and step it showed', async () => {
    const first = nextRender<PackWebviewMessage>(api.pack.onDidReceiveMessage);
    await vscode.commands.executeCommand(commandIds.openResourcePack, { group: 'tensions', asOf: 'current' });
    assert.deepEqual((await first).cards, ['T1', 'T2']);
    await closeAllEditors();
    const panel = vscode.window.createWebviewPanel('markdownQda.pack', 'Resource Pack', vscode.ViewColumn.Active, {});
    const rendered = nextRender<PackWebviewMessage>(api.pack.onDidReceiveMessage);
    api.pack.restore(panel, { group: 'mechanisms', asOf: 'current' });
    const shown = await rendered;
    assert.deepEqual(shown.cards, ['M3', 'M9']);
    assert.deepEqual(api.pack.shown, { group: 'mechanisms', asOf: 'current' });
    assert.ok(api.pack.visible);
  });
});
