import * as vscode from 'vscode';
import type { CodebookChange } from '../../core/edit/editCodebookText';
import { recodeTranscript } from '../../core/edit/recodeTranscript';
import type { TextEdit } from '../../core/edit/textEdit';
import type { WorkspaceIndex } from '../workspaceIndex';
import { planCodebookChange } from './codebookChangeEdit';
import { ensureTrusted } from './ensureTrusted';
import { parseTranscriptDocument, relativePath } from './parseTranscriptDocument';
import { rememberRecode, undoRecodeCommand } from './recodeUndo';
import { toWorkspaceEdit } from './toWorkspaceEdit';

/** A workspace refactoring: old id → new id, and how to record it in the codebook history. */
export interface Recode {
  mapping: ReadonlyMap<string, string>;
  change: Omit<CodebookChange, 'date' | 'codes'>;
  /** For a split: per transcript path, the start offsets of the directives to recode (others stay). */
  only?: ReadonlyMap<string, ReadonlySet<number>>;
}

/** What a refactoring changes in one file. */
export interface RecodeFileChange {
  /** Workspace-relative path. */
  path: string;
  /** Excerpts recoded in it (0 for the codebook). */
  excerpts: number;
  /** Text edits written to it. */
  edits: number;
}

/**
 * What a refactoring changed (or, with `written: false`, would change): the files, the excerpts
 * recoded, what changes per file; or why nothing was.
 */
export type RecodeOutcome =
  | { ok: true; written: boolean; files: vscode.Uri[]; excerpts: number; perFile: RecodeFileChange[]; notes: string[] }
  | { ok: false; error: string };

/** How to go on after the preview of a refactoring: write it, show it in the refactor preview first, or not at all. */
export type RecodeDecision = 'apply' | 'preview' | 'dry-run' | undefined;

interface PlannedFile {
  document: vscode.TextDocument;
  before: string;
  edits: TextEdit[];
  change: RecodeFileChange;
}

/**
 * Recodes every transcript of the workspace that uses the mapped codes (their open, unsaved text
 * when open) and records the change in the codebook's `history`, as ONE `WorkspaceEdit` marked as
 * a refactoring; the files that had no unsaved changes are saved afterwards, and the index is
 * reloaded. Every file is computed before anything is applied: one refusal changes nothing.
 * `decide` sees what will change (per file) before anything is written: `apply` writes it,
 * `preview` opens VS Code's refactor preview to confirm it, `dry-run` returns the plan unwritten,
 * undefined cancels (resolves to undefined). Once written, {@link undoRecodeCommand} takes it
 * back from any editor.
 */
export async function recodeWorkspace(
  index: WorkspaceIndex,
  recode: Recode,
  decide: (outcome: RecodeOutcome & { ok: true }) => Promise<RecodeDecision> | RecodeDecision = () => 'apply',
): Promise<RecodeOutcome | undefined> {
  if (!(await ensureTrusted())) return { ok: false, error: 'the workspace is not trusted' };
  const planned = await planRecode(index, recode);
  if ('error' in planned) return { ok: false, error: planned.error };
  const { files, notes } = planned;
  const plan = {
    ok: true as const,
    written: false,
    files: files.map((file) => file.document.uri),
    excerpts: files.reduce((sum, file) => sum + file.change.excerpts, 0),
    perFile: files.map((file) => file.change),
    notes,
  };
  const decision = await decide(plan);
  if (decision === 'dry-run') return plan;
  if (decision === undefined) return undefined;
  const edit = new vscode.WorkspaceEdit();
  const label = `${recode.change.action} ${recode.change.from.join(', ')} → ${recode.change.to.join(', ')}`;
  for (const file of files) toWorkspaceEdit(file.document, file.edits, edit, decision === 'preview' ? { needsConfirmation: true, label } : undefined);
  const clean = files.filter((file) => !file.document.isDirty).map((file) => file.document);
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) {
    return decision === 'preview' ? undefined : { ok: false, error: 'VS Code did not apply the edit' };
  }
  await Promise.all(clean.map((document) => document.save()));
  rememberRecode(label, files.map((file) => ({ document: file.document, before: file.before, edits: file.edits })));
  await index.reload();
  return { ...plan, written: true };
}

