import * as vscode from 'vscode';

/** The extension's settings (`contributes.configuration` in package.json documents them). */
export interface Settings {
  /** Coder identity written as `by=` on new codings; null when not set yet. */
  coder: string | null;
  /** Codebook files relative to the workspace folder, merged in order; empty (the default) reads `codebook.yaml` when it exists. */
  codebooks: string[];
  /** Globs of transcripts relative to the workspace folder; empty (the default) means every Markdown file with code markup. */
  transcripts: string[];
}

/** Section of every setting of the extension. */
export const settingsSection = 'markdownQda';

/**
 * Reads the settings for the workspace folder `scope`.
 * A list of the wrong type reads as empty (the default); a blank coder reads as null.
 */
export function readSettings(scope: vscode.WorkspaceFolder): Settings {
  const configuration = vscode.workspace.getConfiguration(settingsSection, scope);
  return {
    coder: readCoder(),
    codebooks: stringList(configuration.get<unknown>('codebooks')),
    transcripts: stringList(configuration.get<unknown>('transcripts')),
  };
}

/** The coder identity (an application-wide setting), or null when it is not set or blank. */
export function readCoder(): string | null {
  const coder = vscode.workspace.getConfiguration(settingsSection).get<unknown>('coder');
  return typeof coder === 'string' && coder.trim() !== '' ? coder.trim() : null;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}
