import * as vscode from 'vscode';
import { exists } from '../editing/codebookDocument';

/** Optional arguments of `markdownQda.openExampleStudy` (scripts and tests skip the prompts with them). */
export interface OpenExampleStudyArgs {
  /** The folder to copy the study into (a `coproduction-study` folder is made in it). */
  folder?: vscode.Uri | string;
  /** Open the copy as the workspace (default true; the window then reloads). */
  open?: boolean;
}

/** Name of the bundled example study, under `examples/` in the extension and of the copy. */
const studyName = 'coproduction-study';

/**
 * Makes the handler of `markdownQda.openExampleStudy`: copies the bundled example study (a
 * codebook and four transcripts) into a folder the user chooses and opens the copy, so the
 * walkthrough can be followed on real data without touching the user's own files. An existing
 * copy is opened as it is, never overwritten. Resolves to the copy's folder, or undefined when
 * cancelled.
 */
export function openExampleStudy(extensionUri: vscode.Uri): (args?: OpenExampleStudyArgs) => Promise<vscode.Uri | undefined> {
  return async (args = {}) => {
    let parent = typeof args.folder === 'string' ? vscode.Uri.file(args.folder) : args.folder;
    if (!parent) {
      const [picked] = (await vscode.window.showOpenDialog({
        title: 'Markdown QDA: where to put a copy of the example study',
        openLabel: 'Copy the Example Study Here',
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
      })) ?? [];
      if (!picked) return undefined;
      parent = picked;
    }
    const target = vscode.Uri.joinPath(parent, studyName);
    if (!(await exists(target))) await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'examples', studyName), target);
    if (args.open !== false) await vscode.commands.executeCommand('vscode.openFolder', target);
    return target;
  };
}
