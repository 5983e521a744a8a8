import * as path from 'node:path';
import * as vscode from 'vscode';

/** Folders whose files are never transcripts (as the core's folder search skips them). */
const IGNORED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

/** The first workspace folder when it is on disk (the one the index loads), else undefined. */
export function indexedFolder(): vscode.WorkspaceFolder | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && folder.uri.scheme === 'file' ? folder : undefined;
}

/**
 * The workspace-relative, `/`-separated path of a Markdown file the index may hold, or undefined
 * for a file outside the indexed folder, not on disk, or under a hidden or ignored folder.
 */
export function transcriptPathOf(uri: vscode.Uri): string | undefined {
  const folder = indexedFolder();
  if (!folder || uri.scheme !== 'file' || !/\.(md|markdown)$/i.test(uri.fsPath)) return undefined;
  const relative = path.relative(folder.uri.fsPath, uri.fsPath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep);
  if (parts.slice(0, -1).some((part) => part.startsWith('.') || IGNORED_FOLDERS.has(part))) return undefined;
  return parts.join('/');
}

/** The URI of a path as the core writes it: relative to the workspace root (`/`-separated) or absolute. */
export function uriOfWorkspacePath(root: string, file: string): vscode.Uri {
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  return vscode.Uri.file(path.join(root, ...file.split('/')));
}
