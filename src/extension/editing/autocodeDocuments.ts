import * as vscode from 'vscode';
import { autocodeTranscript, type AutocodeOptions, type AutocodeTargets } from '../../core/autocode/autocodeTranscript';
import { countOf } from '../../core/render/countOf';
import type { DocumentTranscript } from './parseTranscriptDocument';
import { toWorkspaceEdit } from './toWorkspaceEdit';

/** What autocoding some documents came to (the commands resolve to it, so scripts and tests can read it). */
export interface AutocodeSummary {
  /** Codings written, files changed, units the coder already had coded so, hits and units left uncoded. */
  written: number;
  files: number;
  skipped: number;
  notCoded: number;
  /** `path:line: reason` of each hit or unit left uncoded. */
  reasons: string[];
}

/**
 * Autocodes each transcript (its open, unsaved text) with `autocodeTranscript`, and applies
 * every edit as ONE `WorkspaceEdit`, so a single undo takes it all back; the files that had no
 * unsaved changes are saved afterwards. Every file is computed before anything is applied.
 * Resolves to the summary, or a message when VS Code did not apply the edit.
 */
export async function autocodeDocuments(plans: readonly { transcript: DocumentTranscript; targets: AutocodeTargets }[], options: AutocodeOptions): Promise<AutocodeSummary | string> {
  const summary: AutocodeSummary = { written: 0, files: 0, skipped: 0, notCoded: 0, reasons: [] };
  const edit = new vscode.WorkspaceEdit();
  const documents: vscode.TextDocument[] = [];
  for (const { transcript, targets } of plans) {
    const outcome = autocodeTranscript(transcript.text, transcript.parsed, targets, options);
    summary.written += outcome.written.length;
    summary.skipped += outcome.skipped;
    summary.notCoded += outcome.notCoded.length;
    summary.reasons.push(...outcome.notCoded.map((item) => `${transcript.parsed.source.path}:${item.line}: ${item.reason}`));
    if (outcome.edits.length === 0) continue;
    toWorkspaceEdit(transcript.document, outcome.edits, edit);
    documents.push(transcript.document);
  }
  summary.files = documents.length;
  if (documents.length === 0) return summary;
  const clean = documents.filter((document) => !document.isDirty);
  if (!(await vscode.workspace.applyEdit(edit))) return 'VS Code did not apply the edit';
  await Promise.all(clean.map((document) => document.save()));
  return summary;
}

/** Shows what autocoding did in one message (with the first reasons hits were left uncoded). */
export function reportAutocode(what: string, summary: AutocodeSummary | string): void {
  if (typeof summary === 'string') {
    void vscode.window.showErrorMessage(`Markdown QDA: ${what}: ${summary}; nothing was changed.`);
    return;
  }
  const notCoded = summary.notCoded > 0 ? `, ${summary.notCoded} not coded (${summary.reasons.slice(0, 3).join('; ')}${summary.reasons.length > 3 ? '; …' : ''})` : '';
  void vscode.window.showInformationMessage(
    `Markdown QDA: ${what}: ${countOf(summary.written, 'coding')} written in ${countOf(summary.files, 'file')}, ${summary.skipped} already coded${notCoded}.`,
  );
}
