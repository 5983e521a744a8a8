import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { compileCodebook } from '../../core/codebook/compileCodebook';
import type { CodebookText } from '../../core/codebook/mergeCodebooks';
import type { Diagnostic } from '../../core/model/diagnostic';
import { DEFAULT_CODEBOOK } from '../../node/loadCodebooks';
import { findPackageRoot, listPresets, readPreset } from '../../node/presets';
import { readSettings } from '../readSettings';
import type { WorkspaceIndex } from '../workspaceIndex';
import { indexedFolder } from './workspacePaths';

/** Quiet time after the last change of a codebook before it is compiled from the editor's text. */
export const CODEBOOK_DEBOUNCE_MS = 300;

/**
 * Keeps the codebook in step with codebook files open with unsaved changes: a change compiles the
 * configured codebooks (and what they extend) from the editors' text where a file has unsaved
 * changes, from disk elsewhere, and puts the result in the index
 * ({@link WorkspaceIndex.updateCodebook}): its errors show at once and transcripts are checked
 * against it. After a full load (which reads the files on disk) the unsaved text is applied again.
 */
export class CodebookSync implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private applying = false;
  /** Whether the codebook in the index was compiled from some editor's unsaved text. */
  private fromUnsavedText = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        // Content changes and changes of the dirty state (an event without content changes,
        // which may come after the content change) both count: the state is read when compiling.
        if (this.isCodebook(event.document.uri)) this.schedule();
      }),
      index.onDidChange(() => {
        if (this.applying || index.changedPaths !== null) return;
        // A full load read the codebook files from disk.
        this.fromUnsavedText = false;
        if (vscode.workspace.textDocuments.some((document) => document.isDirty && this.isCodebook(document.uri))) this.schedule();
      }),
    ];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.apply();
    }, CODEBOOK_DEBOUNCE_MS);
  }

  /** Workspace-relative paths of the codebook files: the configured ones (or the default) and those merged. */
  private codebookPaths(folder: vscode.WorkspaceFolder): string[] {
    const configured = readSettings(folder).codebooks;
    const merged = this.index.current?.codebook.files ?? [];
    return [...(configured.length > 0 ? configured : [DEFAULT_CODEBOOK]), ...merged.filter((file) => !path.isAbsolute(file))];
  }

  private isCodebook(uri: vscode.Uri): boolean {
    const folder = indexedFolder();
    if (!folder || uri.scheme !== 'file') return false;
    const relative = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
    return this.codebookPaths(folder).some((file) => path.posix.normalize(file) === relative);
  }

  private apply(): void {
    const folder = indexedFolder();
    if (!folder || !this.index.current) return;
    const root = folder.uri.fsPath;
    // Only unsaved text overrides the disk: a saved document may lag behind a file just written.
    const open = new Map(vscode.workspace.textDocuments
      .filter((document) => document.isDirty && this.isCodebook(document.uri))
      .map((document) => [path.resolve(document.uri.fsPath), document]));
    // Nothing unsaved, and the index already has the codebook on disk: full loads keep it so.
    if (open.size === 0 && !this.fromUnsavedText) return;
    let usedUnsaved = false;
    const read = (file: string): string | undefined => {
      const absolute = path.resolve(root, file);
      const document = open.get(absolute);
      if (document) {
        usedUnsaved = true;
        return document.getText();
      }
      try {
        return fs.readFileSync(absolute, 'utf8');
      } catch {
        return undefined;
      }
    };
    const configured = readSettings(folder).codebooks;
    const wanted = configured.length > 0 ? configured : [DEFAULT_CODEBOOK];
    const texts: CodebookText[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const file of wanted) {
      const text = read(file);
      const relative = path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
      if (text !== undefined) texts.push({ text, path: relative });
      else if (configured.length > 0) {
        diagnostics.push({ path: relative, line: 1, column: 1, severity: 'error', ruleId: 'codebook-not-found', message: `Cannot read codebook ${relative}` });
      }
    }
    const packageRoot = findPackageRoot();
    const result = compileCodebook(texts, {
      resolvePreset: (name) => readPreset(name, packageRoot),
      presetNames: listPresets(packageRoot),
      readFile: read,
    });
    this.fromUnsavedText = usedUnsaved;
    this.applying = true;
    try {
      this.index.updateCodebook(result.codebook, [...diagnostics, ...result.diagnostics], texts.map((text) => text.path));
    } finally {
      this.applying = false;
    }
  }
}
