import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { DecorationSnapshot } from '../../../src/extension/editor/codingDecorations';
import type { ExcerptTreeNode } from '../../../src/extension/views/excerptTreeProvider';
import { getExtension } from './helpers';
import { closeAllEditors, decorationsOf, eventually, fileUri, hoverTexts, positionAfter, requestNamedScreenshot } from './editorHelpers';

const lead01 = 'interviews/lead-01.md';
/** Coded by rk in lead-01; everything else there is coded by pg. */
const rkText = 'The café owners were never asked';
const pgText = 'academics often see themselves';

/** The coders of every excerpt the Coded Excerpts tree lists, whatever its grouping. */
function treeCoders(api: MarkdownQdaApi): (string | null)[] {
  const coders: (string | null)[] = [];
  const walk = (node?: ExcerptTreeNode) => {
    for (const child of api.excerptTree.getChildren(node)) {
      if (child.kind === 'excerpt') coders.push(child.excerpt.coder);
      else walk(child);
    }
  };
  walk();
  return coders;
}

/** Whether any tint of `snapshot` covers part of 0-based `line`. */
function tinted(snapshot: DecorationSnapshot, line: number): boolean {
  return Object.values(snapshot.tints).flat().some(([startLine, , endLine]) => startLine <= line && line <= endLine);
}

