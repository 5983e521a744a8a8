import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds, viewContainerId } from '../../../src/extension/commandIds';
import type { AddCodeArgs } from '../../../src/extension/commands/addCode';
import { rememberCodeCommand } from '../../../src/extension/editor/codeIdCompletionProvider';
import { getExtension } from './helpers';
import {
  closeAllEditors, decorationsOf, setAutoSave, eventually, fileUri, hoverTexts, positionAfter, qdaDiagnostics, readText,
  requestNamedScreenshot, writeText,
} from './editorHelpers';

const lead01 = 'interviews/lead-01.md';
const scratch = 'interviews/editor-scratch.md';
const scratchText = [
  '---',
  'id: editor-scratch',
  '---',
  '',
  '**P9:** We :code[talked about money]{.T3 by=tt} a lot and :code[about power]{.Brandnewcode by=tt} too.',
  '',
  '**P9:** A line to complete :code[here]{.T2 .} end.',
  '',
  '**P9:** Broken :code[unclosed label {.T1} here.',
  '',
  ':::code{.T1 by=tt}',
  '**P9:** A container that is never closed.',
  '',
].join('\n');

async function open(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fileUri(relative));
  return vscode.window.showTextDocument(document);
}

describe('editor: coded transcripts', () => {
  let api: MarkdownQdaApi;
  let codebookText: string;

  before(async () => {
    api = await getExtension().activate();
    codebookText = await readText('codebook.yaml');
    await setAutoSave('off');
  });

  after(async () => {
    await closeAllEditors();
    await setAutoSave(undefined);
    await writeText('codebook.yaml', codebookText);
    try {
      await vscode.workspace.fs.delete(fileUri(scratch));
    } catch {
      // not written
    }
    await api.index.reload();
  });

  it('shows the sidebar, a coded transcript and a hover (screenshot)', async () => {
    await vscode.commands.executeCommand(`workbench.view.extension.${viewContainerId}`);
    const [t2] = api.excerptTree.getChildren().filter((node) => node.kind === 'code' && node.group.id === 'T2');
    const [source] = api.excerptTree.getChildren(t2);
    const [excerpt] = api.excerptTree.getChildren(source);
    await api.excerptView.reveal(excerpt, { select: true, focus: false, expand: true });
    const editor = await open(lead01);
    const at = positionAfter(editor.document, 'academics often');
    editor.selection = new vscode.Selection(at, at);
    await eventually(() => decorationsOf(editor.document.uri), 5000, 'decorations drawn');
    await vscode.commands.executeCommand('editor.action.showHover');
    await requestNamedScreenshot('editor-hover', 2000);
  });

  it('tints coded text in the colour of its code, dims the markup and stripes the coded lines', async () => {
    const editor = await open(lead01);
    const document = editor.document;
    const snapshot = await eventually(() => decorationsOf(document.uri), 5000, 'decorations of lead-01');
    const label = 'academics often see themselves as the experts';
    const start = document.positionAt(document.getText().indexOf(label));
    assert.deepEqual(snapshot.tints.T2?.[0], [start.line, start.character, start.line, start.character + label.length]);
    assert.equal(snapshot.colours.T2, '#d62728', 'the codebook colour of T2');
    assert.match(snapshot.colours.T1a, /^#[0-9a-f]{6}$/, 'a palette colour for T1a, which has none');
    const markup = snapshot.markup.map(([line, from, , to]) => document.lineAt(line).text.slice(from, to));
    assert.ok(markup.includes(':code['), 'the opening of a text directive is dimmed');
    assert.ok(markup.includes(']{.T2 .M3 by=pg}'), 'the attribute block is dimmed');
    const containerLine = document.getText().split('\n').findIndex((line) => line.startsWith(':::code{.T1'));
    assert.deepEqual(snapshot.stripes.find((stripe) => stripe.line === containerLine + 1)?.codes, ['T1', 'T1a']);
  });

  it('follows the decorations setting: tint only, then off', async () => {
    const editor = await open(lead01);
    const configuration = vscode.workspace.getConfiguration('markdownQda');
    try {
      await configuration.update('decorations', 'tint', vscode.ConfigurationTarget.Global);
      const tint = await eventually(async () => {
        const snapshot = await decorationsOf(editor.document.uri);
        return snapshot?.style === 'tint' && snapshot;
      }, 5000, 'tint style');
      assert.deepEqual(tint.stripes, []);
      assert.ok(tint.tints.T2.length > 0);
      await configuration.update('decorations', 'off', vscode.ConfigurationTarget.Global);
      const off = await eventually(async () => {
        const snapshot = await decorationsOf(editor.document.uri);
        return snapshot?.style === 'off' && snapshot;
      }, 5000, 'off style');
      assert.deepEqual([off.tints, off.markup, off.stripes], [{}, [], []]);
    } finally {
      await configuration.update('decorations', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows the codes, coder and memo of coded text on hover, user text escaped', async () => {
    const editor = await open(lead01);
    const onLabel = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionAfter(editor.document, 'academics often'));
    const text = hoverTexts(onLabel).join('\n');
    assert.match(text, /\*\*T2\*\* Whose knowledge counts — Academic expertise set against practice and lived experience\\\./);
    assert.match(text, /\*\*M3\*\* Shared decision making/);
    assert.match(text, /coded by pg/);
    const inContainer = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionAfter(editor.document, 'Later we'));
    const containerText = hoverTexts(inContainer).join('\n');
    assert.match(containerText, /\*\*T1a\*\* Imposed by the funder/);
    assert.match(containerText, /Memo: the funder set the terms/);
    const outside = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionAfter(editor.document, 'How did the'));
    assert.ok(!hoverTexts(outside).some((value) => value.includes('coded by')), 'no coding hover outside codings');
  });

  it('indexes an open transcript from its unsaved text, and the tree follows', async () => {
    const editor = await open(lead01);
    const m9 = () => {
      const node = api.excerptTree.getChildren().find((candidate) => candidate.kind === 'code' && candidate.group.id === 'M9');
      return node ? api.excerptTree.getTreeItem(node).description : undefined;
    };
    assert.equal(m9(), '0');
    const edit = new vscode.WorkspaceEdit();
    const at = editor.document.getText().indexOf('that showed');
    edit.replace(editor.document.uri, new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'that showed'.length)), ':code[that showed]{.M9 by=tt}');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(() => m9() === '1', 5000, 'M9 counted from the unsaved text');
    assert.equal(editor.document.isDirty, true);
    const snapshot = await eventually(async () => (await decorationsOf(editor.document.uri))?.tints.M9, 5000, 'M9 tinted');
    assert.equal(snapshot.length, 1);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await eventually(() => m9() === '0', 5000, 'M9 back to 0 after revert');
  });

  it('completes code ids after a dot in a coding, with names and descriptions, recent and used first, leaving out those already there', async () => {
    await writeText(scratch, scratchText);
    await eventually(() => api.index.current?.sources.some((source) => source.path === scratch), 10000, 'scratch indexed');
    const editor = await open(scratch);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, positionAfter(editor.document, '{.T2 .'), '.');
    const ours = list.items.filter((item) => typeof item.label === 'object' && item.command?.command === rememberCodeCommand);
    const ids = ours.map((item) => (item.label as vscode.CompletionItemLabel).label);
    assert.ok(ids.includes('T1') && ids.includes('M3') && ids.includes('M9'), ids.join(' '));
    assert.ok(!ids.includes('T2'), 'T2 is already in the block');
    const t1 = ours.find((item) => (item.label as vscode.CompletionItemLabel).label === 'T1');
    assert.equal((t1?.label as vscode.CompletionItemLabel).description, 'Meaning of co-production');
    assert.match((t1?.documentation as vscode.MarkdownString).value, /who decided it/);
    const sorted = [...ours].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((item) => (item.label as vscode.CompletionItemLabel).label);
    assert.ok(sorted.indexOf('T1a') < sorted.indexOf('M9'), `used codes first: ${sorted.join(' ')}`);
    await vscode.commands.executeCommand(rememberCodeCommand, 'M9');
    const again = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, positionAfter(editor.document, '{.T2 .'), '.');
    const first = again.items.filter((item) => item.command?.command === rememberCodeCommand).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
    assert.equal((first.label as vscode.CompletionItemLabel).label, 'M9', 'a code just chosen comes first');
    const nowhere = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, positionAfter(editor.document, '**P9:** We'), '.');
    assert.equal(nowhere.items.filter((item) => item.command?.command === rememberCodeCommand).length, 0);
  });

  it('reports unknown codes, a malformed directive and an unclosed container, and replaces an unknown code with the nearest one', async () => {
    const editor = await open(scratch);
    const uri = editor.document.uri;
    const diagnostics = await eventually(() => {
      const found = qdaDiagnostics(uri);
      return found.some((diagnostic) => diagnostic.code === 'unclosed-container') && found;
    }, 5000, 'diagnostics of the scratch transcript');
    const unknown = diagnostics.find((diagnostic) => diagnostic.message.includes('unknown code `T3`'));
    assert.ok(unknown, diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(unknown.range).startsWith(':code[talked about money]'), true);
    assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'unclosed-container')?.severity, vscode.DiagnosticSeverity.Error);
    const malformed = diagnostics.find((diagnostic) => diagnostic.code === 'malformed-directive');
    assert.ok(malformed, 'a malformed directive is reported');
    assert.ok(editor.document.getText(malformed.range).startsWith(':code[unclosed label'));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Replace `T3` with `T2` (Whose knowledge counts)'), titles.join('\n'));
    assert.ok(titles.includes('Add `T3` to the codebook (codebook.yaml)…'), titles.join('\n'));
    const replace = actions.find((action) => action.title.startsWith('Replace `T3` with `T2`'));
    assert.ok(replace?.edit && (await vscode.workspace.applyEdit(replace.edit)));
    assert.ok(editor.document.getText().includes(':code[talked about money]{.T2 by=tt}'));
    await eventually(() => !qdaDiagnostics(uri).some((diagnostic) => diagnostic.message.includes('`T3`')), 5000, 'the T3 warning gone');
  });

  it('adds an unknown code to the codebook with the name and parent given (entry and history, inserted after what is there), and the warning goes', async () => {
    const editor = await open(scratch);
    const uri = editor.document.uri;
    const unknown = await eventually(() => qdaDiagnostics(uri).find((diagnostic) => diagnostic.message.includes('`Brandnewcode`')), 5000, 'Brandnewcode warning');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    const add = actions.find((action) => action.title === 'Add `Brandnewcode` to the codebook (codebook.yaml)…');
    assert.ok(add?.command && !add.edit, actions.map((action) => action.title).join('\n'));
    assert.equal(add.isPreferred, true, 'no code is near, so adding is the preferred fix');
    // The command asks for the name and the parent; the answers are given as its arguments here.
    const [args] = (add.command.arguments ?? []) as AddCodeArgs[];
    assert.deepEqual(args, { id: 'Brandnewcode', askParent: true });
    assert.equal(add.command.command, commandIds.addCode);
    assert.equal(await vscode.commands.executeCommand(add.command.command, { ...args, name: 'Brand new code', parent: 'T1' }), 'Brandnewcode');
    const written = await readText('codebook.yaml');
    assert.ok(written.startsWith(codebookText), 'the codebook as it was, then the additions');
    assert.match(written.slice(codebookText.length), /^ {2}- \{ id: Brandnewcode, name: "Brand new code", parent: T1 \}\nhistory:\n {2}- \{ action: add, from: \[\], to: \[Brandnewcode\], date: \d{4}-\d{2}-\d{2} \}\n$/);
    await eventually(() => api.index.current?.codebook.codes.get('Brandnewcode')?.parent === 'T1', 10000, 'the codebook reloaded');
    await eventually(() => !qdaDiagnostics(uri).some((diagnostic) => diagnostic.message.includes('`Brandnewcode`')), 5000, 'the warning gone');
  });

  it('shows a codebook error at its line in codebook.yaml, and clears it once fixed', async () => {
    const uri = fileUri('codebook.yaml');
    const broken = `${codebookText}  - id: Nameless\n    group: mechanisms\n`;
    await writeText('codebook.yaml', broken);
    try {
      const error = await eventually(() => qdaDiagnostics(uri).find((diagnostic) => diagnostic.code === 'missing-name'), 10000, 'the codebook error');
      assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(broken.split('\n')[error.range.start.line].trim(), '- id: Nameless');
    } finally {
      await writeText('codebook.yaml', codebookText);
    }
    await eventually(() => qdaDiagnostics(uri).length === 0, 10000, 'the codebook error cleared');
  });

  it('checks transcripts against a codebook as it is edited, before it is saved', async () => {
    const transcript = await open(scratch);
    const uri = transcript.document.uri;
    await eventually(() => qdaDiagnostics(uri).some((diagnostic) => diagnostic.message.includes('`Brandnewcode`')), 10000, 'Brandnewcode unknown again');
    const codebook = await open('codebook.yaml');
    // The previous test rewrote the file on disk: wait until the editor shows what is there.
    await eventually(() => codebook.document.getText() === codebookText, 10000, 'the codebook editor in step with the disk');
    const end = codebook.document.positionAt(codebook.document.getText().length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(codebook.document.uri, end, '  - id: Brandnewcode\n    name: Typed in\n  - id: Nameless2\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const error = await eventually(() => qdaDiagnostics(codebook.document.uri).find((diagnostic) => diagnostic.code === 'missing-name'), 5000, 'the error of the unsaved codebook');
    assert.equal(codebook.document.lineAt(error.range.start.line).text.trim(), '- id: Nameless2');
    // While the codebook has an error, the last good one stays in use (SPEC §2), and a notice says so.
    await eventually(() => qdaDiagnostics(codebook.document.uri).some((diagnostic) => diagnostic.code === 'stale-codebook'), 5000, 'the stale-codebook notice');
    assert.equal(api.index.current?.codebook.codes.get('Brandnewcode'), undefined);
    const fix = new vscode.WorkspaceEdit();
    fix.insert(codebook.document.uri, codebook.document.positionAt(codebook.document.getText().length), '    name: Named now\n');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await eventually(() => !qdaDiagnostics(uri).some((diagnostic) => diagnostic.message.includes('`Brandnewcode`')), 5000, 'the code known from the unsaved codebook');
    assert.equal(api.index.current?.codebook.codes.get('Brandnewcode')?.name, 'Typed in');
    assert.equal(codebook.document.isDirty, true);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await eventually(() => qdaDiagnostics(uri).some((diagnostic) => diagnostic.message.includes('`Brandnewcode`')), 5000, 'unknown again after the revert');
    assert.equal(qdaDiagnostics(codebook.document.uri).length, 0);
  });

  it('goes from a code id in a coding to its entry in the codebook', async () => {
    const editor = await open(lead01);
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, positionAfter(editor.document, '{.T2 .M', -3));
    const ours = targets.map((target) => ('targetUri' in target ? { uri: target.targetUri, range: target.targetRange } : target))
      .filter((target) => target.uri.path.endsWith('/codebook.yaml'));
    assert.equal(ours.length, 1);
    const lines = codebookText.split('\n');
    assert.equal(lines[ours[0].range.start.line].trim(), '- id: T2');
  });

});
