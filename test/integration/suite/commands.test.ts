import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { RecodeOutcome } from '../../../src/extension/editing/recodeWorkspace';
import { closeAndDelete, openFreshTranscript } from './editorHelpers';
import { getExtension, workspaceFolder } from './helpers';

const original = [
  '---',
  'id: coding-test',
  'partnership: North East',
  '---',
  '',
  '**P9:** We never agreed who owns the data 🙂 [notes] and that hurt trust.',
  '',
  'A second paragraph, about the café.',
  '',
].join('\n');

/** The plain text of a transcript (what `mdqda plain` prints), through the core. */
function plain(text: string): string {
  return parseTranscript(text, { path: 'interviews/coding-test.md' }).plainText;
}

function select(editor: vscode.TextEditor, phrase: string): void {
  const start = editor.document.getText().indexOf(phrase);
  assert.ok(start >= 0, `'${phrase}' is in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + phrase.length));
}

function cursorIn(editor: vscode.TextEditor, phrase: string): void {
  const at = editor.document.positionAt(editor.document.getText().indexOf(phrase) + 1);
  editor.selection = new vscode.Selection(at, at);
}

describe('coding commands', () => {
  let api: MarkdownQdaApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await getExtension().activate();
  });

  beforeEach(async () => {
    editor = await openFreshTranscript('coding-test', original);
  });

  afterEach(async () => {
    await closeAndDelete(editor);
  });

  after(async () => {
    await api.index.reload();
  });

  it('codes the selection with the codes and coder given, leaving the plain text unchanged', async () => {
    select(editor, 'who owns the data 🙂 [notes]');
    const done = await vscode.commands.executeCommand<boolean>(commandIds.codeSelection, { codes: ['T2', 'M3'], coder: 'tt' });
    assert.equal(done, true);
    const text = editor.document.getText();
    assert.ok(text.includes(':code[who owns the data 🙂 [notes]]{.T2 .M3 by=tt}'), text);
    assert.equal(plain(text), plain(original));
    const [excerpt] = parseTranscript(text, { path: 'interviews/coding-test.md' }).excerpts;
    assert.deepEqual([excerpt.codes, excerpt.coder, excerpt.text], [['T2', 'M3'], 'tt', 'who owns the data 🙂 [notes]']);
  });

  it('writes the coding as one edit that a single undo takes back exactly', async () => {
    select(editor, 'who owns the data');
    await vscode.commands.executeCommand(commandIds.codeSelection, { codes: ['T2'], coder: 'tt' });
    assert.notEqual(editor.document.getText(), original);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('codes whole paragraphs as a container', async () => {
    select(editor, original.slice(original.indexOf('**P9:**'), original.indexOf('café.') + 'café.'.length));
    await vscode.commands.executeCommand(commandIds.codeSelection, { codes: ['T1'], coder: 'tt' });
    assert.ok(editor.document.getText().endsWith('---\n\n:::code{.T1 by=tt}\n**P9:** We never agreed who owns the data 🙂 [notes] and that hurt trust.\n\nA second paragraph, about the café.\n:::\n'), editor.document.getText());
    assert.equal(plain(editor.document.getText()), plain(original));
  });

  it('uncodes one code of the excerpt under the cursor, then the whole excerpt', async () => {
    select(editor, 'who owns the data');
    await vscode.commands.executeCommand(commandIds.codeSelection, { codes: ['T2', 'M3'], coder: 'tt' });
    cursorIn(editor, 'owns');
    assert.equal(await vscode.commands.executeCommand(commandIds.uncode, { code: 'M3' }), true);
    assert.ok(editor.document.getText().includes(':code[who owns the data]{.T2 by=tt}'), editor.document.getText());
    cursorIn(editor, 'owns');
    await vscode.commands.executeCommand(commandIds.uncode, { all: true });
    assert.equal(editor.document.getText(), original);
  });

  it('adds, changes and removes a memo, and toggles the exemplar mark', async () => {
    select(editor, 'who owns the data');
    await vscode.commands.executeCommand(commandIds.codeSelection, { codes: ['T2'], coder: 'tt' });
    const excerpt = () => parseTranscript(editor.document.getText(), { path: 'x.md' }).excerpts[0];
    cursorIn(editor, 'owns');
    await vscode.commands.executeCommand(commandIds.editMemo, { memo: 'who decides "ownership"?' });
    assert.equal(excerpt().memo, 'who decides "ownership"?');
    cursorIn(editor, 'owns');
    await vscode.commands.executeCommand(commandIds.toggleExemplar);
    assert.equal(excerpt().exemplar, true);
    cursorIn(editor, 'owns');
    await vscode.commands.executeCommand(commandIds.toggleExemplar);
    await vscode.commands.executeCommand(commandIds.editMemo, { memo: null });
    assert.deepEqual([excerpt().memo, excerpt().exemplar], [null, false]);
    assert.equal(plain(editor.document.getText()), plain(original));
  });

  it('moves the selection to the next and previous excerpt, round the end of the file', async () => {
    const coded = original.replace('who owns the data', ':code[who owns the data]{.T2 by=pg}').replace('about the café', ':code[about the café]{.T1 by=pg}');
    await closeAndDelete(editor);
    editor = await openFreshTranscript('coding-test', coded);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const selected = () => editor.document.getText(editor.selection);
    await vscode.commands.executeCommand(commandIds.nextExcerpt);
    assert.equal(selected(), 'who owns the data');
    await vscode.commands.executeCommand(commandIds.nextExcerpt);
    assert.equal(selected(), 'about the café');
    await vscode.commands.executeCommand(commandIds.nextExcerpt);
    assert.equal(selected(), 'who owns the data');
    await vscode.commands.executeCommand(commandIds.previousExcerpt);
    assert.equal(selected(), 'about the café');
  });

  it('refuses a selection the markup cannot express and changes nothing', async () => {
    select(editor, 'partnership: North');
    assert.equal(await vscode.commands.executeCommand(commandIds.codeSelection, { codes: ['T2'], coder: 'tt' }), false);
    assert.equal(editor.document.getText(), original);
  });
});

describe('workspace refactorings', () => {
  let api: MarkdownQdaApi;
  const files = ['interviews/lead-01.md', 'interviews/lead-02.md', 'codebook.yaml'];
  const saved = new Map<string, Uint8Array>();
  const uriOf = (path: string) => vscode.Uri.joinPath(workspaceFolder().uri, ...path.split('/'));
  const read = async (path: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(path)));

  before(async () => {
    api = await getExtension().activate();
    for (const path of files) saved.set(path, await vscode.workspace.fs.readFile(uriOf(path)));
  });

  after(async () => {
    for (const [path, bytes] of saved) await vscode.workspace.fs.writeFile(uriOf(path), bytes);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.index.reload();
  });

  it('renames a code in both transcripts and the codebook, recorded in its history, and saves them', async () => {
    const plainBefore = await Promise.all(files.slice(0, 2).map(async (path) => plain(await read(path))));
    const outcome = await vscode.commands.executeCommand<RecodeOutcome>(commandIds.renameCode, { from: 'T2', to: 'T2k' });
    assert.ok(outcome?.ok, JSON.stringify(outcome));
    const changed = outcome.files.map((uri) => vscode.workspace.asRelativePath(uri, false));
    for (const path of files) assert.ok(changed.includes(path), `${path} among ${changed.join(', ')}`);
    const [first, second, codebook] = await Promise.all(files.map(read));
    assert.ok(first.includes('{.T2k .M3 by=pg}') && !/\.T2[ }]/.test(first), first);
    assert.ok(second.includes('{.T2k by=rk}'), second);
    assert.deepEqual([plain(first), plain(second)], plainBefore);
    assert.match(codebook, /- id: T2k\n/);
    assert.match(codebook, /history:\n {2}- \{ action: rename, from: \[T2\], to: \[T2k\], date: \d{4}-\d{2}-\d{2} \}/);
    assert.deepEqual(api.index.current?.sources.flatMap((source) => source.excerpts.filter((excerpt) => excerpt.codes.includes('T2k'))).length, 2);
  });

  it('merges codes across the workspace into one', async () => {
    const outcome = await vscode.commands.executeCommand<RecodeOutcome>(commandIds.mergeCodes, { from: ['M3', 'T2k'], into: 'T2k' });
    assert.ok(outcome?.ok, JSON.stringify(outcome));
    const [first, , codebook] = await Promise.all(files.map(read));
    assert.ok(first.includes('{.T2k by=pg}'), first);
    assert.ok(!/id: M3\b/.test(codebook), codebook);
    assert.match(codebook, /action: merge, from: \[M3, T2k\], to: \[T2k\]/);
  });

  it('splits the excerpt under the cursor off to a new code, leaving the other excerpts of the code', async () => {
    const before = await read('interviews/lead-01.md');
    const document = await vscode.workspace.openTextDocument(uriOf('interviews/lead-01.md'));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const at = document.positionAt(document.getText().indexOf('owners were never asked'));
    editor.selection = new vscode.Selection(at, at);
    const outcome = await vscode.commands.executeCommand<RecodeOutcome>(commandIds.splitCode, { code: 'T1a', to: 'T1z', name: 'Never asked' });
    assert.ok(outcome?.ok, JSON.stringify(outcome));
    assert.equal(outcome.excerpts, 1);
    const [first, , codebook] = await Promise.all(files.map(read));
    assert.ok(first.includes(':code[The café owners were never asked]{.T1z by=rk exemplar}'), first);
    assert.ok(first.includes(':::code{.T1 .T1a by=pg'), first);
    assert.equal(plain(first), plain(before));
    // The new code is written beside T1a with its name and T1a's other fields (description, colour…).
    assert.match(codebook, /id: T1z[\s\S]*?name: "Never asked"[\s\S]*?parent: T1\b/);
    assert.match(codebook, /id: T1z[\s\S]*?description: /);
    assert.match(codebook, /action: split, from: \[T1a\], to: \[T1a, T1z\]/);
  });
});

describe('getting started', () => {
  let api: MarkdownQdaApi;
  let saved: Uint8Array;
  const uri = () => vscode.Uri.joinPath(workspaceFolder().uri, 'codebook.yaml');

  before(async () => {
    api = await getExtension().activate();
    saved = await vscode.workspace.fs.readFile(uri());
  });

  after(async () => {
    await vscode.workspace.fs.writeFile(uri(), saved);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.index.reload();
  });

  it('writes codebook.yaml extending the chosen preset, as mdqda init does, and loads its codes', async () => {
    const written = await vscode.commands.executeCommand<vscode.Uri>(commandIds.initCodebook, { presets: ['mechanisms'], overwrite: true });
    assert.equal(written?.toString(), uri().toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri()));
    assert.match(text, /^# Codebook of this workspace/);
    assert.match(text, /\nextends: mechanisms\n/);
    const codes = [...(api.index.current?.codebook.codes.keys() ?? [])];
    assert.ok(['M1', 'M5', 'M9'].every((id) => codes.includes(id)), codes.join(' '));
  });

  it('declares a walkthrough whose steps have their Markdown media in the extension', async () => {
    const extension = getExtension();
    const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs: { steps: { media: { markdown: string } }[] }[] } }).contributes.walkthroughs;
    assert.equal(walkthroughs.length, 1);
    assert.ok(walkthroughs[0].steps.length >= 3);
    for (const step of walkthroughs[0].steps) {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown));
      assert.ok(stat.size > 0, step.media.markdown);
    }
  });
});