describe('Show Only My Codings', () => {
  let api: MarkdownQdaApi;
  let coderBefore: string | undefined;

  before(async () => {
    api = await getExtension().activate();
    coderBefore = vscode.workspace.getConfiguration('markdownQda').inspect<string>('coder')?.globalValue;
    await vscode.commands.executeCommand(commandIds.setCoder, 'pg');
  });

  after(async () => {
    await vscode.commands.executeCommand(commandIds.toggleOnlyMyCodings, false);
    await vscode.workspace.getConfiguration('markdownQda').update('coder', coderBefore, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('hides the other coders\' codings in the tree, decorations, hover and counts, says so in the status bar, and shows them again when clicked', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(lead01)));
    const document = editor.document;
    const rkLine = positionAfter(document, rkText).line;
    const rkHover = positionAfter(document, rkText, -5);
    const pgHover = positionAfter(document, pgText, -5);
    await eventually(async () => {
      const snapshot = await decorationsOf(document.uri);
      return snapshot && tinted(snapshot, rkLine);
    }, 5000, 'rk\'s coding tinted before');
    assert.ok(treeCoders(api).includes('rk'), 'the tree lists rk\'s codings while the mode is off');
    const t1aBefore = api.codebookTree.usage.codes.get('T1a')?.excerpts ?? 0;
    assert.ok(t1aBefore >= 2, 'T1a is used by pg and rk');

    const on = await vscode.commands.executeCommand<boolean>(commandIds.toggleOnlyMyCodings);
    assert.ok(api.walkthrough.count('blind') > 0, 'the walkthrough step "Code independently" ticks');
    assert.equal(on, true);
    const coders = treeCoders(api);
    assert.ok(coders.length > 0, 'pg\'s codings are still listed');
    assert.deepEqual([...new Set(coders)], ['pg']);
    assert.match(api.excerptView.description ?? '', /only pg's codings/);
    assert.match(api.blindStatusItem.text, /only pg's codings/);
    assert.equal(api.codebookTree.usage.codes.get('T1a')?.excerpts, t1aBefore - 1);
    const hidden = await eventually(async () => {
      const snapshot = await decorationsOf(document.uri);
      return snapshot && !tinted(snapshot, rkLine) && snapshot;
    }, 5000, 'rk\'s coding no longer tinted');
    assert.ok(Object.keys(hidden.tints).includes('T2'), 'pg\'s codings keep their tints');
    const folded = hidden.hidden.map(([line, start, , end]) => document.lineAt(line).text.slice(start, end));
    assert.ok(folded.includes(':code['), `rk's markup is folded out of sight: ${folded.join(' | ')}`);
    assert.ok(folded.some((piece) => piece.includes('by=rk')) && !folded.some((piece) => piece.includes('by=pg')), folded.join(' | '));
    await requestNamedScreenshot('only-my-codings');
    const rkHovers = hoverTexts(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, rkHover));
    assert.ok(!rkHovers.some((text) => /\brk\b/.test(text)), `no hover names rk: ${rkHovers.join(' | ')}`);
    const pgHovers = hoverTexts(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, pgHover));
    assert.ok(pgHovers.some((text) => /\bpg\b/.test(text)), `pg's hover still shows: ${pgHovers.join(' | ')}`);

    // Clicking the status-bar item turns the mode off.
    const click = api.blindStatusItem.command as vscode.Command;
    const off = await vscode.commands.executeCommand<boolean>(click.command, ...(click.arguments ?? []));
    assert.equal(off, false);
    assert.ok(treeCoders(api).includes('rk'), 'rk\'s codings are listed again');
    assert.equal(api.codebookTree.usage.codes.get('T1a')?.excerpts, t1aBefore);
    assert.doesNotMatch(api.excerptView.description ?? '', /only/);
    await eventually(async () => {
      const snapshot = await decorationsOf(document.uri);
      return snapshot && tinted(snapshot, rkLine) && snapshot.hidden.length === 0;
    }, 5000, 'rk\'s coding tinted and its markup shown again');
  });

  it('counts the completions and the status bar\'s excerpts from the coder\'s own codings while on', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(lead01)));
    const document = editor.document;
    // Inside pg's `{.T2 .M3 by=pg}`, right after `{.`: a place for a code id where T1a is offered.
    const place = positionAfter(document, 'as the experts]{.');
    const usesOfT1a = async (): Promise<number> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, place);
      const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === 'T1a');
      const uses = /(\d+) excerpts?/.exec(item?.detail ?? '')?.[1];
      assert.ok(uses !== undefined, `T1a is offered with its count: ${item?.detail}`);
      return Number(uses);
    };
    const excerpts = (api.index.current?.sources ?? []).flatMap((source) => source.excerpts);
    const rkT1a = excerpts.filter((excerpt) => excerpt.coder === 'rk' && excerpt.codes.includes('T1a')).length;
    const pgCount = excerpts.filter((excerpt) => excerpt.coder === 'pg').length;
    assert.ok(rkT1a > 0 && pgCount < excerpts.length, 'rk coded T1a; not every excerpt is pg\'s');
    const before = await usesOfT1a();
    assert.match(api.statusBar.text, new RegExp(`· ${excerpts.length} excerpts`));

    await vscode.commands.executeCommand(commandIds.toggleOnlyMyCodings, true);
    try {
      assert.equal(await usesOfT1a(), before - rkT1a, 'rk\'s T1a codings are not counted');
      assert.match(api.statusBar.text, new RegExp(`· ${pgCount} excerpts?$`));
      assert.match(String(api.statusBar.tooltip), /excerpts of your own/);
    } finally {
      await vscode.commands.executeCommand(commandIds.toggleOnlyMyCodings, false);
    }
    assert.equal(await usesOfT1a(), before);
    assert.match(api.statusBar.text, new RegExp(`· ${excerpts.length} excerpts`));
  });

  it('links the walkthrough to the strict form of blind coding: a branch without the others\' codings', async () => {
    const extension = getExtension();
    const steps = (extension.packageJSON as { contributes: { walkthroughs: { steps: { id: string; description: string; media: { markdown: string } }[] }[] } }).contributes.walkthroughs[0]?.steps ?? [];
    const blind = steps.find((step) => step.id === 'blind');
    assert.ok(blind, steps.map((step) => step.id).join(', '));
    assert.match(blind.description, /command:markdownQda\.toggleOnlyMyCodings/);
    assert.match(blind.description, /docs\/team\.md#blind-coding-two-forms/);
    const media = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, blind.media.markdown)));
    assert.match(media, /mdqda uncode --all --coder/);
    assert.match(media, /docs\/team\.md#blind-coding-two-forms/);
    const team = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'docs', 'team.md')));
    assert.match(team, /^## Blind coding: two forms$/m, 'the anchor the walkthrough links to exists');
  });
});
