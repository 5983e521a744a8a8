import * as vscode from 'vscode';
import type { Diagnostic } from '../../core/model/diagnostic';
import type { Workspace } from '../../node/loadWorkspace';
import type { WorkspaceIndex } from '../workspaceIndex';
import { uriOfWorkspacePath } from './workspacePaths';

/** `source` of every diagnostic the extension shows. */
export const diagnosticSource = 'Markdown QDA';

const SEVERITY: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Shows the core's diagnostics of the workspace (malformed directives, unclosed containers,
 * unknown codes, codebook errors, unreadable files) in the Problems panel and the editors, with
 * the rule id as the diagnostic code. After each change of the index only the files whose
 * diagnostics changed are set again. In an open document ranges come from the UTF-16 offsets;
 * elsewhere from line and column.
 */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('markdownQda');
  /** Per file URI: a key of what was published, to skip files that did not change. */
  private published = new Map<string, { key: string; uri: vscode.Uri }>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex) {
    this.subscriptions = [
      index.onDidChange((workspace) => this.publish(workspace)),
      // Offsets give exact ranges once the document is open (columns count code points).
      vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)),
    ];
    if (index.current) this.publish(index.current);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }

  /** Sets the diagnostics of a document that was just opened again, with ranges from its offsets. */
  private refresh(document: vscode.TextDocument): void {
    const entry = this.published.get(document.uri.toString());
    const workspace = this.index.current;
    if (!entry || !workspace) return;
    const diagnostics = workspace.diagnostics.filter((diagnostic) => uriOfWorkspacePath(workspace.root, diagnostic.path).toString() === entry.uri.toString());
    entry.key = `${document.version}|${JSON.stringify(diagnostics)}`;
    this.collection.set(entry.uri, diagnostics.map((diagnostic) => toVsDiagnostic(diagnostic, document)));
  }

  /**
   * Sets the diagnostics of the files that changed: after one file was re-parsed, only that file's
   * (the index says which); after a full load, every file's whose diagnostics differ.
   */
  private publish(workspace: Workspace): void {
    const only = this.index.changedPaths ? new Set(this.index.changedPaths) : null;
    const byFile = new Map<string, { uri: vscode.Uri; diagnostics: Diagnostic[] }>();
    if (only) for (const file of only) byFile.set(uriOfWorkspacePath(workspace.root, file).toString(), { uri: uriOfWorkspacePath(workspace.root, file), diagnostics: [] });
    for (const diagnostic of workspace.diagnostics) {
      if (only && !only.has(diagnostic.path)) continue;
      const uri = uriOfWorkspacePath(workspace.root, diagnostic.path);
      const key = uri.toString();
      const entry = byFile.get(key);
      if (entry) entry.diagnostics.push(diagnostic);
      else byFile.set(key, { uri, diagnostics: [diagnostic] });
    }
    const documents = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
    const next = only ? new Map(this.published) : new Map<string, { key: string; uri: vscode.Uri }>();
    for (const [file, { uri, diagnostics }] of byFile) {
      if (diagnostics.length === 0) {
        if (next.delete(file)) this.collection.delete(uri);
        continue;
      }
      const document = documents.get(file);
      const key = `${document?.version ?? ''}|${JSON.stringify(diagnostics)}`;
      next.set(file, { key, uri });
      if (this.published.get(file)?.key === key) continue;
      this.collection.set(uri, diagnostics.map((diagnostic) => toVsDiagnostic(diagnostic, document)));
    }
    if (!only) for (const [file, { uri }] of this.published) if (!next.has(file)) this.collection.delete(uri);
    this.published = next;
  }
}

/** A core diagnostic as a VS Code one; ranges from offsets when the document is at hand. */
export function toVsDiagnostic(diagnostic: Diagnostic, document: vscode.TextDocument | undefined): vscode.Diagnostic {
  let range: vscode.Range;
  if (document && diagnostic.offset !== undefined) {
    const start = document.positionAt(diagnostic.offset);
    range = new vscode.Range(start, diagnostic.endOffset !== undefined ? document.positionAt(diagnostic.endOffset) : start);
  } else {
    const start = new vscode.Position(Math.max(0, diagnostic.line - 1), Math.max(0, diagnostic.column - 1));
    const end = diagnostic.endLine !== undefined && diagnostic.endColumn !== undefined
      ? new vscode.Position(Math.max(0, diagnostic.endLine - 1), Math.max(0, diagnostic.endColumn - 1))
      : start;
    range = new vscode.Range(start, end.isBefore(start) ? start : end);
  }
  const result = new vscode.Diagnostic(range, diagnostic.message, SEVERITY[diagnostic.severity]);
  result.source = diagnosticSource;
  result.code = diagnostic.ruleId;
  return result;
}
