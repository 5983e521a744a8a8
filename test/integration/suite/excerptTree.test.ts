import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarkdownQdaApi } from '../../../src/extension/api';
import type { ExcerptTreeNode } from '../../../src/extension/views/excerptTreeProvider';
import { getExtension, waitFor, workspaceFolder } from './helpers';

/** Excerpt counts per code in test/integration/workspace, counted by hand from the fixture. */
const fixtureCounts = { T1: 1, T1a: 2, T2: 2, M3: 1, M9: 0 };

function codeNode(nodes: ExcerptTreeNode[], id: string): Extract<ExcerptTreeNode, { kind: 'code' }> {
  const node = nodes.find((candidate) => candidate.kind === 'code' && candidate.group.id === id);
  if (!node || node.kind !== 'code') throw new Error(`no code node ${id} among ${nodes.length} nodes`);
  return node;
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

/** Resolves once the index fired no change event for `quietMs`. */
async function settled(api: MarkdownQdaApi, quietMs = 1000): Promise<void> {
  let last = Date.now();
  const subscription = api.index.onDidChange(() => (last = Date.now()));
  try {
    while (Date.now() - last < quietMs) await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    subscription.dispose();
  }
}

describe('coded excerpts tree', () => {
  let api: MarkdownQdaApi;

  before(async () => {
    api = await getExtension().activate();
  });

  it('lists the codebook root codes in codebook order', () => {
    const roots = api.excerptTree.getChildren();
    assert.deepEqual(
      roots.map((node) => (node.kind === 'code' ? node.group.id : node.kind)),
      ['T1', 'T2', 'M3', 'M9'],
    );
  });

  it('shows each code with the number of excerpts coded with it', () => {
    const roots = api.excerptTree.getChildren();
    const t1a = api.excerptTree.getChildren(codeNode(roots, 'T1')).find((node) => node.kind === 'code');
    assert.ok(t1a);
    const nodes = [...roots, t1a];
    for (const [id, count] of Object.entries(fixtureCounts)) {
      const item = api.excerptTree.getTreeItem(codeNode(nodes, id));
      assert.equal(item.description, String(count), `count of ${id}`);
      assert.match(labelOf(item), new RegExp(`^${id} `));
    }
  });

  it('nests child codes under their parent, then the sources of the code', () => {
    const t1 = codeNode(api.excerptTree.getChildren(), 'T1');
    const children = api.excerptTree.getChildren(t1);
    assert.deepEqual(
      children.map((node) => (node.kind === 'code' ? `code ${node.group.id}` : node.kind === 'source' ? `source ${node.source.id}` : node.kind)),
      ['code T1a', 'source lead-01'],
    );
  });

  it('lists under a code every source that uses it, and under a source its excerpts with their text', () => {
    const t2 = codeNode(api.excerptTree.getChildren(), 'T2');
    const sources = api.excerptTree.getChildren(t2);
    assert.deepEqual(sources.map((node) => (node.kind === 'source' ? node.source.id : node.kind)), ['lead-01', 'lead-02']);
    const texts = sources.flatMap((source) => api.excerptTree.getChildren(source))
      .map((node) => labelOf(api.excerptTree.getTreeItem(node)));
    assert.deepEqual(texts, ['academics often see themselves as the experts', 'the university sets the questions']);
  });

  it('describes each excerpt with its speaker and coder and opens it when selected', () => {
    const t2 = codeNode(api.excerptTree.getChildren(), 'T2');
    const [firstSource] = api.excerptTree.getChildren(t2);
    const [excerpt] = api.excerptTree.getChildren(firstSource);
    const item = api.excerptTree.getTreeItem(excerpt);
    assert.equal(item.description, 'P1 · by pg');
    assert.equal(item.command?.command, 'markdownQda.openExcerpt');
  });

  it('counts a new excerpt after a transcript is added on disk', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'interviews', 'lead-03.md');
    const text = '---\nid: lead-03\n---\n\n**P3:** We :code[never used that mechanism]{.M9 by=pg} at all.\n';
    const changed = new Promise<void>((resolve) => {
      const subscription = api.index.onDidChange(() => { subscription.dispose(); resolve(); });
    });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await Promise.race([changed, new Promise((resolve) => setTimeout(resolve, 10000))]);
      await waitFor(() => api.excerptTree.getTreeItem(codeNode(api.excerptTree.getChildren(), 'M9')).description === '1');
      const m9 = codeNode(api.excerptTree.getChildren(), 'M9');
      const sources = api.excerptTree.getChildren(m9);
      assert.deepEqual(sources.map((node) => (node.kind === 'source' ? node.source.id : node.kind)), ['lead-03']);
    } finally {
      await vscode.workspace.fs.delete(uri);
      await vscode.commands.executeCommand('markdownQda.refresh');
    }
  });

  it('reads a transcript changed on disk again on its own, not the whole workspace', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'interviews', 'lead-02.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const after = before.replace(/\n*$/, '\n\n**P2:** We :code[never used that mechanism]{.M9 by=rk} either.\n');
    // Loads the tests before asked for (a file added and deleted) are over once the index is quiet for a second.
    await settled(api);
    // Every change event until the new excerpt is in: what each said had changed.
    const told: (readonly string[] | null)[] = [];
    const subscription = api.index.onDidChange(() => told.push(api.index.changedPaths));
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(after));
      await waitFor(() => api.excerptTree.getTreeItem(codeNode(api.excerptTree.getChildren(), 'M9')).description === '1');
      // Only that transcript was read and published (a full load says null: anything may have changed).
      assert.deepEqual(told, [['interviews/lead-02.md']]);
      const source = api.index.sourceAt('interviews/lead-02.md');
      assert.ok(source?.excerpts.some((excerpt) => excerpt.codes.includes('M9') && excerpt.coder === 'rk'));
    } finally {
      subscription.dispose();
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(before));
      await waitFor(() => api.excerptTree.getTreeItem(codeNode(api.excerptTree.getChildren(), 'M9')).description === '0');
    }
  });

  it('refreshes only the row of a code whose excerpts changed, the same node the view was given', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'interviews', 'lead-02.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const after = before.replace(/\n*$/, '\n\n**P2:** And :code[the funder sets the deadlines]{.T2 by=rk} too.\n');
    await settled(api);
    const t2 = codeNode(api.excerptTree.getChildren(), 'T2');
    const count = Number(api.excerptTree.getTreeItem(t2).description);
    const fired: (ExcerptTreeNode | ExcerptTreeNode[] | undefined | void)[] = [];
    const subscription = api.excerptTree.onDidChangeTreeData((nodes) => fired.push(nodes));
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(after));
      await waitFor(() => api.excerptTree.getTreeItem(t2).description === String(count + 1));
      // One refresh, of the T2 row alone, by the object the view already holds: VS Code resolves its row at once.
      assert.equal(fired.length, 1, `one refresh (${fired.length})`);
      assert.ok(Array.isArray(fired[0]), 'the refresh names the rows, not the whole tree');
      assert.deepEqual((fired[0] as ExcerptTreeNode[]).map((node) => node.kind === 'code' && node.group.id), ['T2']);
      assert.equal((fired[0] as ExcerptTreeNode[])[0], t2);
      assert.equal(codeNode(api.excerptTree.getChildren(), 'T2'), t2, 'the view gets the same node for the code again');
      const sources = api.excerptTree.getChildren(t2).filter((node) => node.kind === 'source');
      const lead02 = sources.find((node) => node.kind === 'source' && node.source.path === 'interviews/lead-02.md');
      assert.ok(lead02 && lead02.kind === 'source' && lead02.excerpts.length === 2, 'the changed transcript lists both T2 excerpts under T2');
    } finally {
      subscription.dispose();
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(before));
      await waitFor(() => api.excerptTree.getTreeItem(codeNode(api.excerptTree.getChildren(), 'T2')).description === String(count));
    }
  });

  it('indexes only the transcripts that the markdownQda.transcripts globs match', async () => {
    const configuration = vscode.workspace.getConfiguration('markdownQda', workspaceFolder());
    await configuration.update('transcripts', ['interviews/lead-02.md'], vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      const workspace = await api.index.reload();
      assert.deepEqual(workspace.sources.map((source) => source.id), ['lead-02']);
      const t2 = codeNode(api.excerptTree.getChildren(), 'T2');
      assert.equal(api.excerptTree.getTreeItem(t2).description, '1');
    } finally {
      await configuration.update('transcripts', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await api.index.reload();
    }
    assert.equal(api.index.current?.sources.length, 2);
  });
});
