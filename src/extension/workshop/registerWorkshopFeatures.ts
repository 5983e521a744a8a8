import * as vscode from 'vscode';
import { looksLikeWorkshop } from '../../core/analysis/workshop/checkWorkshop';
import type { PackOptions } from '../../core/analysis/workshop/buildPack';
import { commandIds } from '../commandIds';
import type { WalkthroughProgress } from '../walkthroughProgress';
import type { WorkspaceIndex } from '../workspaceIndex';
import { PackPanel, packViewType } from './packPanel';
import { isWorkshopDocument, WorkshopDiagnostics } from './workshopDiagnostics';
import { WorkshopPanel, workshopViewType } from './workshopPanel';
import { workshopQuickFixes } from './workshopQuickFixes';
import { workshopPathOf } from './readWorkshopFile';

/** What the workshop features add to the extension's API. */
export interface WorkshopFeatures {
  workshop: WorkshopPanel;
  pack: PackPanel;
  workshopDiagnostics: WorkshopDiagnostics;
}

/** Context key: the active editor shows a workshop file (its title bar offers Show Workshop Tally). */
export const workshopFileContextKey = 'markdownQda.workshopFile';

/** YAML files on disk: workshop files are among them. */
const yamlFiles: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/*.yaml' }, { scheme: 'file', pattern: '**/*.yml' }];

/** The workshop files of the workspace (YAML with `candidates:` or `participants:`), by path. */
async function findWorkshopFiles(): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  for (const uri of await vscode.workspace.findFiles('**/*.{yaml,yml}', '**/{node_modules,.git}/**', 500)) {
    try {
      if (looksLikeWorkshop(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)))) found.push(uri);
    } catch {
      // An unreadable file is not offered.
    }
  }
  return found.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

/**
 * The workshop file to show: `target` (a URI or a path), else the active editor's workshop file,
 * else the only one in the workspace or the one picked from them; undefined (after saying so)
 * when there is none.
 */
async function workshopTarget(target: unknown): Promise<vscode.Uri | undefined> {
  if (target instanceof vscode.Uri) return target;
  if (typeof target === 'string' && target !== '') return vscode.Uri.file(target);
  const active = vscode.window.activeTextEditor?.document;
  if (active && isWorkshopDocument(active)) return active.uri;
  const files = await findWorkshopFiles();
  if (files.length <= 1) {
    if (files[0]) return files[0];
    void vscode.window.showInformationMessage('Markdown QDA: no workshop file in this workspace. Write one as docs/workshop.md describes (candidates: and participants:), then open it.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(files.map((uri) => ({ label: workshopPathOf(uri), uri })), { title: 'Show the tally of which workshop file?' });
  return picked?.uri;
}

/**
 * Wires step 3 in the editor: the Workshop panel (the tally of a workshop file) and its command,
 * the Resource Pack panel and its command, the serializers that restore both panels after a
 * window reload, and the diagnostics and quick fixes of workshop files.
 * Every disposable goes into `context.subscriptions`.
 */
export function registerWorkshopFeatures(context: vscode.ExtensionContext, deps: { index: WorkspaceIndex; walkthrough: WalkthroughProgress }): WorkshopFeatures {
  const workshop = new WorkshopPanel(context.extensionUri, deps.index);
  const pack = new PackPanel(context.extensionUri, context.globalStorageUri, deps.index);
  const workshopDiagnostics = new WorkshopDiagnostics(deps.index);
  let active: boolean | undefined;
  const updateContext = () => {
    const document = vscode.window.activeTextEditor?.document;
    const now = document !== undefined && isWorkshopDocument(document);
    if (now !== active) void vscode.commands.executeCommand('setContext', workshopFileContextKey, now);
    active = now;
  };
  updateContext();
  context.subscriptions.push(
    workshop,
    pack,
    workshopDiagnostics,
    vscode.languages.registerCodeActionsProvider(yamlFiles, workshopQuickFixes(), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(commandIds.showWorkshop, deps.walkthrough.after('workshop', async (target?: unknown) => {
      const uri = await workshopTarget(target);
      if (uri) await workshop.show(uri);
      return uri;
    })),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document === vscode.window.activeTextEditor?.document) updateContext();
    }),
    vscode.commands.registerCommand(commandIds.openResourcePack, (options?: PackOptions) => pack.show(options ?? {})),
    vscode.window.registerWebviewPanelSerializer(workshopViewType, { deserializeWebviewPanel: async (panel, state) => workshop.restore(panel, state) }),
    vscode.window.registerWebviewPanelSerializer(packViewType, { deserializeWebviewPanel: async (panel, state) => pack.restore(panel, state) }),
  );
  return { workshop, pack, workshopDiagnostics };
}
