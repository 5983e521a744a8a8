import * as vscode from 'vscode';
import type { CodebookChange } from '../../core/edit/editCodebookText';
import { recodeTranscript } from '../../core/edit/recodeTranscript';
import type { WorkspaceIndex } from '../workspaceIndex';
import { addCodebookChange } from './codebookChangeEdit';
import { ensureTrusted } from './ensureTrusted';
import { parseTranscriptDocument } from './parseTranscriptDocument';
import { toWorkspaceEdit } from './toWorkspaceEdit';

/** A workspace refactoring: old id → new id, and how to record it in the codebook history. */
export interface Recode {
  mapping: ReadonlyMap<string, string>;
  change: Omit<CodebookChange, 'date' | 'codes'>;
  /** For a split: per transcript path, the start offsets of the directives to recode (others stay). */
  only?: ReadonlyMap<string, ReadonlySet<number>>;
}

/** What a refactoring changed: the files edited and the excerpts recoded, or why nothing was. */
export type RecodeOutcome = { ok: true; files: vscode.Uri[]; excerpts: number; notes: string[] } | { ok: false; error: string };

/**
 * Recodes every transcript of the workspace that uses the mapped codes (their open, unsaved text
 * when open) and records the change in the codebook's `history`, as ONE `WorkspaceEdit` marked as
 * a refactoring; the files that had no unsaved changes are saved afterwards, and the index is
 * reloaded. Every file is computed before anything is applied: one refusal changes nothing.
 */
export async function recodeWorkspace(index: WorkspaceIndex, recode: Recode): Promise<RecodeOutcome> {
  if (!(await ensureTrusted())) return { ok: false, error: 'the workspace is not trusted' };
  const folder = vscode.workspace.workspaceFolders?.[0];
  const workspace = index.current ?? (await index.reload());
  if (!folder) return { ok: false, error: 'open a workspace folder first' };
  const edit = new vscode.WorkspaceEdit();
  const documents: vscode.TextDocument[] = [];
  let excerpts = 0;
  for (const source of workspace.sources) {
    if (!source.excerpts.some((excerpt) => excerpt.codes.some((code) => recode.mapping.has(code)))) continue;
    const only = recode.only?.get(source.path);
    if (recode.only && !only) continue;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, ...source.path.split('/')));
    const transcript = parseTranscriptDocument(document, index);
    if (typeof transcript === 'string') return { ok: false, error: `${source.path}: ${transcript}` };
    const result = recodeTranscript(transcript.text, transcript.parsed, recode.mapping, only);
    if (!result.ok) return { ok: false, error: `${source.path}: ${result.error}` };
    if (result.edits.length === 0) continue;
    excerpts += transcript.parsed.source.excerpts.filter((excerpt) => excerpt.codes.some((code) => recode.mapping.has(code))
      && (!only || excerpt.fragments.some((fragment) => only.has(fragment.range.startOffset)))).length;
    toWorkspaceEdit(document, result.edits, edit);
    documents.push(document);
  }
  const notes: string[] = [];
  const codebook = await addCodebookChange(workspace, recode.change, edit);
  if (!codebook.ok) return codebook;
  notes.push(...codebook.notes);
  if (codebook.document) documents.push(codebook.document);
  const clean = documents.filter((document) => !document.isDirty);
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) return { ok: false, error: 'VS Code did not apply the edit' };
  await Promise.all(clean.map((document) => document.save()));
  await index.reload();
  return { ok: true, files: documents.map((document) => document.uri), excerpts, notes };
}

/** Shows the outcome of a refactoring in one message. */
export function reportRecode(what: string, outcome: RecodeOutcome): void {
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(`Markdown QDA: cannot ${what}: ${outcome.error}; nothing was changed.`);
    return;
  }
  const notes = outcome.notes.length > 0 ? ` (${outcome.notes.join('; ')})` : '';
  void vscode.window.showInformationMessage(`Markdown QDA: ${what}: ${outcome.excerpts} excerpts in ${outcome.files.length} files${notes}.`);
}
