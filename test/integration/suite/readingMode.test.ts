import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { DecorationSnapshot, RangeTuple } from '../../../src/extension/editor/codingDecorations';
import { getExtension } from './helpers';
import { closeAllEditors, decorationsOf, eventually, fileUri, requestNamedScreenshot, writeText } from './editorHelpers';

const dense = 'interviews/reading-dense.md';
/** A dense passage: three nested codings, a container with a coding inside it, several codes per span. */
export const denseText = [
  '---',
  'id: reading-dense',
  '---',
  '',
  '**P4:** :code[We :code[never :code[owned]{.T1a by=pg} the agenda]{.T1 by=pg} at all]{.T2 by=pg}, and :code[the money]{.M3 by=pg} decided.',
  '',
  ':::code{.T2 by=pg}',
  '**P4:** Later :code[we wrote our own questions]{.T1 .M3 by=pg} and kept them.',
  ':::',
  '',
  '**Interviewer:** Thank you.',
  '',
].join('\n');

function pieces(document: vscode.TextDocument, ranges: readonly RangeTuple[]): string[] {
  return ranges.map(([line, from, endLine, to]) => document.getText(new vscode.Range(line, from, endLine, to)));
}

describe('reading mode: Hide Markup, stacked underlines, named stripes', () => {
  let api: MarkdownQdaApi;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await getExtension().activate();
    await writeText(dense, denseText);
    await api.index.reload();
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(dense)), { preview: false });
  });

  after(async () => {
    await vscode.commands.executeCommand(commandIds.toggleHideMarkup, false);
    await closeAllEditors();
    await vscode.workspace.fs.delete(fileUri(dense));
    await api.index.reload();
  });

  it('folds every directive\'s markup out of sight except on the cursor line, leaves the text unchanged, and shows it again when turned off', async () => {
    const document = editor.document;
    const before = document.getText();
    const shown = await eventually(async () => {
      const snapshot = await decorationsOf(document.uri);
      return snapshot && snapshot.markup.length > 0 && snapshot;
    }, 5000, 'decorations of the dense passage');
    assert.deepEqual(shown.hidden, []);
    const allMarkup = pieces(document, shown.markup);
    assert.equal(allMarkup.filter((piece) => piece === ':code[').length, 5, allMarkup.join(' | '));
    assert.match(api.hideMarkupStatusItem.text, /markup/);
    await requestNamedScreenshot('reading-mode-before');

    // The cursor on the last line, which has no markup: every directive is folded.
    const last = new vscode.Position(document.lineCount - 1, 0);
    editor.selection = new vscode.Selection(last, last);
    const click = api.hideMarkupStatusItem.command as vscode.Command;
    assert.equal(await vscode.commands.executeCommand<boolean>(click.command, ...(click.arguments ?? [])), true);
    const folded = await eventually(async () => {
      const snapshot = await decorationsOf(document.uri);
      return snapshot && snapshot.hidden.length > 0 && snapshot;
    }, 5000, 'markup folded');
    assert.deepEqual(folded.hidden, shown.markup, 'every piece of markup is folded out of sight');
    assert.deepEqual(folded.markup, [], 'nothing is left merely dimmed');
    assert.match(api.hideMarkupStatusItem.text, /markup hidden/);
    assert.equal(document.getText(), before, 'the text is unchanged');
    assert.equal(document.isDirty, false);
    await requestNamedScreenshot('reading-mode-after');

    // The cursor on the line of the nested codings: its markup comes back, the rest stays folded.
    const nestedLine = before.split('\n').findIndex((line) => line.includes('never'));
    editor.selection = new vscode.Selection(nestedLine, 10, nestedLine, 10);
    const revealed = await eventually(async () => {
      const snapshot = await decorationsOf(document.uri);
      return snapshot && snapshot.markup.length > 0 && snapshot;
    }, 5000, 'markup of the cursor line shown');
    assert.ok(revealed.markup.every(([line]) => line === nestedLine), 'only the cursor line shows markup');
    assert.equal(revealed.markup.length, shown.markup.filter(([line]) => line === nestedLine).length);
    assert.ok(revealed.hidden.every(([line]) => line !== nestedLine), 'nothing on the cursor line is folded');
    assert.equal(revealed.hidden.length + revealed.markup.length, shown.markup.length);

    assert.equal(await vscode.commands.executeCommand<boolean>(commandIds.toggleHideMarkup), false);
    await eventually(async () => {
      const snapshot = await decorationsOf(document.uri);
      return snapshot && snapshot.hidden.length === 0 && snapshot.markup.length === shown.markup.length;
    }, 5000, 'markup shown again');
    assert.equal(document.getText(), before);
  });

  it('draws more than two overlapping codes as stacked underlines and names the codes of a stripe on hover', async () => {
    const document = editor.document;
    const snapshot: DecorationSnapshot = await eventually(() => decorationsOf(document.uri), 5000, 'decorations');
    assert.deepEqual(snapshot.stacks.map((stack) => [pieces(document, [stack.range])[0], stack.codes]), [
      ['owned', ['T1', 'T1a', 'T2']],
      ['we wrote our own questions', ['T1', 'T2', 'M3']],
    ]);
    assert.ok(!pieces(document, snapshot.tints.T1a ?? []).includes('owned'), 'no blended tint under the stack');
    const nestedLine = document.getText().split('\n').findIndex((line) => line.includes('never'));
    const hover = snapshot.stripeHovers[snapshot.stripes.findIndex((stripe) => stripe.line === nestedLine)];
    for (const name of ['T1', 'T1a', 'T2', 'M3']) assert.ok(hover.includes(`\`${name}\``), `${name} in ${hover}`);
  });
});
