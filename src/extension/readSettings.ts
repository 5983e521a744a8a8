import * as vscode from 'vscode';

/** The extension's settings (`contributes.configuration` in package.json documents them). */
export interface Settings {
  /** Coder identity written as `by=` on new codings; null when not set yet. */
  coder: string | null;
  /** Codebook files relative to the workspace folder, merged in order; empty (the default) reads `codebook.yaml` when it exists. */
  codebooks: string[];
  /** Globs of transcripts relative to the workspace folder. Default `["**\/*.md"]`. */
  transcripts: string[];
}

/** Section of every setting of the extension. */
export const settingsSection = 'markdownQda';

const defaultTranscripts = ['**/*.md'];

/**
 * Reads the settings for `scope` (a workspace folder, or the window when omitted).
 * A wrong type or an empty transcript list falls back to the default; a blank coder reads as null.
 */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const configuration = vscode.workspace.getConfiguration(settingsSection, scope);
  const coder = configuration.get<unknown>('coder');
  return {
    coder: typeof coder === 'string' && coder.trim() !== '' ? coder.trim() : null,
    codebooks: stringList(configuration.get<unknown>('codebooks'), []),
    transcripts: stringList(configuration.get<unknown>('transcripts'), defaultTranscripts),
  };
}

function stringList(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  const strings = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  return strings.length > 0 ? strings : fallback;
}
