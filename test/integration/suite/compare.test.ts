import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { AgreementFigures } from '../../../src/core/analysis/agreement/agreementFigures';
import type { AgreementReport } from '../../../src/core/analysis/agreement/agreementReport';
import type { Comparison } from '../../../src/core/analysis/agreement/describeComparison';
import { formatPercent, formatStatistic } from '../../../src/core/render/formatAgreement';
import { parseTranscript } from '../../../src/core/syntax/parseTranscript';
import { runCli } from '../../../src/cli/main';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import { commandIds } from '../../../src/extension/commandIds';
import type { CompareWebviewMessage } from '../../../src/webview/compare/protocol';
import { getExtension, manifest, nextPageMessage, requestScreenshot, waitFor, workspaceFolder } from './helpers';

/** Runs `mdqda ARGV` in this process from the workspace folder; resolves to its stdout (fails on a non-zero exit). */
async function cli(argv: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: workspaceFolder().uri.fsPath });
  assert.equal(code, 0, stderr);
  return stdout;
}

/** The next message of `type` the comparison page posts (rejects after `timeoutMs`). */
function nextMessage<T extends CompareWebviewMessage['type']>(api: MarkdownQdaApi, type: T, timeoutMs = 20000): Promise<Extract<CompareWebviewMessage, { type: T }>> {
  return nextPageMessage(api.compare.onDidReceiveMessage, 'comparison', type, () => true, timeoutMs);
}

/** A row of the per-code table as the page shows it: code (and name), units, agreement, κ, α. */
function rowOf(figures: AgreementFigures): string[] {
  return [String(figures.units), formatPercent(figures.percentAgreement), formatStatistic(figures.kappa), formatStatistic(figures.alpha)];
}

function plain(text: string): string {
  return parseTranscript(text, { path: 'x.md' }).plainText;
}

