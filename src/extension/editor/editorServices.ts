import type * as vscode from 'vscode';
import type { BlindMode } from '../blindMode';
import type { WorkspaceIndex } from '../workspaceIndex';

/** What the editor features need from the rest of the extension. */
export interface EditorServices {
  /** The live index of the workspace. */
  index: WorkspaceIndex;
  /** The extension's log channel. */
  log: vscode.LogOutputChannel;
  /** "Show Only My Codings": which codings the decorations, hover and completions show. */
  blind: BlindMode;
}
