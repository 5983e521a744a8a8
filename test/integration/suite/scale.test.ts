import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as vscode from 'vscode';
import { codebookUsage } from '../../../src/core/codebook/codebookUsage';
import { groupMemos } from '../../../src/core/index/groupMemos';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds, excerptsViewId } from '../../../src/extension/commandIds';
import type { ExcerptTreeNode } from '../../../src/extension/views/excerptTreeProvider';
import { groupExcerptsByCode } from '../../../src/extension/views/groupExcerptsByCode';
import { scaleTranscriptFolder, scaleTranscripts } from '../scaleWorkspace';
import { closeAllEditors, decorationsOf, eventually, fileUri, median, setAutoSave } from './editorHelpers';
import { getExtension } from './helpers';

// Runs in the scale launch of run.js only: the workspace holds the benchmark's 5,000 transcripts
// (about 62 MB) and a codebook with every code they use. Codes passages of one transcript with
// Code Selection, as a user does with the Coded Excerpts view open, and prints how long the
// decorations and the tree take to show each coding (a figure, not asserted: the machines that
// run it are shared). MDQDA_PROFILE=FILE also writes a CPU profile of the extension host.

/** The transcript coded, in the middle of the workspace. */
const transcript = `${scaleTranscriptFolder}/interview-2500.md`;
/** The code given to each selection: a code used some 10,000 times across the workspace. */
const code = 'T2';
/** Codings made first and left out of the medians: the first ones run code VS Code and the extension have not compiled yet (printed apart). */
const warmUp = 2;
const rounds = warmUp + 7;
/** Pause before each coding, in ms (a user reads before coding the next passage; longer than the index's typing debounce). */
const pauseMs = 500;

/**
 * Offsets of the `round`-th passage of three plain words in a speaker's turn: outside every
 * directive's label and attributes, so coding it adds one excerpt and nests in nothing.
 */
function passage(text: string, round: number): { start: number; end: number } {
  const turns = [...text.matchAll(/^\*\*P\d+:\*\* .*$/gm)];
  assert.ok(turns.length > rounds + 1, 'the transcript has enough participant turns');
  for (const turn of turns.slice(round + 1)) {
    const line = turn[0];
    let depth = 0;
    let plainFrom = -1;
    for (let at = 0; at <= line.length; at++) {
      const char = line[at] ?? '\n';
      if ('[{'.includes(char)) depth++;
      if (']}'.includes(char)) depth--;
      const plain = depth === 0 && /[A-Za-z ]/.test(char);
      if (plain && plainFrom < 0) plainFrom = at;
      if (plain) continue;
      const words = plainFrom >= 0 ? /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/.exec(line.slice(plainFrom, at)) : null;
      if (words && plainFrom > line.indexOf(' ')) {
        const start = (turn.index as number) + plainFrom + words.index;
        return { start, end: start + words[0].length };
      }
      plainFrom = -1;
    }
  }
  throw new Error(`no plain three-word passage for round ${round}`);
}

/**
 * Starts a CPU profile of the extension host when `file` is given (MDQDA_PROFILE, to see where
 * the time of the codings goes); the function returned stops it and writes it to `file`.
 */
async function startProfile(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => {};
  const session = new inspector.Session();
  session.connect();
  const call = (method: 'Profiler.enable' | 'Profiler.start') => new Promise<void>((resolve, reject) => session.post(method, (error) => (error ? reject(error) : resolve())));
  await call('Profiler.enable');
  await new Promise<void>((resolve, reject) => session.post('Profiler.setSamplingInterval', { interval: 100 }, (error) => (error ? reject(error) : resolve())));
  await call('Profiler.start');
  return () => new Promise<void>((resolve, reject) => session.post('Profiler.stop', (error, result) => {
    session.disconnect();
    if (error) return reject(error);
    fs.writeFileSync(file, JSON.stringify(result.profile));
    console.log(`[scale] CPU profile of the extension host written to ${file}`);
    resolve();
  }));
}

