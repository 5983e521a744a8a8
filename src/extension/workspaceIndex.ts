import path from 'node:path';
import * as vscode from 'vscode';
import { emptyCodebook } from '../core/codebook/emptyCodebook';
import { CodebookState } from '../core/codebook/codebookState';
import { checkCodes } from '../core/index/checkCodes';
import { TranscriptIndex } from '../core/index/transcriptIndex';
import type { Codebook } from '../core/model/codebook';
import type { Diagnostic } from '../core/model/diagnostic';
import type { Source } from '../core/model/source';
import type { Workspace } from '../node/loadWorkspace';
import { readTranscriptFile } from '../node/readTranscriptFile';
import { parseTranscript } from '../core/syntax/parseTranscript';
import { readSettings } from './readSettings';
import { partitionPoint } from '../core/util/partitionPoint';

/**
 * Reads and parses transcripts and codebooks from disk (`loadWorkspace` of `src/node/`): `paths`
 * are files (always transcripts) or folders (searched for Markdown files with code markup),
 * `root` the folder source paths are relative to, `codebooks` relative to it (empty: the default).
 */
export type WorkspaceLoader = (options: {
  paths: string[];
  cwd: string;
  root: string;
  codebooks: string[];
}) => Promise<Workspace>;

/** More transcripts changed on disk at once than this (a checkout, a pull) are read by a full load. */
const MAX_FILES_REREAD = 20;

/** A load that takes longer than this also shows a progress notification. */
const LONG_LOAD_MS = 1500;

/** Folders never searched for transcripts given by glob. */
const excludedFolders = '**/{node_modules,.git,.tools,.mdqda-cache,dist,out}/**';

