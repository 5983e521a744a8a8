import { parseDocument } from 'yaml';
import * as vscode from 'vscode';
import { extendingCodebook } from '../../core/codebook/presetCodebookText';
import type { CodebookText } from '../../core/codebook/mergeCodebooks';
import { listPresets, readPreset } from '../../node/presets';
import { codebookUri, exists } from '../editing/codebookDocument';
import { ensureTrusted } from '../editing/ensureTrusted';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Optional arguments of `markdownQda.initCodebook`: the presets, and whether to replace an existing codebook. */
export interface InitCodebookArgs {
  presets?: string[];
  overwrite?: boolean;
}

/**
 * Makes the handler of `markdownQda.initCodebook`: writes the workspace codebook (`codebook.yaml`,
 * or the first `markdownQda.codebooks` entry) extending bundled presets chosen in a quick pick,
 * exactly as `mdqda init --preset …` does, opens it and reloads the index. An existing codebook
 * is only replaced after a confirmation (or `overwrite`). Resolves to the file written.
 */
export function initCodebook(index: WorkspaceIndex): (args?: InitCodebookArgs) => Promise<vscode.Uri | undefined> {
  return async (args = {}) => {
    if (!(await ensureTrusted())) return undefined;
    const uri = codebookUri();
    if (!uri) {
      void vscode.window.showInformationMessage('Markdown QDA: open a workspace folder first.');
      return undefined;
    }
    const available = listPresets();
    let names = args.presets;
    if (!names) {
      const picked = await vscode.window.showQuickPick(
        available.map((name) => ({ label: name, ...describe(readPreset(name)) })),
        { title: 'Markdown QDA: initialise the codebook', placeHolder: 'Start from which presets? (their codes are inherited, not copied)', canPickMany: true, matchOnDetail: true },
      );
      if (!picked || picked.length === 0) return undefined;
      names = picked.map((item) => item.label);
    }
    const unknown = names.find((name) => !available.includes(name));
    const presets = names.map((name) => readPreset(name));
    if (unknown !== undefined || names.length === 0 || presets.some((preset) => preset === undefined)) {
      void vscode.window.showErrorMessage(`Markdown QDA: unknown preset '${unknown ?? ''}' (presets: ${available.join(', ')}).`);
      return undefined;
    }
    if ((await exists(uri)) && !args.overwrite) {
      const replace = 'Replace';
      const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} already exists. Replace it?`, { modal: true }, replace);
      if (answer !== replace) return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(extendingCodebook(names, presets as CodebookText[])));
    await index.reload();
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  };
}

/** A preset's title and paper for the quick pick. */
function describe(preset: CodebookText | undefined): { description?: string; detail?: string } {
  if (!preset) return {};
  const data = parseDocument(preset.text).toJS() as { title?: unknown; source?: { authors?: unknown; year?: unknown; title?: unknown } } | null;
  const source = data?.source;
  const cited = source ? `${String(source.authors ?? '')} (${String(source.year ?? '')}). ${String(source.title ?? '')}` : undefined;
  return { description: typeof data?.title === 'string' ? data.title : undefined, detail: cited };
}
