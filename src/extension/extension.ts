import * as vscode from 'vscode';
import { loadWorkspace } from '../node/loadWorkspace';
import type { MarkdownQdaApi } from './api';
import { commandIds, excerptsViewId } from './commandIds';
import { openExcerpt } from './commands/openExcerpt';
import { refresh } from './commands/refresh';
import { setCoder } from './commands/setCoder';
import { settingsSection } from './readSettings';
import { registerEditorFeatures } from './editor/registerEditorFeatures';
import { registerWorkbenchFeatures } from './registerWorkbenchFeatures';
import { registerCodingDiff } from './registerCodingDiff';
import { createStatusBar } from './statusBar';
import { extendMarkdownIt, setPreviewCodebook } from './preview/extendMarkdownIt';
import { ExcerptTreeProvider } from './views/excerptTreeProvider';
import { WorkspaceIndex } from './workspaceIndex';
import { BlindMode } from './blindMode';
import { createBlindStatusItem } from './blindStatusItem';
import { toggleOnlyMyCodings } from './commands/toggleOnlyMyCodings';
import { registerRetrieval } from './retrieval/registerRetrieval';
import { registerWorkshopFeatures } from './workshop/registerWorkshopFeatures';

/**
 * Entry point: wires the index, the views, the status bar and the commands, and starts the first
 * load. Resolves to the {@link MarkdownQdaApi} once the workspace was indexed once.
 */
export async function activate(context: vscode.ExtensionContext): Promise<MarkdownQdaApi> {
  const log = vscode.window.createOutputChannel('Markdown QDA', { log: true });
  // The parse cache lives in the extension's own storage, never in the user's workspace.
  const cacheFolder = context.globalStorageUri.fsPath;
  const index = new WorkspaceIndex((options) => loadWorkspace({ ...options, cacheFolder }), log);
  const blind = new BlindMode(context.workspaceState);
  const excerptTree = new ExcerptTreeProvider(index, blind);
  const blindStatus = createBlindStatusItem(blind);
  const statusBar = createStatusBar(index, blind);
  const excerptView = vscode.window.createTreeView(excerptsViewId, { treeDataProvider: excerptTree, showCollapseAll: true });
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yaml,yml}');
  context.subscriptions.push(
    log,
    index,
    blind,
    blindStatus.disposable,
    excerptTree,
    statusBar.disposable,
    watcher,
    watcher.onDidChange((uri) => index.fileChanged(uri)),
    watcher.onDidCreate(() => index.scheduleReload()),
    watcher.onDidDelete(() => index.scheduleReload()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${settingsSection}.codebooks`)
        || event.affectsConfiguration(`${settingsSection}.transcripts`)) index.scheduleReload();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => index.scheduleReload()),
    // The Markdown preview shows code names and colours from the codebook in use.
    index.onDidChange((workspace) => setPreviewCodebook({
      colorOf: (code) => workspace.codebook.codes.get(code)?.color ?? undefined,
      nameOf: (code) => workspace.codebook.codes.get(code)?.name,
    })),
    excerptView,
    vscode.commands.registerCommand(commandIds.refresh, refresh(index)),
    vscode.commands.registerCommand(commandIds.openExcerpt, openExcerpt),
    vscode.commands.registerCommand(commandIds.setCoder, setCoder),
    vscode.commands.registerCommand(commandIds.toggleOnlyMyCodings, toggleOnlyMyCodings(blind)),
  );
  const editorFeatures = registerEditorFeatures(context, { index, log, blind });
  const workbench = registerWorkbenchFeatures(context, { index, blind, excerptTree, excerptView });
  const retrieval = registerRetrieval(context, { index, blind });
  const codingDiff = registerCodingDiff(context);
  const workshop = registerWorkshopFeatures(context, { index, walkthrough: workbench.walkthrough });
  await index.reload();
  return { index, excerptTree, excerptView, statusBar: statusBar.item, blind, blindStatusItem: blindStatus.item, ...editorFeatures, ...workbench, ...retrieval, ...codingDiff, ...workshop, extendMarkdownIt };
}

/** Nothing to do: every resource is in `context.subscriptions`. */
export function deactivate(): void {}
