import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { CodingDiffNode, CodingDiffShown } from '../../../src/extension/views/codingDiffTreeProvider';
import { closeAllEditors, eventually, requestNamedScreenshot } from './editorHelpers';
import { getExtension, manifest, workspaceFolder } from './helpers';

const lead01 = 'interviews/lead-01.md';

/** The transcripts and changes the Coding Changes tree shows, as `path | kind codes by coder`. */
function treeLines(api: MarkdownQdaApi): string[] {
  const lines: string[] = [];
  for (const transcript of api.codingDiffTree.getChildren()) {
    for (const change of api.codingDiffTree.getChildren(transcript)) {
      if (change.kind === 'change') lines.push(`${change.diff.path} | ${change.change.kind} ${change.change.codes.join(' ')} by ${change.change.coder}`);
    }
  }
  return lines.sort();
}

describe('Compare Coding with Branch…', () => {
  let api: MarkdownQdaApi;
  let root: string;
  let original: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

  before(async () => {
    api = await getExtension().activate();
    root = workspaceFolder().uri.fsPath;
    original = fs.readFileSync(path.join(root, lead01), 'utf8');
    // The fixture becomes a git repository: main holds it as it is; the working tree is then recoded.
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'lead@example.org');
    git('config', 'user.name', 'Lead');
    git('config', 'commit.gpgsign', 'false');
    git('add', '.');
    git('commit', '-q', '-m', 'the study as coded so far');
    git('tag', 'coded-v1');
    const recoded = original
      .replace('{.T1a by=rk exemplar}', '{.T1a .M3 by=rk exemplar}')
      .replace('**Interviewer:** Were the café owners involved?', '**Interviewer:** Were :code[the café owners]{.T2 by=rk} involved?');
    assert.notEqual(recoded, original);
    fs.writeFileSync(path.join(root, lead01), recoded);
    // An earlier test may have left lead-01 loaded in VS Code: wait until it has read the file again,
    // so that an excerpt opens on the text the index read.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, lead01)));
    await eventually(() => document.getText() === recoded, 10000, 'VS Code read the recoded lead-01.md');
  });

  after(async () => {
    fs.writeFileSync(path.join(root, lead01), original);
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    await closeAllEditors();
  });

  it('declares the command and the Coding Changes view, which is empty before a comparison', () => {
    assert.ok(manifest().contributes.commands.some((command) => command.command === commandIds.compareCodingWithBranch && command.title === 'Compare Coding with Branch…'));
    assert.ok(manifest().contributes.views.markdownQda.some((view) => view.id === 'markdownQda.codingChanges' && view.name === 'Coding Changes'));
    assert.deepEqual(api.codingDiffTree.getChildren(), []);
  });

  it('lists the coding changes since a ref, each once with its kind, and opens a change on its excerpt', async () => {
    const shown = await vscode.commands.executeCommand<CodingDiffShown | undefined>(commandIds.compareCodingWithBranch, { ref: 'main' });
    assert.ok(shown, 'the comparison was shown');
    assert.equal(shown.ref, 'main');
    assert.deepEqual(treeLines(api), [`${lead01} | added T2 by rk`, `${lead01} | recoded T1a M3 by rk`]);
    assert.equal(api.codingDiffView.description, 'main → working tree');
    assert.equal(api.codingDiffView.message, '2 coding changes in 1 transcript since main.');
    const [transcript] = api.codingDiffTree.getChildren();
    const transcriptItem = api.codingDiffTree.getTreeItem(transcript);
    assert.equal(transcriptItem.label, lead01);
    assert.equal(transcriptItem.description, '2 changes');

    const added = api.codingDiffTree.getChildren(transcript).find((node): node is Extract<CodingDiffNode, { kind: 'change' }> => node.kind === 'change' && node.change.kind === 'added');
    assert.ok(added);
    const item = api.codingDiffTree.getTreeItem(added);
    assert.equal(item.label, 'added T2');
    assert.match(String(item.tooltip), /^added T2 by rk \(line \d+, Interviewer\): “the café owners”$/);
    assert.ok(item.command, 'a change opens its excerpt');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await eventually(() => vscode.window.activeTextEditor?.document.uri.fsPath.endsWith('lead-01.md') && vscode.window.activeTextEditor, 5000, 'the transcript opened');
    assert.equal(editor.document.getText(editor.selection), ':code[the café owners]{.T2 by=rk}');
    await vscode.commands.executeCommand(`${'markdownQda.codingChanges'}.focus`);
    await requestNamedScreenshot('coding-changes');
  });

  it('offers the repository’s branches and tags in a quick pick', async () => {
    const pending = vscode.commands.executeCommand<CodingDiffShown | undefined>(commandIds.compareCodingWithBranch);
    // The first item is the first local branch, main.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const shown = await pending;
    assert.equal(shown?.ref, 'main');
    const tagged = await vscode.commands.executeCommand<CodingDiffShown | undefined>(commandIds.compareCodingWithBranch, { ref: 'coded-v1' });
    assert.equal(tagged?.diffs.length, 1);
    assert.equal(api.codingDiffView.description, 'coded-v1 → working tree');
  });

  it('says so, and shows nothing new, for a ref the repository does not have', async () => {
    const shown = await vscode.commands.executeCommand<CodingDiffShown | undefined>(commandIds.compareCodingWithBranch, { ref: 'no-such-branch' });
    assert.equal(shown, undefined);
    assert.equal(api.codingDiffView.description, 'coded-v1 → working tree');
  });
});
