import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { commandIds } from '../../../src/extension/commandIds';
import { getExtension, manifest, waitFor } from './helpers';

describe('activation', () => {
  // First test of the run: nothing has called activate() yet, so only an activation event can.
  it('activates by itself on a workspace that has a codebook', async () => {
    const extension = getExtension();
    await waitFor(() => extension.isActive, 20000);
    assert.equal(extension.isActive, true);
  });

  it('declares activation on Markdown files and on its view', () => {
    const events = (getExtension().packageJSON as { activationEvents: string[] }).activationEvents;
    assert.ok(events.includes('onLanguage:markdown'));
    assert.ok(events.includes('onView:markdownQda.excerpts'));
  });

  it('exposes its index, loaded on activation, and its views', async () => {
    const extension = getExtension();
    const api = await extension.activate();
    assert.ok(api.excerptTree, 'the API exposes the tree data provider');
    assert.ok(api.index.current, 'the workspace was indexed on activation');
  });

  it('registers every command that package.json declares', async () => {
    await getExtension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = manifest().contributes.commands.map((command) => command.command);
    assert.ok(declared.length > 0);
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('declares in package.json every command id the code uses', () => {
    const declared = new Set(manifest().contributes.commands.map((command) => command.command));
    const undeclared = Object.values(commandIds).filter((id) => !declared.has(id));
    assert.deepEqual(undeclared, []);
  });

  it('re-reads the workspace on the refresh command and resolves to the number of transcripts', async () => {
    const api = await getExtension().activate();
    const before = api.index.current;
    const transcripts = await vscode.commands.executeCommand<number>(commandIds.refresh);
    assert.equal(transcripts, 2);
    assert.notEqual(api.index.current, before, 'a new workspace object was loaded');
  });

  it('shows the coder and the excerpt count in the status bar, and follows a new coder', async () => {
    const api = await getExtension().activate();
    const count = api.index.current?.sources.reduce((total, source) => total + source.excerpts.length, 0);
    assert.ok(count && count > 0);
    const stored = await vscode.commands.executeCommand<string | undefined>(commandIds.setCoder, 'tester');
    assert.equal(stored, 'tester');
    assert.equal(vscode.workspace.getConfiguration('markdownQda').get('coder'), 'tester');
    await waitFor(() => api.statusBar.text.includes('tester'));
    assert.match(api.statusBar.text, new RegExp(`tester · ${count} excerpts`));
  });
});

