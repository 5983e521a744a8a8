import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import { getExtension, workspaceFolder } from './helpers';

const encoder = new TextEncoder();

/** A workspace file's URI. */
function uriOf(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split('/'));
}

/**
 * Replaces a workspace file as an editor's atomic save does (a new file renamed over it): a load
 * that a file watcher started for an earlier change can never read it half written.
 */
async function replaceFile(relative: string, bytes: Uint8Array): Promise<void> {
  const temporary = uriOf(`${relative}.saving`);
  await vscode.workspace.fs.writeFile(temporary, bytes);
  await vscode.workspace.fs.rename(temporary, uriOf(relative), { overwrite: true });
}

describe('bad input in the workspace', function () {
  // Indexing a 5 MB transcript of 40,000 codings takes seconds, more on a loaded machine.
  this.timeout(120_000);
  let api: MarkdownQdaApi;
  const created: string[] = [];
  let codebookText: Uint8Array;

  before(async () => {
    api = await getExtension().activate();
    codebookText = await vscode.workspace.fs.readFile(uriOf('codebook.yaml'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const relative of created) {
      try {
        await vscode.workspace.fs.delete(uriOf(relative));
      } catch {
        // Already gone.
      }
    }
    await replaceFile('codebook.yaml', codebookText);
    await api.index.reload();
  });

  it('keeps indexing next to a binary .md and a 5 MB transcript, and answers commands at once after', async () => {
    created.push('interviews/binary.md', 'interviews/big.md');
    const binary = new Uint8Array([...encoder.encode(':code[x]{.T1}\n'), 0, 1, 2, 0, 255]);
    await vscode.workspace.fs.writeFile(uriOf('interviews/binary.md'), binary);
    const turn = '**P9:** We met every month and :code[the funder set the terms]{.T1 by=pg} for the whole programme.\n\n';
    const big = '---\nid: big-5mb\n---\n\n' + turn.repeat(Math.ceil((5 * 1024 * 1024) / turn.length));
    await vscode.workspace.fs.writeFile(uriOf('interviews/big.md'), encoder.encode(big));

    const transcripts = await vscode.commands.executeCommand<number>(commandIds.refresh);
    const workspace = api.index.current;
    assert.ok(workspace);
    const paths = workspace.sources.map((source) => source.path);
    assert.ok(paths.includes('interviews/big.md'), paths.join(', '));
    assert.ok(!paths.includes('interviews/binary.md'));
    assert.equal(transcripts, workspace.sources.length);
    const bigSource = workspace.sources.find((source) => source.path === 'interviews/big.md');
    assert.ok((bigSource?.excerpts.length ?? 0) > 40_000);
    assert.ok(workspace.diagnostics.some((diagnostic) => diagnostic.path === 'interviews/binary.md' && diagnostic.ruleId === 'binary-file'));

    // The extension host is free again: a command round trip takes no time worth noticing.
    const started = Date.now();
    await vscode.commands.executeCommand(commandIds.setCoder, 'tester');
    console.log(`[bad input] command round trip after indexing a 5 MB transcript: ${Date.now() - started} ms`);
  });

  it('keeps the last good codebook while codebook.yaml has errors, and shows them', async () => {
    await api.index.reload();
    const before = api.index.current?.codebook.codes.size ?? 0;
    assert.ok(before > 0);
    await replaceFile('codebook.yaml', encoder.encode('codes:\n  - id: [unclosed\n    name: Broken\n'));
    await api.index.reload();
    const workspace = api.index.current;
    assert.ok(workspace);
    assert.equal(workspace.codebook.codes.size, before);
    assert.ok(workspace.diagnostics.some((diagnostic) => diagnostic.ruleId === 'stale-codebook'), workspace.diagnostics.map((diagnostic) => diagnostic.ruleId).join(' '));
    assert.ok(workspace.diagnostics.some((diagnostic) => diagnostic.path === 'codebook.yaml' && diagnostic.severity === 'error'));
    await replaceFile('codebook.yaml', codebookText);
    await api.index.reload();
    assert.ok(!api.index.current?.diagnostics.some((diagnostic) => diagnostic.ruleId === 'stale-codebook'));
  });

  it('refuses to code a transcript whose bytes are not valid UTF-8, and leaves its bytes alone', async () => {
    created.push('interviews/latin1.md');
    const bytes = new Uint8Array([...encoder.encode('---\nid: latin1\n---\n\n**P2:** caf'), 0xe9, ...encoder.encode(' talk :code[coded]{.T1 by=pg} and more words here.\n')]);
    await vscode.workspace.fs.writeFile(uriOf('interviews/latin1.md'), bytes);
    await api.index.reload();
    const document = await vscode.workspace.openTextDocument(uriOf('interviews/latin1.md'));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const start = document.getText().indexOf('more words');
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + 'more words'.length));
    const done = await vscode.commands.executeCommand<boolean>(commandIds.codeSelection, { codes: ['T2'], coder: 'tt' });
    assert.notEqual(done, true);
    assert.ok(!editor.document.getText().includes('{.T2'), editor.document.getText());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.deepEqual([...(await vscode.workspace.fs.readFile(uriOf('interviews/latin1.md')))], [...bytes]);
  });
});
