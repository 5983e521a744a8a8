import * as vscode from 'vscode';
import type { DecorationSnapshot } from '../../../src/extension/editor/codingDecorations';
import { decorationRangesCommand } from '../../../src/extension/editor/registerEditorFeatures';
import { workspaceFolder } from './helpers';

/** The decorations last drawn for the document `uri` (through the command the extension exposes for tests). */
export function decorationsOf(uri: vscode.Uri): Thenable<DecorationSnapshot | undefined> {
  return vscode.commands.executeCommand<DecorationSnapshot | undefined>(decorationRangesCommand, uri);
}

/** Values a condition returns while it does not hold. */
type Falsy = false | undefined | null | 0 | '';

/** Polls an async `condition` every 10 ms for up to `timeoutMs`; resolves to its first truthy value. */
export async function eventually<T>(condition: () => T | Falsy | Thenable<T | Falsy>, timeoutMs = 10000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as T;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The median of timings (the upper one of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The URI of a workspace file, `/`-separated path. */
export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relative.split('/'));
}

/** The text of a workspace file on disk. */
export async function readText(relative: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(relative)));
}

/** Writes a workspace file on disk. */
export async function writeText(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fileUri(relative), new TextEncoder().encode(text));
}

/** The position just after the first `marker` in `document` (`shift` characters further). */
export function positionAfter(document: vscode.TextDocument, marker: string, shift = 0): vscode.Position {
  const at = document.getText().indexOf(marker);
  if (at < 0) throw new Error(`no ${JSON.stringify(marker)} in ${document.uri.path}`);
  return document.positionAt(at + marker.length + shift);
}

/** Hover contents as plain strings. */
export function hoverTexts(hovers: readonly vscode.Hover[]): string[] {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
}

/** The diagnostics of the extension for `uri`. */
export function qdaDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Markdown QDA');
}

/** Closes every editor without saving and reverts what they changed. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty && candidate.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Prints a marker the runner turns into `out/integration/<name>.png`, and waits for the shot. */
export async function requestNamedScreenshot(name: string, settleMs = 1500): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  console.log(`[mdqda:screenshot:${name}]`);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
}

/**
 * Sets `files.autoSave` for the user (undefined: back to the default). The web workbench saves
 * after a second by default, which would turn unsaved text into saved files mid-test.
 */
export async function setAutoSave(value: 'off' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('files').update('autoSave', value, vscode.ConfigurationTarget.Global);
}

let freshSerial = 0;

/**
 * Writes `text` to a new transcript `interviews/NAME-N.md` (a new name each time: VS Code keeps
 * closed documents a while) and opens it in an editor.
 */
export async function openFreshTranscript(name: string, text: string): Promise<vscode.TextEditor> {
  freshSerial += 1;
  const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'interviews', `${name}-${freshSerial}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Closes the active editor without saving and deletes its file. */
export async function closeAndDelete(editor: vscode.TextEditor): Promise<void> {
  const uri = editor.document.uri;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  try {
    await vscode.workspace.fs.delete(uri);
  } catch {
    // Already gone.
  }
}
