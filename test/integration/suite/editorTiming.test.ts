import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { generateTranscript, random } from '../../bench/generateCorpus';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { getExtension } from './helpers';
import { closeAllEditors, decorationsOf, setAutoSave, eventually, fileUri, median, writeText } from './editorHelpers';

const big = 'interviews/timing-50k.md';
const rounds = 5;
/** Pause before each coding, in ms. */
const pauseMs = 1000;

describe('editor: time from a coding to updated decorations and tree', () => {
  let api: MarkdownQdaApi;

  before(async () => {
    api = await getExtension().activate();
    await setAutoSave('off');
  });

  after(async () => {
    await closeAllEditors();
    await setAutoSave(undefined);
    await vscode.workspace.fs.delete(fileUri(big));
    await api.index.reload();
  });

  it('measures, in a 50 KB transcript, the time until the tree and the decorations show a new coding (printed)', async () => {
    const text = generateTranscript(9999, { size: 50_000, crlf: false, nonAscii: true, codingEvery: 300 }, random(7));
    await writeText(big, text);
    await eventually(() => api.index.current?.sources.some((source) => source.path === big), 10000, 'the 50 KB transcript indexed');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(big)));
    await eventually(() => decorationsOf(editor.document.uri), 5000, 'first decorations');
    const timingCount = () => {
      const node = api.excerptTree.getChildren().find((candidate) => candidate.kind === 'code' && candidate.group.id === 'Timing');
      return node ? api.excerptTree.getTreeItem(node).description : undefined;
    };
    /** Per coding: edit asked → the extension host sees the change; change → tree; change → decorations; edit → both. */
    const seen: number[] = [];
    const tree: number[] = [];
    const drawn: number[] = [];
    const total: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // A coding made in one edit after a pause (a user reads before coding the next selection),
      // as Code Selection… writes it; MDQDA_TIMING_PAUSE_MS changes the pause (default 1000 ms).
      await new Promise((resolve) => setTimeout(resolve, Number(process.env.MDQDA_TIMING_PAUSE_MS ?? pauseMs)));
      const document = editor.document;
      const marker = '**Interviewer:** ';
      let at = -1;
      for (let skip = 0; skip <= round * 3 + 1; skip++) at = document.getText().indexOf(marker, at + 1);
      const wordStart = at + marker.length;
      const wordEnd = document.getText().indexOf(' ', wordStart);
      const word = document.getText().slice(wordStart, wordEnd);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(wordStart), document.positionAt(wordEnd)), `:code[${word}]{.Timing by=tt}`);
      const wanted = `${round + 1} · not in the codebook`;
      let treeAt = 0;
      const treeUpdated = new Promise<void>((resolve) => {
        const subscription = api.index.onDidChange(() => {
          if (timingCount() !== wanted) return;
          treeAt = performance.now();
          subscription.dispose();
          resolve();
        });
      });
      let changedAt = 0;
      const changeSeen = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document && changedAt === 0) changedAt = performance.now();
      });
      const started = performance.now();
      assert.ok(await vscode.workspace.applyEdit(edit));
      await Promise.race([treeUpdated, new Promise((resolve) => setTimeout(resolve, 5000))]);
      assert.equal(timingCount(), wanted, 'the tree counts the new coding');
      const snapshot = await eventually(async () => {
        const drawn = await decorationsOf(document.uri);
        return drawn?.tints.Timing?.length === round + 1 && drawn;
      }, 5000, 'the new coding decorated');
      changeSeen.dispose();
      seen.push(changedAt - started);
      tree.push(treeAt - changedAt);
      drawn.push(snapshot.renderedAt - changedAt);
      total.push(Math.max(treeAt, snapshot.renderedAt) - started);
    }
    const format = (label: string, values: number[]) => `${label} ${median(values).toFixed(0)} ms (median; min ${Math.min(...values).toFixed(0)}; ${values.map((value) => value.toFixed(0)).join(', ')})`;
    console.log(`[editor timing] coding inserted with a WorkspaceEdit in a ${text.length}-character transcript, ${rounds} times:`);
    console.log(`[editor timing]   ${format('edit → change reaches the extension host', seen)}`);
    console.log(`[editor timing]   ${format('change → tree updated', tree)}`);
    console.log(`[editor timing]   ${format('change → decorations set', drawn)}`);
    console.log(`[editor timing]   ${format('edit → tree and decorations updated', total)}`);
  });
});