describe('scale: 5,000 transcripts in the workspace', () => {
  let api: MarkdownQdaApi;

  before(async function () {
    this.timeout(120000);
    api = await getExtension().activate();
    await setAutoSave('off');
  });

  after(async () => {
    await closeAllEditors();
    await setAutoSave(undefined);
  });

  it('coding a selection updates the decorations, the Coded Excerpts tree and the counts of every view (time printed)', async function () {
    this.timeout(120000);
    const workspace = api.index.current;
    assert.ok(workspace, 'the workspace is indexed');
    assert.equal(workspace.sources.length, scaleTranscripts, 'every transcript is indexed');
    assert.equal(workspace.diagnostics.length, 0, 'the generated study has no problems');
    console.log(`[scale] ${workspace.sources.length} transcripts, ${api.index.excerptCount} excerpts indexed ${process.uptime().toFixed(1)} s after the extension host started`);

    // The Coded Excerpts view in sight, as a user codes with it open (VS Code fetches only visible trees).
    await vscode.commands.executeCommand(`${excerptsViewId}.focus`);
    await eventually(() => api.excerptView.visible, 10000, 'the Coded Excerpts view visible');
    const codeNode = () => api.excerptTree.getChildren().find((node) => node.kind === 'code' && node.group.id === code);
    const countInTree = () => {
      const node = codeNode();
      return node ? Number(api.excerptTree.getTreeItem(node).description) : NaN;
    };

    const uri = fileUri(transcript);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const firstDrawn = await eventually(() => decorationsOf(uri), 10000, 'the transcript decorated');
    const plainBefore = parseTranscript(editor.document.getText(), { path: transcript }).plainText;
    const excerptsBefore = api.index.excerptCount;

    // When VS Code's tree view asks the provider for the row of the code (not the test: it reads
    // the tree only outside the timed part), and the count that row shows.
    const provider = api.excerptTree;
    const fetched: { at: number; count: number }[] = [];
    const getTreeItem = provider.getTreeItem;
    provider.getTreeItem = function (node: ExcerptTreeNode) {
      const item = getTreeItem.call(this, node);
      if (node.kind === 'code' && node.group.id === code) fetched.push({ at: performance.now(), count: Number(item.description) });
      return item;
    };
    const stopProfile = await startProfile(process.env.MDQDA_PROFILE);
    const decorations: number[] = [];
    const tree: number[] = [];
    const commandDone: number[] = [];
    const edited: number[] = [];
    const indexed: number[] = [];
    /** CPU time the extension host spent (every extension, VS Code's own part, the test) from the command to the tree fetched. */
    const cpu: number[] = [];
    try {
      // Each coding adds markup (its `:code[` and `]{…}`), dimmed by the decorations.
      let markup = firstDrawn.markup.length;
      for (let round = 0; round < rounds; round++) {
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
        const count = countInTree();
        assert.ok(count > 0, `the tree shows ${code} with its excerpts`);
        const { start, end } = passage(editor.document.getText(), round);
        editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
        fetched.length = 0;
        // Registered after the extension's own listeners, so each runs after theirs.
        let editedAt = 0;
        let indexedAt = 0;
        const listeners = [
          vscode.workspace.onDidChangeTextDocument((event) => { if (event.document === editor.document) editedAt ||= performance.now(); }),
          api.index.onDidChange(() => { indexedAt ||= performance.now(); }),
        ];
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const done = await vscode.commands.executeCommand<boolean>(commandIds.codeSelection, { codes: [code], coder: 'tt' });
        const doneAt = performance.now();
        assert.equal(done, true, 'the selection was coded');
        const drawn = await eventually(async () => {
          const snapshot = await decorationsOf(uri);
          return snapshot?.version === editor.document.version && snapshot.markup.length > markup && snapshot;
        }, 10000, 'the new coding decorated');
        const shown = await eventually(() => fetched.find((fetch) => fetch.count === count + 1), 10000, `the tree view showing ${count + 1} ${code} excerpts`);
        const cpuUsed = process.cpuUsage(cpuBefore);
        for (const listener of listeners) listener.dispose();
        markup = drawn.markup.length;
        decorations.push(drawn.renderedAt - started);
        tree.push(shown.at - started);
        commandDone.push(doneAt - started);
        edited.push(editedAt - started);
        indexed.push(indexedAt - started);
        cpu.push((cpuUsed.user + cpuUsed.system) / 1000);
      }
    } finally {
      provider.getTreeItem = getTreeItem;
      await stopProfile();
    }
    assert.equal(parseTranscript(editor.document.getText(), { path: transcript }).plainText, plainBefore, 'the plain text is unchanged');
    // What the views keep up to date per edit is what counting everything again gives.
    const after = api.index.current;
    assert.ok(after);
    assert.equal(after.sources.length, scaleTranscripts);
    assert.ok(after.sources.every((source, at) => api.index.sourceAt(source.path) === source && (at === 0 || after.sources[at - 1].path < source.path)), 'the sources in path order, as indexed');
    const excerpts = after.sources.reduce((total, source) => total + source.excerpts.length, 0);
    assert.equal(excerpts, excerptsBefore + rounds, 'one excerpt more per coding');
    assert.equal(api.index.excerptCount, excerpts);
    assert.match(api.statusBar.text, new RegExp(`· ${excerpts} excerpts`));
    assert.deepEqual(api.codebookTree.usage, codebookUsage(after.codebook, after.sources), 'the Codebook view counts as a full count does');
    assert.equal(countInTree(), groupExcerptsByCode(after.codebook, after.sources).groups.get(code)?.count, 'the Coded Excerpts tree counts as a full grouping does');
    const memos = groupMemos(after.sources, after.codebook, 'code');
    assert.equal(api.memoTree.memoCount, new Set(memos.flatMap((group) => group.memos.map((entry) => entry.excerpt))).size, 'the Memos view counts as a full grouping does');

    // The first codings compile what they run: printed apart, left out of the medians.
    const first = (values: number[]) => values.slice(0, warmUp).map((value) => value.toFixed(0)).join(', ');
    console.log(`[scale] the first ${warmUp} codings (code compiled on first use): decorations ${first(decorations)} ms, tree ${first(tree)} ms`);
    for (const values of [decorations, tree, commandDone, edited, indexed, cpu]) values.splice(0, warmUp);
    const ms = (values: number[]) => `${median(values).toFixed(0).padStart(4)} ms (median; ${values.map((value) => value.toFixed(0)).join(', ')})`;
    const since = (values: number[]) => values.map((value, at) => value - edited[at]);
    console.log(`[scale] coding a selection with ${scaleTranscripts} transcripts: decorations ${median(decorations).toFixed(0)} ms, tree ${median(tree).toFixed(0)} ms (median of the ${rounds - warmUp} codings after those, from running Code Selection)`);
    console.log(`[scale]   from the edit reaching the extension host: decorations ${median(since(decorations)).toFixed(0)} ms, tree ${median(since(tree)).toFixed(0)} ms`);
    console.log(`[scale]   each coding of ${transcript} (${editor.document.getText().length} characters), from running Code Selection with the code given:`);
    console.log(`[scale]     the edit reached the extension host (change event)  ${ms(edited)}`);
    console.log(`[scale]     the index changed and every listener of it ran        ${ms(indexed)}`);
    console.log(`[scale]     the editor's decorations set                          ${ms(decorations)}`);
    console.log(`[scale]     VS Code's Coded Excerpts view fetched the new count   ${ms(tree)}`);
    console.log(`[scale]     the command resolved                                  ${ms(commandDone)}`);
    console.log(`[scale]   CPU time of the extension host per coding (until the tree was fetched, polling included) ${ms(cpu)}`);
  });
});
