import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { AutocodeSummary } from '../../../src/extension/editing/autocodeDocuments';
import { closeAndDelete, openFreshTranscript } from './editorHelpers';
import { getExtension, manifest } from './helpers';

const original = [
  '---',
  'id: autocode-test',
  '---',
  '',
  '**P7:** The kumquat grant came late. We waited a year for it.',
  '',
  'It was hard on the team.',
  '',
  '**Interviewer:** Why was the kumquat grant late?',
  '',
  '**P7:** Nobody signed the `kumquat` form.',
  '',
].join('\n');

const plain = (text: string) => parseTranscript(text, { path: 'interviews/autocode-test.md' }).plainText;

describe('autocode commands', () => {
  let api: MarkdownQdaApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await getExtension().activate();
  });

  beforeEach(async () => {
    editor = await openFreshTranscript('autocode-test', original);
    await api.index.reload();
  });

  afterEach(async () => {
    await closeAndDelete(editor);
    await api.index.reload();
  });

  it('declares Find and Code… in the palette and Code Speaker\'s Turns… in the editor context menu', () => {
    const contributes = manifest().contributes as unknown as { commands: { command: string; title: string }[]; menus: Record<string, { command: string }[]> };
    const titles = new Map(contributes.commands.map((command) => [command.command, command.title]));
    assert.equal(titles.get(commandIds.findAndCode), 'Find and Code…');
    assert.equal(titles.get(commandIds.codeSpeakerTurns), "Code Speaker's Turns…");
    assert.ok(contributes.menus['editor/context'].some((item) => item.command === commandIds.codeSpeakerTurns));
  });

  it('Find and Code codes every hit in text widened to its sentence as one edit that one undo takes back, and leaves a hit in markup alone', async () => {
    const summary = await vscode.commands.executeCommand<AutocodeSummary>(commandIds.findAndCode, { pattern: 'kumquat', codes: ['T2'], unit: 'sentence', coder: 'tt' });
    assert.ok(summary, 'the command ran');
    assert.deepEqual([summary.written, summary.files, summary.skipped, summary.notCoded], [2, 1, 0, 1]);
    assert.match(summary.reasons[0], /autocode-test-\d+\.md:11: it is in inline code$/);
    const text = editor.document.getText();
    assert.ok(text.includes('**P7:** :code[The kumquat grant came late.]{.T2 by=tt} We waited'), text);
    assert.ok(text.includes('**Interviewer:** :code[Why was the kumquat grant late?]{.T2 by=tt}'), text);
    assert.equal(plain(text), plain(original));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('Find and Code codes only the hits kept in the list, and nothing again the second time', async () => {
    const args = { pattern: 'kumquat grant', codes: ['M3'], unit: 'match', coder: 'tt', hits: [1] };
    const first = await vscode.commands.executeCommand<AutocodeSummary>(commandIds.findAndCode, args);
    assert.equal(first?.written, 1);
    assert.ok(editor.document.getText().includes('Why was the :code[kumquat grant]{.M3 by=tt} late?'), editor.document.getText());
    assert.ok(editor.document.getText().includes('The kumquat grant came'));
    await api.index.reload();
    const second = await vscode.commands.executeCommand<AutocodeSummary>(commandIds.findAndCode, args);
    assert.deepEqual([second?.written, second?.skipped], [0, 1]);
  });

  it('Code Speaker\'s Turns codes every turn of the speaker under the cursor, and only those, as one undoable edit', async () => {
    const at = editor.document.positionAt(original.indexOf('Nobody signed'));
    editor.selection = new vscode.Selection(at, at);
    const summary = await vscode.commands.executeCommand<AutocodeSummary>(commandIds.codeSpeakerTurns, { codes: ['T1'], coder: 'tt' });
    assert.deepEqual([summary?.written, summary?.files], [2, 1]);
    const text = editor.document.getText();
    assert.ok(text.includes(':::code{.T1 by=tt}\n**P7:** The kumquat grant came late. We waited a year for it.\n\nIt was hard on the team.\n:::\n'), text);
    assert.ok(text.includes(':::code{.T1 by=tt}\n**P7:** Nobody signed the `kumquat` form.\n:::'), text);
    const excerpts = parseTranscript(text, { path: 'x.md' }).excerpts;
    assert.deepEqual(excerpts.map((excerpt) => excerpt.speaker), ['P7', 'P7']);
    assert.equal(plain(text), plain(original));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('Code Speaker\'s Turns does nothing outside a turn', async () => {
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    assert.equal(await vscode.commands.executeCommand(commandIds.codeSpeakerTurns, { codes: ['T1'], coder: 'tt' }), undefined);
    assert.equal(editor.document.getText(), original);
  });
});