describe('coder comparison view', () => {
  let api: MarkdownQdaApi;
  const transcript = () => vscode.Uri.joinPath(workspaceFolder().uri, 'interviews', 'lead-01.md');

  /** Compares pg and rk; resolves to the comparison, the disagreement `matches` picks, and the transcript document with its text now. */
  async function disagreement(matches: (d: Comparison['disagreements'][number]) => boolean) {
    const comparison = (await api.compare.show({ kind: 'coders', coders: ['pg', 'rk'] })) as Comparison;
    const item = comparison.disagreements.find(matches);
    assert.ok(item, 'the disagreement');
    const document = await vscode.workspace.openTextDocument(transcript());
    return { comparison, item, document, before: document.getText() };
  }

  before(async () => {
    api = await getExtension().activate();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('markdownQda').update('consensusCoder', undefined, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes Compare Coders… to the palette, the view titles, the walkthrough and a consensus setting', () => {
    const contributes = getExtension().packageJSON.contributes as {
      menus: Record<string, { command: string; when?: string }[]>;
      walkthroughs: { steps: { description: string }[] }[];
      configuration: { properties: Record<string, { default: unknown }> };
    };
    assert.ok(manifest().contributes.commands.some((command) => command.command === commandIds.compareCoders && command.title === 'Compare Coders…'));
    const title = contributes.menus['view/title']!.find((item) => item.command === commandIds.compareCoders);
    assert.match(title?.when ?? '', /markdownQda\.excerpts/);
    assert.ok(contributes.walkthroughs[0]!.steps.some((step) => step.description.includes(`command:${commandIds.compareCoders}`)));
    assert.equal(contributes.configuration.properties['markdownQda.consensusCoder']?.default, 'consensus');
  });

  it('shows the same figures as mdqda agreement for the coders chosen', async () => {
    const rendered = nextMessage(api, 'didRender');
    assert.equal(await vscode.commands.executeCommand(commandIds.compareCoders, { coders: ['pg', 'rk'] }), true);
    assert.ok(api.walkthrough.count('compare') > 0, 'the walkthrough step "Compare coders" ticks');
    const message = await rendered;
    const report = JSON.parse(await cli(['agreement', '.', '--coders', 'pg,rk', '--format', 'json', '--no-cache'])) as AgreementReport;
    const expected = [
      ...Object.entries(report.codes).map(([code, figures]) => [code, ...rowOf(figures)]),
      ['Overall', ...rowOf(report.overall)],
    ];
    // The page shows "T1 Meaning of co-production": compare the id and the figures.
    assert.deepEqual(message.rows.map((row) => [row[0]!.split(' ')[0]!, ...row.slice(1)]), expected);
    assert.equal(message.disagreements, report.disagreements.length);
    assert.equal(message.resolved, 0);
    assert.deepEqual(api.compare.current?.perSource.map((source) => [source.path, source.overall.kappa]), report.perSource.map((source) => [source.path, source.overall.kappa]));
    await requestScreenshot();
    const out = vscode.Uri.joinPath(getExtension().extensionUri, 'out', 'integration');
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(out, 'workbench.png'), vscode.Uri.joinPath(out, 'compare-coders.png'), { overwrite: true });
  });

  it('opens a disagreement with the disputed text selected', async () => {
    const comparison = (await api.compare.show({ kind: 'coders', coders: ['pg', 'rk'] })) as Comparison;
    const item = comparison.disagreements.find((d) => d.text === 'The café owners were never asked');
    assert.ok(item, 'the disagreement on T1a');
    assert.deepEqual(item.codings.map((coding) => [coding.coder, coding.codes]), [['pg', []], ['rk', ['T1a']]]);
    const editor = await api.compare.openDisagreement(item.key);
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), transcript().toString());
    assert.equal(editor.document.getText(editor.selection), 'The café owners were never asked');
  });

  it('resolves a disagreement as a consensus coding in one edit that one undo removes, and the view counts it', async () => {
    const { comparison, item, document, before } = await disagreement((d) => d.code === 'T2');
    assert.equal(await api.compare.resolve(item.key, { kind: 'accept', coder: 'pg' }), true);
    const after = document.getText();
    assert.ok(after.includes('{.T2 .M3 by=consensus}'), after);
    assert.equal(plain(after), plain(before));
    const consensus = parseTranscript(after, { path: 'interviews/lead-01.md' }).excerpts.filter((excerpt) => excerpt.coder === 'consensus');
    assert.deepEqual(consensus.map((excerpt) => [excerpt.text, excerpt.codes]), [['academics often see themselves as the experts', ['T2', 'M3']]]);
    // Resolving the T2 stretch settles M3 on the same stretch too; the figures of pg and rk stay.
    await waitFor(() => api.compare.current?.resolved === 2, 10000);
    assert.deepEqual(api.compare.current?.overall, comparison.overall);
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
    await waitFor(() => api.compare.current?.resolved === 0, 10000);
  });

  it('writes consensus codings by the name of the markdownQda.consensusCoder setting, and keeps both codings when asked', async () => {
    await vscode.workspace.getConfiguration('markdownQda').update('consensusCoder', 'team', vscode.ConfigurationTarget.Global);
    const { item, document, before } = await disagreement((d) => d.text === 'The café owners were never asked');
    assert.equal(await api.compare.resolve(item.key, { kind: 'keepBoth' }), true);
    assert.ok(document.getText().includes('by=team'), document.getText());
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
  });

  it('refuses to accept a coder who coded nothing there, and writes nothing', async () => {
    const { item, document, before } = await disagreement((d) => d.text === 'The café owners were never asked');
    assert.equal(await api.compare.resolve(item.key, { kind: 'accept', coder: 'pg' }), false);
    assert.equal(document.getText(), before);
  });

  it('exports the report as Markdown equal to the CLI\'s, and as CSV and HTML', async () => {
    await api.compare.show({ kind: 'coders', coders: ['pg', 'rk'] });
    const folder = workspaceFolder().uri;
    const written: vscode.Uri[] = [];
    try {
      for (const format of ['md', 'csv', 'html'] as const) {
        const uri = await api.compare.exportReport(format, vscode.Uri.joinPath(folder, `compare-test.${format}`));
        assert.ok(uri);
        written.push(uri);
      }
      const read = (uri: vscode.Uri) => readFileSync(uri.fsPath, 'utf8');
      assert.equal(read(written[0]!), await cli(['agreement', '.', '--coders', 'pg,rk', '--no-cache']));
      assert.equal(read(written[1]!), await cli(['agreement', '.', '--coders', 'pg,rk', '--format', 'csv', '--no-cache']));
      assert.match(read(written[2]!), /^<!DOCTYPE html>[\s\S]*Disagreements to discuss/);
    } finally {
      for (const uri of written) await vscode.workspace.fs.delete(uri);
    }
  });

  it('takes back a panel restored after a reload and compares again what it compared', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const panel = vscode.window.createWebviewPanel('markdownQda.compare', 'Coder Comparison', vscode.ViewColumn.Active, {});
    const rendered = nextMessage(api, 'didRender');
    api.compare.restore(panel, { selection: { kind: 'coders', coders: ['rk', 'pg'] } });
    const message = await rendered;
    assert.equal(message.disagreements, 5);
    assert.deepEqual(api.compare.current?.coders, ['rk', 'pg']);
  });

  it('compares the workspace with another folder as mdqda agreement --compare does', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'mdqda-copy-'));
    try {
      const text = readFileSync(transcript().fsPath, 'utf8').replace(/ by=(pg|rk)/g, '').replace('The café owners were never asked', ':code[The café owners were never asked]{.T1a}');
      writeFileSync(path.join(other, 'lead-01.md'), text.replace(/:code\[(academics[^\]]*)\]\{[^}]*\}/, '$1'));
      const comparison = await api.compare.show({ kind: 'copies', other });
      assert.ok(comparison, 'the copies were compared');
      const report = JSON.parse(await cli(['agreement', '--compare', '.', other, '--format', 'json', '--no-cache'])) as AgreementReport;
      assert.deepEqual(comparison.coders, report.coders);
      assert.deepEqual(comparison.overall, report.overall);
      assert.equal(comparison.disagreements.length, report.disagreements.length);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
