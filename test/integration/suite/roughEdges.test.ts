import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { RecodeOutcome } from '../../../src/extension/editing/recodeWorkspace';
import { walkthroughSteps } from '../../../src/extension/walkthroughProgress';
import { getExtension } from './helpers';
import { closeAllEditors, eventually, fileUri, readText, setAutoSave, writeText } from './editorHelpers';

const scratch = 'interviews/rough-edges.md';
const original = [
  '---',
  'id: rough-edges',
  '---',
  '',
  '**P4:** We were asked to co-produce, and nobody said what that meant.',
  '',
  '**P4:** Later we wrote our own questions.',
  '',
].join('\n');

const plain = (text: string) => parseTranscript(text, { path: scratch }).plainText;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rough edges: paragraph containers, the create-code button, the walkthrough', () => {
  let api: MarkdownQdaApi;
  let codebookText: string;
  let coderBefore: string | undefined;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await getExtension().activate();
    codebookText = await readText('codebook.yaml');
    coderBefore = vscode.workspace.getConfiguration('markdownQda').inspect<string>('coder')?.globalValue;
    await vscode.commands.executeCommand(commandIds.setCoder, 'tt');
    await setAutoSave('off');
  });

  beforeEach(async () => {
    await writeText(scratch, original);
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(scratch)), { preview: false });
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  after(async () => {
    await vscode.workspace.fs.delete(fileUri(scratch));
    await writeText('codebook.yaml', codebookText);
    await vscode.workspace.getConfiguration('markdownQda').update('coder', coderBefore, vscode.ConfigurationTarget.Global);
    await setAutoSave(undefined);
    await api.index.reload();
  });

  it('codes a whole-line (triple-click) selection of a paragraph as a container with the speaker label inside', async () => {
    const line = original.split('\n').findIndex((text) => text.startsWith('**P4:** Later'));
    editor.selection = new vscode.Selection(line, 3, line, 3);
    await vscode.commands.executeCommand('expandLineSelection');
    assert.equal(editor.document.getText(editor.selection), '**P4:** Later we wrote our own questions.\n');
    assert.equal(await vscode.commands.executeCommand(commandIds.codeSelection, { codes: ['T1'] }), true);
    const text = editor.document.getText();
    assert.ok(text.includes('\n:::code{.T1 by=tt}\n**P4:** Later we wrote our own questions.\n:::\n'), text);
    assert.equal(plain(text), plain(original));

    // Two whole paragraphs with the blank line after them: one container.
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
    editor.selection = new vscode.Selection(4, 0, 8, 0);
    assert.equal(await vscode.commands.executeCommand(commandIds.codeSelection, { codes: ['T2'] }), true);
    assert.ok(editor.document.getText().endsWith('---\n\n:::code{.T2 by=tt}\n**P4:** We were asked to co-produce, and nobody said what that meant.\n\n**P4:** Later we wrote our own questions.\n:::\n'), editor.document.getText());
  });

  it('creates a new code from the picker\'s button, comes back to the picker, and codes only when the picker is accepted', async () => {
    const phrase = 'nobody said what that meant';
    const start = editor.document.getText().indexOf(phrase);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + phrase.length));

    const state = api.codePickerState;
    // Create New Code, then Escape in its prompt, then Escape in the picker: nothing is coded.
    const cancelled = vscode.commands.executeCommand<boolean>(commandIds.codeSelection);
    await eventually(() => state() === 'picking', 10000, 'the code picker open');
    const prompted = vscode.commands.executeCommand<string | undefined>(commandIds.createCode);
    await eventually(() => state() === 'creating', 10000, 'the new code\'s prompt open');
    await eventually(async () => {
      await sleep(300);
      if (state() === 'creating') await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return state() === 'picking';
    }, 10000, 'back in the picker after Escape in the prompt');
    assert.equal(await prompted, undefined, 'inside the picker the command hands over to it');
    await eventually(async () => {
      if (state() === 'picking') await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await sleep(200);
      return state() === undefined;
    }, 10000, 'the picker closed by Escape');
    assert.equal(await cancelled, false);
    assert.equal(editor.document.getText(), original, 'Escape codes nothing');

    // Create New Code with an id and a name: back in the picker with it ticked; accepting codes with it.
    const coding = vscode.commands.executeCommand<boolean>(commandIds.codeSelection);
    await eventually(() => state() === 'picking', 10000, 'the code picker open again');
    assert.equal(await vscode.commands.executeCommand(commandIds.createCode, { id: 'Z9', name: 'Made in the picker' }), undefined);
    await eventually(async () => {
      await sleep(300);
      if (state() === 'picking') await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return state() === undefined;
    }, 15000, 'the picker accepted');
    assert.equal(await coding, true);
    assert.ok(editor.document.getText().includes(`:code[${phrase}]{.Z9 by=tt}`), editor.document.getText());
    assert.match(await readText('codebook.yaml'), /id: Z9, name: "Made in the picker"/);
    assert.equal(api.index.current?.codebook.codes.get('Z9')?.name, 'Made in the picker');
  });

  it('ticks walkthrough steps only when their action happened, and copies the example study', async () => {
    const packageJson = getExtension().packageJSON as { contributes: { walkthroughs: { steps: { id: string; completionEvents: string[] }[] }[] } };
    const steps = packageJson.contributes.walkthroughs[0].steps;
    const contextKeys: string[] = Object.values(walkthroughSteps);
    for (const step of steps.filter((candidate) => candidate.id !== 'coder')) {
      assert.equal(step.completionEvents.length, 1, step.id);
      const [event] = step.completionEvents;
      assert.ok(event.startsWith('onContext:') && contextKeys.includes(event.slice('onContext:'.length)), `${step.id}: ${event}`);
    }
    assert.equal(steps[0].id, 'example', 'the walkthrough starts with the example study');

    // Code Selection with nothing selected only says so: the step does not count it.
    const coded = api.walkthrough.count('code');
    editor.selection = new vscode.Selection(4, 0, 4, 0);
    assert.equal(await vscode.commands.executeCommand(commandIds.codeSelection, { codes: ['T1'] }), false);
    assert.equal(api.walkthrough.count('code'), coded);
    editor.selection = new vscode.Selection(4, 8, 4, 10);
    assert.equal(await vscode.commands.executeCommand(commandIds.codeSelection, { codes: ['T1'] }), true);
    assert.equal(api.walkthrough.count('code'), coded + 1);
    assert.ok(api.walkthrough.count('codebook') > 0, 'the workspace has a codebook with codes');

    const folder = vscode.Uri.file(path.join(os.tmpdir(), `mdqda-example-${Date.now()}`));
    const examples = api.walkthrough.count('example');
    const copy = await vscode.commands.executeCommand<vscode.Uri>(commandIds.openExampleStudy, { folder, open: false });
    try {
      assert.equal(copy.path, vscode.Uri.joinPath(folder, 'coproduction-study').path);
      const names = (await vscode.workspace.fs.readDirectory(copy)).map(([name]) => name);
      assert.ok(names.includes('codebook.yaml') && names.filter((name) => name.endsWith('.md')).length >= 4, names.join(' '));
      assert.equal(api.walkthrough.count('example'), examples + 1);
      // A second copy opens the existing one as it is.
      const readme = vscode.Uri.joinPath(copy, 'README.md');
      await vscode.workspace.fs.writeFile(readme, new TextEncoder().encode('mine'));
      await vscode.commands.executeCommand(commandIds.openExampleStudy, { folder, open: false });
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(readme)), 'mine');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});

