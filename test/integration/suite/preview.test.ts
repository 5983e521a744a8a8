import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getExtension, workspaceFolder } from './helpers';

/** Every match of `pattern` (global) in `text`, as the first capture group. */
function captures(text: string, pattern: RegExp): string[] {
  return Array.from(text.matchAll(pattern), (match) => match[1]);
}

describe('Markdown preview', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await getExtension().activate();
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'interviews', 'lead-01.md');
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is extended by the extension: VS Code reads the markdown-it plugin and preview styles from package.json', () => {
    const contributes = getExtension().packageJSON.contributes as Record<string, unknown>;
    assert.equal(contributes['markdown.markdownItPlugins'], true);
    assert.deepEqual(contributes['markdown.previewStyles'], ['./media/preview.css']);
  });

  it('renders a coded transcript with highlighted spans, code badges and bordered blocks, and no raw markup', async () => {
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
    // The Markdown extension's own render command uses the same markdown-it, plugins included, as its
    // preview. What the preview webview shows is checked, with a screenshot, by test/integration/e2e-installed.js.
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
    assert.equal(typeof html, 'string');
    assert.ok(!html.includes(':code['), 'no raw text directive is left');
    assert.ok(!/:::+code/.test(html), 'no raw container fence is left');
    assert.ok(!html.includes('{.T'), 'no raw attribute list is left');
    assert.deepEqual(captures(html, /<mark class="mdqda-excerpt[^"]*"[^>]*data-codes="([^"]*)"/g), ['T2 M3', 'T1a']);
    assert.deepEqual(captures(html, /<div class="mdqda-block[^"]*"[^>]*data-codes="([^"]*)"/g), ['T1 T1a']);
    const badges = captures(html, /<span class="mdqda-badge mdqda-hue-\d"[^>]*>([^<]*)<\/span>/g);
    assert.deepEqual(badges, ['T2', 'M3', 'T1', 'T1a', 'T1a']);
    // Colours and names come from the workspace codebook.
    assert.match(html, /<mark class="mdqda-excerpt mdqda-hue-\d" style="--mdqda-color: #d62728"/);
    assert.match(html, /title="T2: Whose knowledge counts\nM3: Shared decision making\nby pg"/);
    assert.match(html, /title="T1: Meaning of co-production\nT1a: Imposed by the funder\nby pg\nmemo: the funder set the terms"/);
    // The container's block shows its coder and a memo mark whose hover is the memo.
    const block = /<div class="mdqda-block[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    assert.match(block, /<span class="mdqda-badge mdqda-coder" title="coder">pg<\/span>/);
    assert.match(block, /<span class="mdqda-badge mdqda-memo" title="memo: the funder set the terms">/);
  });
});
