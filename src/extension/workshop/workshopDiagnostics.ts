import * as vscode from 'vscode';
import { looksLikeWorkshop } from '../../core/analysis/workshop/checkWorkshop';
import { toVsDiagnostic } from '../editor/diagnosticsPublisher';
import type { WorkspaceIndex } from '../workspaceIndex';
import { readWorkshopFile } from './readWorkshopFile';

/** Quiet time after the last keystroke in a workshop file before it is checked again. */
export const WORKSHOP_DEBOUNCE_MS = 200;

/** Whether a document is YAML on disk (transcripts and other files are never read here). */
function isYamlFile(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && /\.ya?ml$/i.test(document.uri.fsPath);
}

/** Whether an open document is a workshop file (YAML on disk with `candidates:` or `participants:`). */
export function isWorkshopDocument(document: vscode.TextDocument): boolean {
  return isYamlFile(document) && looksLikeWorkshop(document.getText());
}

/**
 * Shows the problems of open workshop files (docs/workshop.md) in the editor and the Problems
 * panel, as for codebooks: YAML errors, unknown keys, ids that are not candidates, cards in both
 * circles, candidates the codebook does not know…, each at its line and column with its rule id.
 * Checked when opened, as it is typed (debounced), and when the codebook changes; cleared when
 * the document closes.
 */
export class WorkshopDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('markdownQda.workshop');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => void this.check(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
      index.onDidChange(() => {
        for (const document of vscode.workspace.textDocuments) void this.check(document);
      }),
    ];
    for (const document of vscode.workspace.textDocuments) void this.check(document);
  }

  /** The diagnostics shown for `uri` now. */
  diagnosticsOf(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isYamlFile(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.check(document);
    }, WORKSHOP_DEBOUNCE_MS));
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed || !isYamlFile(document)) return;
    if (!isWorkshopDocument(document)) {
      this.collection.delete(document.uri);
      return;
    }
    const version = document.version;
    const checked = await readWorkshopFile(document.uri, this.index);
    if (document.isClosed || document.version !== version) return;
    this.collection.set(document.uri, checked.diagnostics.map((diagnostic) => toVsDiagnostic(diagnostic, document)));
  }
}
