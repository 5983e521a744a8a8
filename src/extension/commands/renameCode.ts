import * as vscode from 'vscode';
import { CODE_ID } from '../../core/edit/codeRange';
import { recodeDecision, recodeWorkspace, reportRecode, type RecodeOutcome } from '../editing/recodeWorkspace';
import type { WorkspaceIndex } from '../workspaceIndex';
import { codeIdOf, pickCode } from './pickCode';

/** Optional arguments of `markdownQda.renameCode` (a codebook view node also gives `from`). */
export interface RenameCodeArgs {
  from?: string;
  to?: string;
  /** Only say what would change (per file), writing nothing. */
  dryRun?: boolean;
}

/**
 * Makes the handler of `markdownQda.renameCode`: renames a code id in every transcript and in
 * the codebook (recorded in its history) as one undoable workspace edit. Asks for what is not
 * given; when it asked, shows what will change in each file before writing (see
 * {@link confirmRecode}). Resolves to the outcome, or undefined when cancelled.
 */
export function renameCode(index: WorkspaceIndex): (args?: RenameCodeArgs | unknown) => Promise<RecodeOutcome | undefined> {
  return async (args) => {
    const given = (typeof args === 'object' && args !== null ? args : {}) as RenameCodeArgs;
    const from = given.from ?? codeIdOf(args) ?? (await pickCode(index, 'Rename which code?'));
    if (!from) return undefined;
    const to = given.to ?? (await vscode.window.showInputBox({
      title: `Markdown QDA: rename ${from}`,
      prompt: 'New code id (it replaces the old one in every transcript and in the codebook)',
      value: from,
      validateInput: (value) => (!CODE_ID.test(value.trim()) ? 'A letter, then letters, digits, _ or -' : value.trim() === from ? 'Type a different id' : undefined),
    }))?.trim();
    if (!to) return undefined;
    const what = `rename ${from} to ${to}`;
    const decide = recodeDecision(what, { dryRun: given.dryRun, asked: given.to === undefined });
    const outcome = CODE_ID.test(to) && to !== from
      ? await recodeWorkspace(index, { mapping: new Map([[from, to]]), change: { action: 'rename', from: [from], to: [to] } }, decide)
      : { ok: false as const, error: `'${to}' is not a new code id` };
    reportRecode(what, outcome);
    return outcome;
  };
}
