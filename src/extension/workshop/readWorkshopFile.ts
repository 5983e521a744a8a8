import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkWorkshop, type CheckedWorkshop } from '../../core/analysis/workshop/checkWorkshop';
import type { Codebook } from '../../core/model/codebook';
import { loadCodebooks } from '../../node/loadCodebooks';
import { indexedFolder } from '../editor/workspacePaths';
import type { WorkspaceIndex } from '../workspaceIndex';

/** A workshop file checked and tallied, with the path its diagnostics name. */
export interface WorkshopFile extends CheckedWorkshop {
  uri: vscode.Uri;
  /** Workspace-relative path (`/`-separated), or the absolute path outside the workspace. */
  path: string;
}

/**
 * The codebook a workshop file is checked against: inside the indexed workspace folder the one
 * the editor uses (with unsaved codebook edits); elsewhere `codebook.yaml` beside the file, as
 * `mdqda workshop FILE` reads it.
 */
async function codebookFor(uri: vscode.Uri, index: WorkspaceIndex): Promise<Codebook> {
  const folder = indexedFolder();
  const relative = folder ? path.relative(folder.uri.fsPath, uri.fsPath) : '..';
  if (index.current && !relative.startsWith('..') && !path.isAbsolute(relative)) return index.current.codebook;
  return (await loadCodebooks([], path.dirname(uri.fsPath))).codebook;
}

/** The path a workshop file's diagnostics and the panel name it by. */
export function workshopPathOf(uri: vscode.Uri): string {
  const folder = indexedFolder();
  const relative = folder ? path.relative(folder.uri.fsPath, uri.fsPath) : '';
  return folder && relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : uri.fsPath;
}

/**
 * Reads a workshop file (the open editor's text when it is open, else the file on disk), checks it
 * against its codebook and tallies it with the core, as `mdqda workshop` does. Rejects only when
 * the file cannot be read.
 */
export async function readWorkshopFile(uri: vscode.Uri, index: WorkspaceIndex): Promise<WorkshopFile> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const file = workshopPathOf(uri);
  return { uri, path: file, ...checkWorkshop(text, file, await codebookFor(uri, index)) };
}