/**
 * The extension's view of the workspace: loads the first workspace folder through the core and
 * tells listeners when it changed. Loads are serialised; a reload asked for while one runs
 * happens once after it. A load that throws keeps the last good workspace and logs the error.
 * Between loads, one transcript at a time is re-parsed from an editor's unsaved text
 * ({@link WorkspaceIndex.updateDocument}); full loads lay the unsaved texts of editors (see
 * {@link WorkspaceIndex.readUnsavedFrom}) over the files they read.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Workspace>();
  private running: Promise<Workspace> | undefined;
  private queued: Promise<Workspace> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: Workspace | undefined;
  /** The last codebook without errors, kept in use while the codebook files have errors. */
  private readonly codebookState = new CodebookState();
  private transcripts: TranscriptIndex | undefined;
  /** Unsaved texts of open transcripts by source path, laid over the files a full load reads. */
  private unsavedTexts: () => Iterable<readonly [path: string, text: string]> = () => [];
  private lastChanged: readonly string[] | null = null;
  /** Whether the sources of {@link latest} are in the transcript index's order (by path), as published. */
  private latestInIndexOrder = false;
  /** The number of excerpts of {@link latest}, once counted. */
  private excerptTotal: number | undefined;
  /** Transcript files changed on disk and not read again yet (absolute paths). */
  private readonly changedFiles = new Set<string>();
  private fileTimer: ReturnType<typeof setTimeout> | undefined;

  /** Fires after every load, with the new workspace. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly load: WorkspaceLoader,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The last loaded workspace, or undefined before the first load finished. */
  get current(): Workspace | undefined {
    return this.latest;
  }

  /**
   * Source paths the last change event replaced, added or removed (one file re-parsed from an
   * editor), or null when anything may have changed (a full load, a new codebook); listeners of
   * {@link onDidChange} read it to refresh only what changed.
   */
  get changedPaths(): readonly string[] | null {
    return this.lastChanged;
  }

  /** Number of excerpts in the current workspace (0 before the first load); after an edit, counted again only for the files that changed. */
  get excerptCount(): number {
    this.excerptTotal ??= this.latest?.sources.reduce((total, source) => total + source.excerpts.length, 0);
    return this.excerptTotal ?? 0;
  }

  /** The source of the current workspace at `path` (workspace-relative, `/`-separated), if it is a transcript. */
  sourceAt(path: string): Source | undefined {
    return this.transcripts?.get(path);
  }

  /**
   * Loads the workspace now, or once right after the running load when one runs (calls made
   * meanwhile share that one queued load), and resolves to the result.
   */
  reload(): Promise<Workspace> {
    if (!this.running) {
      this.running = this.loadOnce().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.reload();
    });
    return this.queued;
  }

  /** Reloads after `delayMs` without another call (file watchers call it on every change). */
  scheduleReload(delayMs = 300): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reload();
    }, delayMs);
  }

  /**
   * A Markdown file changed on disk (the file watcher calls it; saving an editor does too). When
   * few changed, no load runs and the index holds each as a transcript, each is read again on its
   * own after `delayMs` without another change, and the change event names them; anything else
   * (a file the index does not hold, one that no longer codes anything, a burst of changes, a
   * read that fails) reloads the whole workspace. With 5,000 transcripts a full load took 4 s
   * after every save.
   */
  fileChanged(uri: vscode.Uri, delayMs = 300): void {
    if (uri.scheme !== 'file' || !/\.(md|markdown)$/i.test(uri.fsPath)) {
      this.scheduleReload(delayMs);
      return;
    }
    this.changedFiles.add(uri.fsPath);
    if (this.fileTimer) clearTimeout(this.fileTimer);
    this.fileTimer = setTimeout(() => {
      this.fileTimer = undefined;
      void this.rereadChangedFiles();
    }, delayMs);
  }

  /**
   * Re-parses one transcript (workspace-relative `path`, `/`-separated) from `text`, an editor's
   * unsaved text, and fires the change event with a workspace where only that source and its
   * diagnostics are replaced (added when the path was not a transcript yet). Nothing else is
   * read or parsed again. Returns the new source, or undefined before the first load.
   */
  updateDocument(path: string, text: string): Source | undefined {
    if (!this.latest || !this.transcripts) return undefined;
    const previous = this.transcripts.get(path);
    const source = this.transcripts.update(text, { path });
    this.publish(this.latest, [path], [path], previous ? [previous] : []);
    return source;
  }

  /**
   * Drops a transcript from the index (its editor text no longer codes anything, say) and fires
   * the change event; false (and no event) when it was not indexed.
   */
  removeDocument(path: string): boolean {
    const previous = this.transcripts?.get(path);
    if (!this.latest || !previous || !this.transcripts?.remove(path)) return false;
    this.publish(this.latest, [path], [path], [previous]);
    return true;
  }

  /**
   * Puts a codebook compiled from editors' unsaved text in place of the current one, with its
   * `diagnostics` in place of those of the codebook files (`files`, and the files either codebook
   * merged), re-checks the codes of every transcript against it and fires the change event
   * (`changedPaths` null). The next full load reads the codebook files from disk again. Does
   * nothing before the first load.
   */
  updateCodebook(loaded: Codebook, loadedDiagnostics: readonly Diagnostic[], files: readonly string[]): void {
    if (!this.latest || !this.transcripts) return;
    // A codebook with errors does not replace the last good one (SPEC §2); its errors still show.
    const { codebook, diagnostics } = this.codebookState.update({ codebook: loaded, diagnostics: [...loadedDiagnostics] });
    const replaced = new Set([...files, ...this.latest.codebook.files, ...codebook.files]);
    this.transcripts.setCodebook(codebook);
    const kept = this.latest.diagnostics.filter((diagnostic) => !replaced.has(diagnostic.path) && diagnostic.ruleId !== 'unknown-code');
    const all = [...kept, ...diagnostics, ...checkCodes(this.transcripts.sources, codebook)];
    all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
    this.latest = { ...this.latest, codebook, diagnostics: all };
    this.lastChanged = null;
    this.changed.fire(this.latest);
  }

  /**
   * Tells full loads where to find the unsaved texts of open transcripts (source path, text):
   * asked once at the end of each load, and laid over the files read, since editors hold newer
   * text than the disk. Disposing stops it.
   */
  readUnsavedFrom(provider: () => Iterable<readonly [path: string, text: string]>): vscode.Disposable {
    this.unsavedTexts = provider;
    return new vscode.Disposable(() => {
      if (this.unsavedTexts === provider) this.unsavedTexts = () => [];
    });
  }

  /** Whether `path` is a transcript of the current workspace. */
  has(path: string): boolean {
    return this.transcripts?.get(path) !== undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.fileTimer) clearTimeout(this.fileTimer);
    this.changed.dispose();
  }

  /** Reads the changed files again one by one (see {@link fileChanged}), or reloads everything. */
  private async rereadChangedFiles(): Promise<void> {
    const files = [...this.changedFiles];
    this.changedFiles.clear();
    const folder = vscode.workspace.workspaceFolders?.[0];
    const fullLoad = () => void this.reload();
    // A full load scheduled reads these files too.
    if (files.length === 0 || this.timer) return;
    // A load in progress may have read a file before it changed: one more load reads it again.
    if (!folder || !this.latest || !this.transcripts || this.running || files.length > MAX_FILES_REREAD) return fullLoad();
    const unsaved = new Set([...this.unsavedTexts()].map(([path]) => path));
    const sources: Source[] = [];
    for (const file of files) {
      const relative = path.relative(folder.uri.fsPath, file).split(path.sep).join('/');
      if (!this.transcripts.get(relative)) return fullLoad();
      // An editor with unsaved changes holds newer text, and the index has it already.
      if (unsaved.has(relative)) continue;
      const read = await readTranscriptFile(file, relative);
      if (!read.ok) return fullLoad();
      const source = parseTranscript(read.text, { path: relative, hash: read.hash, bom: read.bom, writable: read.writable, diagnostics: read.diagnostics });
      // A file without codings may no longer count as a transcript: a full load decides.
      if (source.excerpts.length === 0) return fullLoad();
      sources.push(source);
    }
    // Reading took a while: a full load scheduled meanwhile reads these files too; one that runs may have read them before they changed.
    if (this.timer) return;
    if (this.running || !this.latest) return fullLoad();
    if (sources.length === 0) return;
    const previous = sources.map((source) => this.transcripts?.get(source.path)).filter((source): source is Source => source !== undefined);
    for (const source of sources) this.transcripts.put(source);
    const paths = sources.map((source) => source.path);
    this.publish(this.latest, paths, paths, previous);
  }

  private async loadOnce(): Promise<Workspace> {
    const started = Date.now();
    const folder = vscode.workspace.workspaceFolders?.[0];
    let workspace: Workspace;
    if (!folder || folder.uri.scheme !== 'file') {
      workspace = emptyWorkspace(folder?.uri.fsPath ?? '');
    } else {
      try {
        // A spinner in the status bar while the folder is read and parsed, and a notification
        // when that takes long (a first index of a large study).
        const loading = this.loadFolder(folder);
        const notice = setTimeout(() => {
          void vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Markdown QDA: indexing transcripts…' },
            () => loading.catch(() => undefined),
          );
        }, LONG_LOAD_MS);
        try {
          workspace = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: 'Markdown QDA: indexing transcripts' },
            () => loading,
          );
        } finally {
          clearTimeout(notice);
        }
      } catch (error) {
        this.log.error('loading the workspace failed:', error instanceof Error ? error.stack ?? error.message : String(error));
        return this.latest ?? emptyWorkspace(folder.uri.fsPath);
      }
    }
    workspace = this.withLastGoodCodebook(workspace);
    this.transcripts = new TranscriptIndex(workspace.sources, workspace.codebook);
    const unsaved = [...this.unsavedTexts()];
    if (unsaved.length > 0) {
      // Editors hold newer text than the files just read: their text wins.
      for (const [path, text] of unsaved) this.transcripts.update(text, { path });
      this.publish(workspace, unsaved.map(([path]) => path), null);
    } else {
      this.latest = workspace;
      this.latestInIndexOrder = false;
      this.excerptTotal = undefined;
      this.lastChanged = null;
      this.changed.fire(workspace);
    }
    this.log.info(`indexed ${this.latest?.sources.length ?? 0} transcripts, ${this.excerptCount} excerpts in ${Date.now() - started} ms`);
    return this.latest ?? workspace;
  }

  /**
   * The workspace with the last codebook that had no errors in place of one that has some, the
   * codebook diagnostics plus a `stale-codebook` notice, and codes checked against it.
   */
  private withLastGoodCodebook(workspace: Workspace): Workspace {
    const files = new Set(workspace.codebook.files);
    const isCodebookProblem = (diagnostic: Diagnostic) => files.has(diagnostic.path) || /\.ya?ml$/i.test(diagnostic.path);
    const inUse = this.codebookState.update({ codebook: workspace.codebook, diagnostics: workspace.diagnostics.filter(isCodebookProblem) });
    if (!inUse.stale) return workspace;
    const diagnostics = [
      ...workspace.diagnostics.filter((diagnostic) => !isCodebookProblem(diagnostic) && diagnostic.ruleId !== 'unknown-code'),
      ...inUse.diagnostics,
      ...checkCodes(workspace.sources, inUse.codebook),
    ];
    diagnostics.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
    return { ...workspace, codebook: inUse.codebook, diagnostics };
  }

  /**
   * Makes the workspace of `base` with the sources of the transcript index, re-checks `paths`,
   * and fires, telling listeners `changedPaths` (default: `paths`). `replaced` are the sources
   * the index held at `paths` before (given when `base` is the current workspace): with them,
   * the excerpt count and the list of sources are updated rather than made again.
   */
  private publish(base: Workspace, paths: readonly string[], changedPaths: readonly string[] | null = paths, replaced?: readonly Source[]): void {
    const transcripts = this.transcripts as TranscriptIndex;
    const changed = new Set(paths);
    const diagnostics: Diagnostic[] = base.diagnostics.filter((diagnostic) => !changed.has(diagnostic.path));
    for (const path of changed) diagnostics.push(...transcripts.diagnosticsOf(path));
    diagnostics.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
    const incremental = replaced !== undefined && base === this.latest;
    const sources = (incremental && this.latestInIndexOrder && replacedInPlace(base.sources, paths, transcripts)) || transcripts.sources;
    if (incremental && this.excerptTotal !== undefined) {
      for (const source of replaced) this.excerptTotal -= source.excerpts.length;
      for (const path of changed) this.excerptTotal += transcripts.get(path)?.excerpts.length ?? 0;
    } else {
      this.excerptTotal = undefined;
    }
    const workspace: Workspace = { ...base, sources, codebook: transcripts.codebook, diagnostics };
    this.latest = workspace;
    this.latestInIndexOrder = true;
    this.lastChanged = changedPaths;
    this.changed.fire(workspace);
  }

  /**
   * Loads one folder: with no transcript globs the core searches the whole folder; with globs,
   * only the files they match are transcripts (none matched: no sources, codebook still read).
   */
  private async loadFolder(folder: vscode.WorkspaceFolder): Promise<Workspace> {
    const settings = readSettings(folder);
    const root = folder.uri.fsPath;
    const options = { cwd: root, root, codebooks: settings.codebooks };
    if (settings.transcripts.length === 0) return this.load({ ...options, paths: ['.'] });
    const paths = await findTranscripts(folder, settings.transcripts);
    if (paths.length > 0) return this.load({ ...options, paths });
    const everything = await this.load({ ...options, paths: ['.'] });
    const dropped = new Set(everything.sources.map((source) => source.path));
    return {
      ...everything,
      sources: [],
      diagnostics: everything.diagnostics.filter((diagnostic) => !dropped.has(diagnostic.path)),
    };
  }
}

/**
 * `sources` (in path order, as the transcript index lists them) with the index's new source at
 * each of `paths` in place of the old one, as `transcripts.sources` would list them, without
 * sorting them again; undefined when a path was added or removed (the list changes length).
 */
function replacedInPlace(sources: readonly Source[], paths: readonly string[], transcripts: TranscriptIndex): Source[] | undefined {
  const result = [...sources];
  for (const path of paths) {
    const source = transcripts.get(path);
    const low = partitionPoint(result.length, (index) => result[index].path < path);
    if (!source || low === result.length || result[low].path !== path) return undefined;
    result[low] = source;
  }
  return result;
}

async function findTranscripts(folder: vscode.WorkspaceFolder, globs: string[]): Promise<string[]> {
  const found = await Promise.all(
    globs.map((glob) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), excludedFolders)),
  );
  const paths = new Set(found.flat().map((uri) => uri.fsPath));
  return [...paths].sort();
}

function emptyWorkspace(root: string): Workspace {
  return {
    root,
    sources: [],
    codebook: emptyCodebook(),
    diagnostics: [],
  };
}
