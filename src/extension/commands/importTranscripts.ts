import * as vscode from 'vscode';
import { importTranscript, type ImportedTranscript } from '../../core/ingest/importTranscript';
import { chooseTranscriptNames } from '../../core/ingest/transcriptNames';
import { existingTranscripts } from '../../node/ingest/existingTranscripts';
import { ensureTrusted } from '../editing/ensureTrusted';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Optional arguments of `markdownQda.importTranscripts` (tests and scripts): no dialog for what is given. */
export interface ImportTranscriptsArgs {
  /** The transcript files (`.docx`, `.vtt`, `.srt`, `.txt`). */
  files?: vscode.Uri[];
  /** The folder to write to; it must be inside the workspace. */
  folder?: vscode.Uri;
  /** Replace existing files without asking (true), or never (false); unset: ask. */
  overwrite?: boolean;
}

/**
 * Makes the handler of `markdownQda.importTranscripts`: picks transcript
 * files and a target folder in the workspace, converts every file with the
 * same core as `mdqda import` (with progress, cancellable), and writes them
 * only if every file could be read (else one message naming the files).
 * Existing files are replaced only after a confirmation. Opens the first
 * result and resolves to the files written.
 */
export function importTranscripts(index: WorkspaceIndex): (args?: ImportTranscriptsArgs) => Promise<vscode.Uri[] | undefined> {
  return async (args = {}) => {
    if (!(await ensureTrusted())) return undefined;
    const workspace = vscode.workspace.workspaceFolders?.[0];
    if (!workspace) {
      void vscode.window.showInformationMessage('Markdown QDA: open a workspace folder first.');
      return undefined;
    }
    const files =
      args.files ??
      (await vscode.window.showOpenDialog({ title: 'Import transcripts', canSelectMany: true, openLabel: 'Import', filters: { Transcripts: ['docx', 'vtt', 'srt', 'txt'] } }));
    if (!files || files.length === 0) return undefined;
    const folder = args.folder ?? (await vscode.window.showOpenDialog({ title: 'Import transcripts into which folder?', canSelectFolders: true, canSelectFiles: false, defaultUri: workspace.uri, openLabel: 'Import Here' }))?.[0];
    if (!folder) return undefined;
    if (!vscode.workspace.getWorkspaceFolder(folder)) {
      void vscode.window.showErrorMessage('Markdown QDA: choose a folder inside the workspace for the transcripts.');
      return undefined;
    }
    const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;
    const names = chooseTranscriptNames(files.map(fileName), await existingTranscripts(folder.fsPath));
    const results: { uri: vscode.Uri; result: ImportedTranscript }[] = [];
    const problems: string[] = [];
    const finished = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Importing transcripts', cancellable: true }, async (progress, token) => {
      for (const [at, file] of files.entries()) {
        if (token.isCancellationRequested) return false;
        progress.report({ message: `${at + 1}/${files.length}: ${fileName(file)}`, increment: 100 / files.length });
        let bytes: Uint8Array;
        try {
          bytes = await vscode.workspace.fs.readFile(file);
        } catch (error) {
          problems.push(`${fileName(file)}: cannot read (${(error as Error).message})`);
          continue;
        }
        const result = await importTranscript(bytes, fileName(file), { id: names[at].id });
        if (result.ok) results.push({ uri: vscode.Uri.joinPath(folder, names[at].fileName), result });
        else problems.push(`${fileName(file)}: ${result.error}`);
      }
      return true;
    });
    if (!finished) return undefined;
    if (problems.length > 0) {
      void vscode.window.showErrorMessage(`Markdown QDA: nothing was imported. ${problems.join(' · ')}`);
      return undefined;
    }
    const existing: vscode.Uri[] = [];
    for (const { uri } of results) {
      try {
        await vscode.workspace.fs.stat(uri);
        existing.push(uri);
      } catch {
        // Not there yet: fine.
      }
    }
    if (existing.length > 0 && args.overwrite !== true) {
      const replace = 'Replace';
      const list = existing.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ');
      const answer = args.overwrite === false ? undefined : await vscode.window.showWarningMessage(`${list} already exist${existing.length === 1 ? 's' : ''}. Replace?`, { modal: true }, replace);
      if (answer !== replace) return undefined;
    }
    for (const { uri, result } of results) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.markdown));
    await index.reload();
    const summary = results.map(({ uri, result }) => `${vscode.workspace.asRelativePath(uri)}: ${result.summary.turns} turns, ${result.summary.speakers.length} speakers`).join('; ');
    void vscode.window.showInformationMessage(`Markdown QDA: imported ${results.length} transcript${results.length === 1 ? '' : 's'} (${summary}).`);
    await vscode.window.showTextDocument(results[0].uri, { preview: false });
    return results.map(({ uri }) => uri);
  };
}
