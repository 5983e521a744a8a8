import { looksLikeTranscript } from '../../core/syntax/looksLikeTranscript';
import * as vscode from 'vscode';
import type { Source } from '../../core/model/source';
import type { Workspace } from '../../node/loadWorkspace';
import { DEFAULT_MAX_BYTES } from '../../node/readTranscriptFile';
import { readSettings } from '../readSettings';
import type { WorkspaceIndex } from '../workspaceIndex';
import { indexedFolder, transcriptPathOf } from './workspacePaths';

/** Quiet time after the last change of a typing burst before the document is indexed again. */
export const DEBOUNCE_MS = 150;

/** A re-parse slower than this makes a document's updates always debounced. */
const SLOW_UPDATE_MS = 250;

/**
 * Keeps the index in step with open Markdown documents: a change re-parses that one document
 * from its unsaved text through {@link WorkspaceIndex.updateDocument}. The first change after a
 * quiet spell is indexed at once (on the next turn of the event loop, so one multi-part edit is
 * one update); later changes of a burst wait until it has been quiet for {@link DEBOUNCE_MS}.
 * A document whose last re-parse took long (a transcript of megabytes) is always debounced, by
 * twice that time, so typing in it keeps the extension host responsive.
 * Full loads take the unsaved text of open transcripts ({@link DocumentSync.unsavedTexts});
 * closing a document that was edited since it was saved reloads the index from disk.
 */
export class DocumentSync implements vscode.Disposable {
  private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; document: vscode.TextDocument }>();
  private readonly lastUpdate = new Map<string, { at: number; took: number }>();
  /** Paths indexed from editor text since they were last saved. */
  private readonly edited = new Set<string>();
  /** Paths that became transcripts through unsaved editor text only, so stop being ones when the markup goes. */
  private readonly addedByEditor = new Set<string>();
  private readonly sourcesByWorkspace = new WeakMap<Workspace, Map<string, Source>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex) {
    this.subscriptions = [
      index.readUnsavedFrom(() => this.unsavedTexts()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document);
        // An event without changes reports the dirty state; back to clean, the text is the file's.
        else if (!event.document.isDirty) this.forget(event.document);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        this.flush(document);
        this.forget(document);
        // The file on disk codes now: full loads find it.
        const path = transcriptPathOf(document.uri);
        if (path) this.addedByEditor.delete(path);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const path = transcriptPathOf(document.uri);
        if (!path) return;
        this.cancel(document.uri);
        this.addedByEditor.delete(path);
        // Closed without saving: the index holds text that is nowhere any more.
        if (this.edited.delete(path)) index.scheduleReload();
      }),
    ];
  }

  /** Whether a change of `uri` waits to be indexed. */
  isPending(uri: vscode.Uri): boolean {
    return this.pending.has(uri.toString());
  }

  /** Indexes `document` now if a change of it waits; true when it did. */
  flush(document: vscode.TextDocument): boolean {
    if (!this.cancel(document.uri)) return false;
    this.update(document);
    return true;
  }

  /**
   * The indexed source of `document`, up to date with its text (a waiting change is indexed
   * first), with the workspace it belongs to; undefined when the document is not a transcript.
   */
  sourceOf(document: vscode.TextDocument): { source: Source; workspace: Workspace } | undefined {
    this.flush(document);
    const path = transcriptPathOf(document.uri);
    const workspace = this.index.current;
    if (!path || !workspace) return undefined;
    const source = this.sourceIn(workspace, path);
    return source ? { source, workspace } : undefined;
  }

  /** Source paths and texts of the open transcripts with unsaved changes (full loads lay them over the disk). */
  unsavedTexts(): [path: string, text: string][] {
    const texts: [string, string][] = [];
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty) continue;
      const path = transcriptPathOf(document.uri);
      if (path && (this.index.has(path) || this.addedByEditor.has(path))) texts.push([path, document.getText()]);
    }
    return texts;
  }

  /**
   * The source of `workspace` at `path`: looked up in the index for the current workspace (an
   * edit makes a new one, so nothing is built per edit), in {@link sourcesOf} for an older one.
   */
  sourceIn(workspace: Workspace, path: string): Source | undefined {
    return workspace === this.index.current ? this.index.sourceAt(path) : this.sourcesOf(workspace).get(path);
  }

  /** The sources of `workspace` by path (built once per workspace). */
  private sourcesOf(workspace: Workspace): Map<string, Source> {
    let byPath = this.sourcesByWorkspace.get(workspace);
    if (!byPath) {
      byPath = new Map(workspace.sources.map((source) => [source.path, source]));
      this.sourcesByWorkspace.set(workspace, byPath);
    }
    return byPath;
  }

  dispose(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private schedule(document: vscode.TextDocument): void {
    if (!transcriptPathOf(document.uri)) return;
    const key = document.uri.toString();
    const waiting = this.pending.get(key);
    const last = this.lastUpdate.get(key) ?? { at: 0, took: 0 };
    const slow = last.took > SLOW_UPDATE_MS;
    const quiet = !waiting && !slow && Date.now() - last.at > DEBOUNCE_MS;
    if (waiting) clearTimeout(waiting.timer);
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.update(document);
    }, quiet ? 0 : Math.max(DEBOUNCE_MS, slow ? 2 * last.took : 0));
    this.pending.set(key, { timer, document });
  }

  /** The document's text is the file's again (saved or reverted). */
  private forget(document: vscode.TextDocument): void {
    const path = transcriptPathOf(document.uri);
    if (!path) return;
    this.edited.delete(path);
  }

  private cancel(uri: vscode.Uri): boolean {
    const key = uri.toString();
    const waiting = this.pending.get(key);
    if (!waiting) return false;
    clearTimeout(waiting.timer);
    this.pending.delete(key);
    return true;
  }

  /** Re-parses one document: an indexed transcript, or a file that starts coding (default search only). */
  private update(document: vscode.TextDocument): void {
    const path = transcriptPathOf(document.uri);
    const folder = indexedFolder();
    if (!path || !folder || !this.index.current || document.isClosed) return;
    const started = Date.now();
    const text = document.getText();
    // Like the full load, which skips files over this size with a warning.
    if (text.length > DEFAULT_MAX_BYTES) return;
    if (!this.index.has(path)) {
      // Same test as the folder search: a file that mentions `:code` or names its source id.
      if (readSettings(folder).transcripts.length > 0 || !looksLikeTranscript(text)) return;
      this.addedByEditor.add(path);
    } else if (this.addedByEditor.has(path) && !looksLikeTranscript(text)) {
      this.addedByEditor.delete(path);
      this.edited.delete(path);
      this.index.removeDocument(path);
      return;
    }
    this.index.updateDocument(path, text);
    this.lastUpdate.set(document.uri.toString(), { at: Date.now(), took: Date.now() - started });
    this.edited.add(path);
  }
}
