import * as vscode from 'vscode';
import { emptyCodebook } from '../core/codebook/emptyCodebook';
import type { Workspace } from '../node/loadWorkspace';
import { readSettings } from './readSettings';

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

/** Folders never searched for transcripts given by glob. */
const excludedFolders = '**/{node_modules,.git,.tools,.mdqda-cache,dist,out}/**';

/**
 * The extension's view of the workspace: loads the first workspace folder through the core and
 * tells listeners when it changed. Loads are serialised; a reload asked for while one runs
 * happens once after it. A load that throws keeps the last good workspace and logs the error.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Workspace>();
  private running: Promise<Workspace> | undefined;
  private queued: Promise<Workspace> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: Workspace | undefined;

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

  /** Number of excerpts in the current workspace (0 before the first load). */
  get excerptCount(): number {
    return this.latest?.sources.reduce((total, source) => total + source.excerpts.length, 0) ?? 0;
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

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }

  private async loadOnce(): Promise<Workspace> {
    const started = Date.now();
    const folder = vscode.workspace.workspaceFolders?.[0];
    let workspace: Workspace;
    if (!folder || folder.uri.scheme !== 'file') {
      workspace = emptyWorkspace(folder?.uri.fsPath ?? '');
    } else {
      try {
        // A spinner in the status bar while the folder is read and parsed.
        workspace = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: 'Markdown QDA: indexing transcripts' },
          () => this.loadFolder(folder),
        );
      } catch (error) {
        this.log.error('loading the workspace failed:', error instanceof Error ? error.stack ?? error.message : String(error));
        return this.latest ?? emptyWorkspace(folder.uri.fsPath);
      }
    }
    this.latest = workspace;
    this.log.info(`indexed ${workspace.sources.length} transcripts, ${this.excerptCount} excerpts in ${Date.now() - started} ms`);
    this.changed.fire(workspace);
    return workspace;
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
