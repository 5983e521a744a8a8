import * as vscode from 'vscode';
import { recodeDecision, recodeWorkspace, reportRecode, type RecodeOutcome } from '../editing/recodeWorkspace';
import type { WorkspaceIndex } from '../workspaceIndex';
import { codeIdOf, pickCode } from './pickCode';

/** Optional arguments of `markdownQda.mergeCodes`. */
export interface MergeCodesArgs {
  from?: string[];
  into?: string;
  /** Only say what would change (per file), writing nothing. */
  dryRun?: boolean;
}

/**
 * Makes the handler of `markdownQda.mergeCodes`: replaces codes by one code in every transcript,
 * removes the merged codes from the codebook and records the merge in its history, as one
 * undoable workspace edit. Asks for what is not given; when it asked, shows what will change in
 * each file before writing (see {@link confirmRecode}). Resolves to the outcome, or undefined when
 * cancelled.
 */
export function mergeCodes(index: WorkspaceIndex): (args?: MergeCodesArgs | unknown) => Promise<RecodeOutcome | undefined> {
  return async (args) => {
    const given = (typeof args === 'object' && args !== null ? args : {}) as MergeCodesArgs;
    const workspace = index.current ?? (await index.reload());
    let from = Array.isArray(given.from) ? given.from : undefined;
    if (!from) {
      const preselected = codeIdOf(args);
      const items = [...workspace.codebook.codes.values()].map((code) => ({ label: code.id, description: code.name, picked: code.id === preselected }));
      const picked = await vscode.window.showQuickPick(items, { title: 'Markdown QDA: merge codes', placeHolder: 'Choose the codes to merge', canPickMany: true });
      if (!picked || picked.length === 0) return undefined;
      from = picked.map((item) => item.label);
    }
    const into = given.into ?? (await pickCode(index, 'Merge them into which code?', from));
    if (!into) return undefined;
    const away = [...new Set(from)].filter((id) => id !== into);
    const what = `merge ${away.join(', ')} into ${into}`;
    const decide = recodeDecision(what, { dryRun: given.dryRun, asked: !Array.isArray(given.from) || given.into === undefined });
    const outcome = away.length > 0
      ? await recodeWorkspace(index, { mapping: new Map(away.map((id) => [id, into])), change: { action: 'merge', from: [...new Set(from)], to: [into] } }, decide)
      : { ok: false as const, error: 'choose at least one code other than the target' };
    reportRecode(what, outcome);
    return outcome;
  };
}
