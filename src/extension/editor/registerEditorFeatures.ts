import * as vscode from 'vscode';
import { rememberCodes } from '../../core/navigate/orderCodeChoices';
import { recentCodesKey } from '../commands/codeSelection';
import { CodebookSync } from './codebookSync';
import { codeDefinitionProvider } from './codeDefinitionProvider';
import { codeIdCompletionProvider, completionTriggers, rememberCodeCommand, type RecentCodes } from './codeIdCompletionProvider';
import { CodingDecorations } from './codingDecorations';
import { codingHoverProvider } from './codingHoverProvider';
import { codingQuickFixes } from './codingQuickFixes';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { DocumentSync } from './documentSync';
import type { EditorServices } from './editorServices';
import { createHideMarkup, registerHideMarkup } from './hideMarkup';

export type { EditorServices } from './editorServices';

/** Command that returns what the decorations of a document are (for the integration tests). */
export const decorationRangesCommand = 'markdownQda.test.decorationRanges';

/** Markdown files on disk: the transcripts. */
const markdownFiles: vscode.DocumentSelector = { language: 'markdown', scheme: 'file' };

/**
 * Wires the editor features of transcripts: indexing of unsaved transcripts and codebooks,
 * coding decorations, hover, completion of code ids, diagnostics with quick fixes, and go to
 * definition, and "Hide Markup" with its status-bar item (returned). Every disposable goes into
 * `context.subscriptions`.
 */
export function registerEditorFeatures(context: vscode.ExtensionContext, services: EditorServices): { hideMarkupStatusItem: vscode.StatusBarItem } {
  const sync = new DocumentSync(services.index);
  const hideMarkup = createHideMarkup(context.workspaceState);
  const decorations = new CodingDecorations(services.index, sync, services.blind, hideMarkup);
  const hideMarkupStatusItem = registerHideMarkup(context, hideMarkup);
  const recent: RecentCodes = {
    get: () => context.workspaceState.get<string[]>(recentCodesKey, []),
    remember: (id) => void context.workspaceState.update(recentCodesKey, rememberCodes(context.workspaceState.get<string[]>(recentCodesKey, []), [id])),
  };
  context.subscriptions.push(
    sync,
    new CodebookSync(services.index),
    decorations,
    new DiagnosticsPublisher(services.index),
    vscode.languages.registerHoverProvider(markdownFiles, codingHoverProvider(sync, services.blind)),
    vscode.languages.registerCompletionItemProvider(markdownFiles, codeIdCompletionProvider(services.index, recent, services.blind), ...completionTriggers),
    vscode.languages.registerDefinitionProvider(markdownFiles, codeDefinitionProvider(sync)),
    vscode.languages.registerCodeActionsProvider(markdownFiles, codingQuickFixes(sync), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(rememberCodeCommand, (id: unknown) => {
      if (typeof id === 'string') recent.remember(id);
    }),
    vscode.commands.registerCommand(decorationRangesCommand, (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
      return target ? decorations.snapshot(target) : undefined;
    }),
  );
  services.log.info('editor features ready');
  return { hideMarkupStatusItem };
}
