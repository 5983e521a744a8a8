import * as vscode from 'vscode';
import type { CodeFields } from '../../core/edit/editCodebookText';
import { changeWorkspaceCodebook, type CodebookChangeOutcome } from '../editing/codebookChangeEdit';
import type { WorkspaceIndex } from '../workspaceIndex';
import { codeIdOf, pickCode } from './pickCode';

/** A field of a code the Codebook view edits. */
export type CodeField = keyof CodeFields;

/** Optional arguments of `markdownQda.editCode` (a Codebook view node gives the code). */
export interface EditCodeArgs {
  id?: string;
  field?: CodeField;
  value?: string;
}

const COLOUR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

const FIELD_LABELS: Record<CodeField, string> = { name: 'Name', description: 'Description', color: 'Colour' };

/** Asks which field to edit, showing each one's value. */
async function pickField(id: string, fields: Record<CodeField, string | null>): Promise<CodeField | undefined> {
  const picked = await vscode.window.showQuickPick(
    (Object.keys(FIELD_LABELS) as CodeField[]).map((field) => ({ label: FIELD_LABELS[field], detail: fields[field] ?? '(none)', field })),
    { title: `Markdown QDA: edit ${id}`, placeHolder: 'Which field?' },
  );
  return picked?.field;
}

/**
 * Makes the handler of `markdownQda.editCode`: edits the name, description or colour of a code
 * of the codebook through the codebook edit engine (the value replaced where the file writes it,
 * an override for an inherited code), recorded as `describe` or `recolour` in the history. Asks
 * for what is not given. Resolves to the outcome, or undefined when cancelled or unchanged.
 */
export function editCode(index: WorkspaceIndex): (args?: EditCodeArgs | unknown) => Promise<CodebookChangeOutcome | undefined> {
  return async (args) => {
    const given = (typeof args === 'object' && args !== null ? args : {}) as EditCodeArgs;
    const id = codeIdOf(args) ?? given.id ?? (await pickCode(index, 'Edit which code?'));
    if (!id) return undefined;
    const workspace = index.current ?? (await index.reload());
    const code = workspace.codebook.codes.get(id);
    if (!code) {
      void vscode.window.showErrorMessage(`Markdown QDA: ${id} is not in the codebook: add it first.`);
      return { ok: false, error: `${id} is not in the codebook` };
    }
    const current: Record<CodeField, string | null> = { name: code.name, description: code.description, color: code.color };
    const field = given.field ?? (await pickField(id, current));
    if (!field) return undefined;
    const value = given.value ?? (await vscode.window.showInputBox({
      title: `Markdown QDA: ${FIELD_LABELS[field].toLowerCase()} of ${id}`,
      prompt: field === 'color' ? 'A colour as #rrggbb' : field === 'description' ? 'What the code is for (empty: no description)' : 'The name shown beside the id',
      value: current[field] ?? '',
      validateInput: (text) =>
        field === 'color' && !COLOUR.test(text.trim()) ? 'Write a colour as #rrggbb' : field === 'name' && text.trim() === '' ? 'A code needs a name' : undefined,
    }));
    if (value === undefined || value.trim() === (current[field] ?? '')) return undefined;
    const outcome = await changeWorkspaceCodebook(index, { action: field === 'color' ? 'recolour' : 'describe', from: [], to: [id], fields: { [field]: value } });
    if (!outcome.ok) void vscode.window.showErrorMessage(`Markdown QDA: cannot edit ${id}: ${outcome.error}; nothing was changed.`);
    else void vscode.window.showInformationMessage(`Markdown QDA: ${id}: ${FIELD_LABELS[field].toLowerCase()} changed in ${vscode.workspace.asRelativePath(outcome.uri)}.`);
    return outcome;
  };
}