/** Computes the edits of every file a refactoring touches, without writing anything. */
async function planRecode(index: WorkspaceIndex, recode: Recode): Promise<{ files: PlannedFile[]; notes: string[] } | { error: string }> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const workspace = index.current ?? (await index.reload());
  if (!folder) return { error: 'open a workspace folder first' };
  const files: PlannedFile[] = [];
  for (const source of workspace.sources) {
    if (!source.excerpts.some((excerpt) => excerpt.codes.some((code) => recode.mapping.has(code)))) continue;
    const only = recode.only?.get(source.path);
    if (recode.only && !only) continue;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, ...source.path.split('/')));
    const transcript = parseTranscriptDocument(document, index);
    if (typeof transcript === 'string') return { error: `${source.path}: ${transcript}` };
    const result = recodeTranscript(transcript.text, transcript.parsed, recode.mapping, only);
    if (!result.ok) return { error: `${source.path}: ${result.error}` };
    if (result.edits.length === 0) continue;
    const excerpts = transcript.parsed.source.excerpts.filter((excerpt) => excerpt.codes.some((code) => recode.mapping.has(code))
      && (!only || excerpt.fragments.some((fragment) => only.has(fragment.range.startOffset)))).length;
    files.push({ document, before: transcript.text, edits: result.edits, change: { path: source.path, excerpts, edits: result.edits.length } });
  }
  const notes: string[] = [];
  const codebook = await planCodebookChange(workspace, recode.change);
  if (!codebook.ok) return { error: codebook.error };
  notes.push(...codebook.notes);
  if (codebook.document) {
    files.push({ document: codebook.document, before: codebook.before, edits: codebook.edits, change: { path: codebook.display, excerpts: 0, edits: codebook.edits.length } });
  }
  return { files, notes };
}

/**
 * Asks, in a modal dialog that lists what will change in each file, whether to write a
 * refactoring now, review it in the refactor preview first, or cancel.
 */
export async function confirmRecode(what: string, plan: RecodeOutcome & { ok: true }): Promise<RecodeDecision> {
  const lines = plan.perFile.map((file) => `${file.path}: ${file.excerpts > 0 ? `${file.excerpts} excerpt${file.excerpts === 1 ? '' : 's'}` : 'the codebook entry and its history'} (${file.edits} edit${file.edits === 1 ? '' : 's'})`);
  const detail = [
    ...lines,
    ...plan.notes,
    '',
    'Undo afterwards from any editor with "Markdown QDA: Undo Last Rename or Merge".',
  ].join('\n');
  const choice = await vscode.window.showWarningMessage(
    `Markdown QDA: ${what}? ${plan.excerpts} excerpts in ${plan.perFile.length} files will change.`,
    { modal: true, detail },
    'Apply',
    'Preview Changes…',
  );
  return choice === 'Apply' ? 'apply' : choice === 'Preview Changes…' ? 'preview' : undefined;
}

/**
 * How a refactoring command goes on once it knows what will change: with `dryRun`, only say it;
 * when the command `asked` the user for the codes, confirm in {@link confirmRecode}; else write.
 */
export function recodeDecision(what: string, options: { dryRun?: unknown; asked: boolean }): (plan: RecodeOutcome & { ok: true }) => Promise<RecodeDecision> | RecodeDecision {
  return (plan) => (options.dryRun === true ? 'dry-run' : options.asked ? confirmRecode(what, plan) : 'apply');
}

/** Shows the outcome of a refactoring in one message, with an Undo action once it was written. */
export function reportRecode(what: string, outcome: RecodeOutcome | undefined): void {
  if (!outcome) return;
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(`Markdown QDA: cannot ${what}: ${outcome.error}; nothing was changed.`);
    return;
  }
  if (!outcome.written) return;
  const notes = outcome.notes.length > 0 ? ` (${outcome.notes.join('; ')})` : '';
  const files = outcome.perFile.map((file) => file.path).join(', ');
  void vscode.window.showInformationMessage(`Markdown QDA: ${what}: ${outcome.excerpts} excerpts in ${outcome.files.length} files (${files})${notes}.`, 'Undo').then((choice) => {
    if (choice === 'Undo') void vscode.commands.executeCommand(undoRecodeCommand);
  });
}
