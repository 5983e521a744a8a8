import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { commandIds } from '../../../src/extension/commandIds';
import { getExtension, workspaceFolder } from './helpers';

const vtt = ['WEBVTT', '', '00:00:03.000 --> 00:00:05.000', '<v Zoë Łukasz>We started slowly &amp; *carefully*.', '', '00:00:06.000 --> 00:00:08.000', '<v Interviewer>Why?', ''].join('\n');
const txt = 'Speaker 1  0:03\nHow did it start?\n\nSpeaker 2  0:09\nWith one meeting.\n';

describe('Import Transcripts… (markdownQda.importTranscripts)', () => {
  const folder = () => vscode.Uri.joinPath(workspaceFolder().uri, 'imported');
  const raw = () => vscode.Uri.joinPath(workspaceFolder().uri, 'raw');
  before(async () => {
    await getExtension().activate();
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(raw(), 'call-1.vtt'), new TextEncoder().encode(vtt));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(raw(), 'otter 2.txt'), new TextEncoder().encode(txt));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
    await vscode.workspace.fs.delete(raw(), { recursive: true, useTrash: false });
  });

  it('writes one Markdown transcript per file with its speakers, and opens the first', async () => {
    const files = [vscode.Uri.joinPath(raw(), 'call-1.vtt'), vscode.Uri.joinPath(raw(), 'otter 2.txt')];
    const written = await vscode.commands.executeCommand<vscode.Uri[] | undefined>(commandIds.importTranscripts, { files, folder: folder() });
    assert.deepEqual(written?.map((uri) => uri.path.split('/').pop()), ['call-1.md', 'otter-2.md']);
    const first = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'call-1.md')));
    assert.match(first, /^\*\*Zoë Łukasz:\*\* \[00:00:03\] We started slowly & \\\*carefully\\\*\.$/m);
    assert.deepEqual(parseTranscript(first, { path: 'imported/call-1.md' }).turns.map((turn) => turn.speaker), ['Zoë Łukasz', 'Interviewer']);
    const second = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'otter-2.md')));
    assert.deepEqual(parseTranscript(second, { path: 'imported/otter-2.md' }).turns.map((turn) => turn.speaker), ['Speaker 1', 'Speaker 2']);
    assert.equal(vscode.window.activeTextEditor?.document.uri.path.split('/').pop(), 'call-1.md');
  });

  it('never replaces an existing transcript when told not to, and writes nothing for a bad file', async () => {
    const target = vscode.Uri.joinPath(folder(), 'call-1.md');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('mine\n'));
    const again = await vscode.commands.executeCommand<vscode.Uri[] | undefined>(commandIds.importTranscripts, { files: [vscode.Uri.joinPath(raw(), 'call-1.vtt')], folder: folder(), overwrite: false });
    assert.equal(again, undefined);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'mine\n');
    const bad = vscode.Uri.joinPath(raw(), 'old.doc');
    await vscode.workspace.fs.writeFile(bad, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    const refused = await vscode.commands.executeCommand<vscode.Uri[] | undefined>(commandIds.importTranscripts, { files: [vscode.Uri.joinPath(raw(), 'otter 2.txt'), bad], folder: vscode.Uri.joinPath(folder(), 'more') });
    assert.equal(refused, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder(), 'more', 'otter-2.md'))));
  });
});
