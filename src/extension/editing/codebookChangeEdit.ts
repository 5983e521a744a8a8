import * as vscode from 'vscode';
import { codesSeenFrom } from '../../core/codebook/codesSeenFrom';
import { editCodebookText, type CodebookChange } from '../../core/edit/editCodebookText';
import type { TextEdit } from '../../core/edit/textEdit';
import type { Workspace } from '../../node/loadWorkspace';
import type { WorkspaceIndex } from '../workspaceIndex';
import { codebookUri, exists, today } from './codebookDocument';
import { ensureTrusted } from './ensureTrusted';
import { relativePath } from './parseTranscriptDocument';
import { toWorkspaceEdit } from './toWorkspaceEdit';

/** A change of the workspace codebook added to a `WorkspaceEdit`, or why it cannot be written, or no codebook file. */
export type CodebookChangeEdit =
  | { ok: true; document: vscode.TextDocument; notes: string[] }
  | { ok: true; document: undefined; notes: string[] }
  | { ok: false; error: string };

/** The edits that write a change to the workspace codebook file, with the text they apply to. */
export type CodebookChangePlan =
  | { ok: true; document: vscode.TextDocument; display: string; before: string; edits: TextEdit[]; notes: string[] }
  | { ok: true; document: undefined; notes: string[] }
  | { ok: false; error: string };

/**
 * The edits that write `change` (dated today) to the workspace codebook file, computed by the
 * codebook edit engine from the file's text (its unsaved text when open) and the codes it
 * inherits. Without a codebook file there are none (`document` undefined).
 */
export async function planCodebookChange(workspace: Workspace, change: Omit<CodebookChange, 'date' | 'codes'>): Promise<CodebookChangePlan> {
  const uri = codebookUri();
  if (!uri || !(await exists(uri))) return { ok: true, document: undefined, notes: ['no codebook file: the change is not recorded in a history'] };
  const document = await vscode.workspace.openTextDocument(uri);
  const display = relativePath(uri);
  const before = document.getText();
  const result = editCodebookText(before, { ...change, date: today(), codes: codesSeenFrom(workspace.codebook, display) });
  if (!result.ok) return { ok: false, error: `${display}: ${result.error}` };
  return { ok: true, document, display, before, edits: result.edits, notes: result.notes };
}

/** Adds the edits of {@link planCodebookChange} to `edit`. */
export async function addCodebookChange(workspace: Workspace, change: Omit<CodebookChange, 'date' | 'codes'>, edit: vscode.WorkspaceEdit): Promise<CodebookChangeEdit> {
  const plan = await planCodebookChange(workspace, change);
  if (!plan.ok || !plan.document) return plan;
  toWorkspaceEdit(plan.document, plan.edits, edit);
  return { ok: true, document: plan.document, notes: plan.notes };
}

/** What a change of the codebook wrote, or why nothing was written. */
export type CodebookChangeOutcome = { ok: true; uri: vscode.Uri; notes: string[] } | { ok: false; error: string };

/**
 * Writes one change of a code (describe, recolour, drop) to the workspace codebook as one
 * undoable edit through the codebook edit engine, saves the file when it had no unsaved change,
 * and reloads the index. Refused in an untrusted workspace and without a codebook file.
 */
export async function changeWorkspaceCodebook(index: WorkspaceIndex, change: Omit<CodebookChange, 'date' | 'codes'>): Promise<CodebookChangeOutcome> {
  if (!(await ensureTrusted())) return { ok: false, error: 'the workspace is not trusted' };
  const workspace = index.current ?? (await index.reload());
  const edit = new vscode.WorkspaceEdit();
  const result = await addCodebookChange(workspace, change, edit);
  if (!result.ok) return result;
  if (!result.document) return { ok: false, error: 'there is no codebook file to edit' };
  const clean = !result.document.isDirty;
  if (!(await vscode.workspace.applyEdit(edit))) return { ok: false, error: 'VS Code did not apply the edit' };
  if (clean) await result.document.save();
  await index.reload();
  return { ok: true, uri: result.document.uri, notes: result.notes };
}