describe('rough edges: rename and merge say what will change, and undo from any editor', () => {
  let api: MarkdownQdaApi;
  const files = ['interviews/lead-01.md', 'interviews/lead-02.md', 'codebook.yaml'];
  const saved = new Map<string, string>();

  before(async () => {
    api = await getExtension().activate();
    for (const file of files) saved.set(file, await readText(file));
  });

  after(async () => {
    for (const [file, text] of saved) await writeText(file, text);
    await closeAllEditors();
    await api.index.reload();
  });

  it('lists the changes per file without writing (dry run), writes the same, and undoes it from an unrelated editor', async () => {
    const plan = await vscode.commands.executeCommand<RecodeOutcome>(commandIds.renameCode, { from: 'T2', to: 'T2p', dryRun: true });
    assert.ok(plan?.ok && !plan.written, JSON.stringify(plan));
    assert.deepEqual(plan.perFile.map((file) => file.path).sort(), [...files].sort());
    assert.ok(plan.perFile.every((file) => file.edits > 0));
    for (const file of files) assert.equal(await readText(file), saved.get(file), `${file} untouched by the preview`);

    const done = await vscode.commands.executeCommand<RecodeOutcome>(commandIds.renameCode, { from: 'T2', to: 'T2p' });
    assert.ok(done?.ok && done.written, JSON.stringify(done));
    assert.deepEqual(done.perFile, plan.perFile, 'what was written is what the preview said');
    assert.equal(done.excerpts, plan.excerpts);
    assert.match(await readText('interviews/lead-01.md'), /\.T2p /);

    // From an editor that has nothing to do with the rename.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'unrelated' }));
    const undone = await vscode.commands.executeCommand<{ ok: boolean; files?: vscode.Uri[] }>(commandIds.undoRecode);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.ok(undone.ok, JSON.stringify(undone));
    for (const file of files) assert.equal(await readText(file), saved.get(file), `${file} back as it was`);
    assert.ok(api.index.current?.codebook.codes.has('T2') && !api.index.current.codebook.codes.has('T2p'));
    const again = await vscode.commands.executeCommand<{ ok: boolean; error?: string }>(commandIds.undoRecode);
    assert.deepEqual(again, { ok: false, error: 'no rename, merge or split was made in this window' });
  });

  it('refuses to undo a merge over a file changed since, naming the file', async () => {
    const done = await vscode.commands.executeCommand<RecodeOutcome>(commandIds.mergeCodes, { from: ['M3'], into: 'T2' });
    assert.ok(done?.ok && done.written, JSON.stringify(done));
    const changed = await readText('interviews/lead-01.md');
    await writeText('interviews/lead-01.md', `${changed}\nA line added since.\n`);
    await eventuallyDocument('interviews/lead-01.md', (text) => text.endsWith('A line added since.\n'));
    const refused = await vscode.commands.executeCommand<{ ok: boolean; error?: string }>(commandIds.undoRecode);
    assert.equal(refused.ok, false);
    assert.match(refused.error ?? '', /interviews\/lead-01\.md changed since the merge M3 → T2; use Edit > Undo in that file/);
  });
});

/** Waits until the open document of `relative` has caught up with its file on disk. */
async function eventuallyDocument(relative: string, test: (text: string) => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (test((await vscode.workspace.openTextDocument(fileUri(relative))).getText())) return;
    await sleep(50);
  }
  throw new Error(`${relative} did not change`);
}
