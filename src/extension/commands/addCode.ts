import * as vscode from 'vscode';
import { CODE_ID } from '../../core/edit/codeRange';
import { addCodeToWorkspaceCodebook, today } from '../editing/codebookDocument';
import { ensureTrusted } from '../editing/ensureTrusted';
import type { WorkspaceIndex } from '../workspaceIndex';
import { codeIdOf } from './pickCode';

/** Optional arguments of `markdownQda.addCode` (a Codebook view node gives the parent). */
export interface AddCodeArgs {
  id?: string;
  name?: string;
  /** The parent code; null for a root code. */
  parent?: string | null;
  /** Ask for the parent when it is not given (the quick fix "Add to codebook"). Default false: a root code. */
  askParent?: boolean;
}

/** Asks for the parent: a root code (first) or any code of the codebook. Undefined when cancelled. */
async function pickParent(index: WorkspaceIndex, id: string): Promise<string | null | undefined> {
  const workspace = index.current ?? (await index.reload());
  const root = { label: '$(list-tree) No parent', description: `${id} is a top-level code`, id: null as string | null };
  const codes = [...workspace.codebook.codes.values()].map((code) => ({ label: code.id, description: code.name, id: code.id as string | null }));
  const picked = await vscode.window.showQuickPick([root, ...codes], { title: `Markdown QDA: parent of ${id} (optional)`, placeHolder: 'A sub-code of… (or no parent)', matchOnDescription: true });
  return picked ? picked.id : undefined;
}

/**
 * Makes the handler of `markdownQda.addCode`: adds a code to the workspace codebook through the
 * codebook edit engine (an entry and an `add` history entry, exact text edits). From a Codebook
 * view node it adds a child of that code; the quick fix "Add to codebook" gives the id and asks
 * for the name and, optionally, the parent. Asks for what is not given. Resolves to the id
 * added, or undefined when cancelled or refused (with a message).
 */
export function addCode(index: WorkspaceIndex): (args?: AddCodeArgs | unknown) => Promise<string | undefined> {
  return async (args) => {
    const node = codeIdOf(args);
    const given = (typeof args === 'object' && args !== null && node === undefined ? args : {}) as AddCodeArgs;
    const parentGiven = node ?? given.parent;
    const workspace = index.current ?? (await index.reload());
    const id = (given.id ?? (await vscode.window.showInputBox({
      title: `Markdown QDA: new code${node ? ` under ${node}` : ''}`,
      prompt: 'Code id: short and stable, e.g. T5 or M10 (a letter, then letters, digits, _ or -)',
      validateInput: (value) =>
        !CODE_ID.test(value.trim()) ? 'A letter, then letters, digits, _ or -' : workspace.codebook.codes.has(value.trim()) ? 'The codebook already has this code' : undefined,
    })))?.trim();
    if (!id) return undefined;
    const name = (given.name ?? (await vscode.window.showInputBox({
      title: `Markdown QDA: name of ${id}`,
      prompt: 'The name shown beside the id',
      value: given.id ?? '',
      validateInput: (value) => (value.trim() ? undefined : 'Give the code a name'),
    })))?.trim();
    if (!name) return undefined;
    const parent = parentGiven !== undefined ? parentGiven : given.askParent ? await pickParent(index, id) : null;
    if (parent === undefined || !(await ensureTrusted())) return undefined;
    const problem = await addCodeToWorkspaceCodebook({ id, name, ...(parent !== null ? { parent } : {}), date: today() });
    if (problem) {
      void vscode.window.showErrorMessage(`Markdown QDA: cannot add ${id} to the codebook: ${problem}`);
      return undefined;
    }
    await index.reload();
    return id;
  };
}
