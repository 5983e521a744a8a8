import * as vscode from 'vscode';
import { addCodeToCodebook } from '../../core/edit/addCodeToCodebook';
import { applyTextEdits, type TextEdit } from '../../core/edit/textEdit';
import { replaceClassIdEdits } from '../../core/editor/classIds';
import { nearestCodeIds } from '../../core/codebook/nearestCodeIds';
import { DEFAULT_CODEBOOK } from '../../node/loadCodebooks';
import { today } from '../editing/codebookDocument';
import { readSettings } from '../readSettings';
import type { DocumentSync } from './documentSync';
import { diagnosticSource } from './diagnosticsPublisher';
import { indexedFolder, uriOfWorkspacePath } from './workspacePaths';

/** Internal command a quick fix runs after its edit: saves the codebook so the index reads it. */
export const saveCodebookCommand = 'markdownQda._saveCodebook';

const UNKNOWN_CODE = /unknown code `([^`]+)`/;

/**
 * Quick fixes for an unknown code in a coding:
 * - "Add `X` to the codebook": exact insertions in the first configured codebook file (or
 *   `codebook.yaml`, created when missing), the entry and an `add` history entry, as Code
 *   Selection… writes a new code; saved when the file had no other unsaved change and the
 *   workspace is trusted;
 * - "Replace `X` with `Y`" for each nearest code id, in every directive of that coding (the
 *   nearest is the preferred fix).
 */
export function codingQuickFixes(sync: DocumentSync): vscode.CodeActionProvider {
  return {
    async provideCodeActions(document, _range, context) {
      const found = sync.sourceOf(document);
      const folder = indexedFolder();
      if (!found || !folder) return [];
      const { source, workspace } = found;
      const actions: vscode.CodeAction[] = [];
      const text = document.getText();
      for (const diagnostic of context.diagnostics) {
        const rule = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
        if (diagnostic.source !== diagnosticSource || rule !== 'unknown-code') continue;
        const id = UNKNOWN_CODE.exec(diagnostic.message)?.[1];
        const start = document.offsetAt(diagnostic.range.start);
        const excerpt = source.excerpts.find((candidate) => candidate.codes.includes(id ?? '') && candidate.fragments.some((fragment) => fragment.range.startOffset === start));
        if (!id || !excerpt || workspace.codebook.codes.has(id)) continue;

        const nearest = nearestCodeIds(workspace.codebook, id);
        nearest.forEach((target, rank) => {
          const edits = replaceClassIdEdits(text, excerpt, id, target);
          if (edits.length === 0) return;
          const name = workspace.codebook.codes.get(target)?.name;
          const action = new vscode.CodeAction(`Replace \`${id}\` with \`${target}\`${name ? ` (${name})` : ''}`, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.isPreferred = rank === 0;
          action.edit = new vscode.WorkspaceEdit();
          for (const edit of edits) action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
          actions.push(action);
        });

        const add = await addToCodebookAction(folder, workspace.root, id);
        if (add) {
          add.diagnostics = [diagnostic];
          add.isPreferred = nearest.length === 0;
          actions.push(add);
        }
      }
      return actions;
    },
  };
}

/** The action that adds `id` to the first codebook file, or undefined when that file cannot take it. */
async function addToCodebookAction(folder: vscode.WorkspaceFolder, root: string, id: string): Promise<vscode.CodeAction | undefined> {
  const file = readSettings(folder).codebooks[0] ?? DEFAULT_CODEBOOK;
  const uri = uriOfWorkspacePath(root, file);
  let document: vscode.TextDocument | undefined;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    document = undefined;
  }
  const text = document?.getText() ?? '';
  // The same edit as a code created from Code Selection…: the entry, and an `add` in the history.
  const result = addCodeToCodebook(text, { id, name: id, date: today() });
  if (!result.ok) return undefined;
  const action = new vscode.CodeAction(`Add \`${id}\` to the codebook (${file})`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  if (document) {
    for (const edit of mergeInsertions(result.edits)) {
      action.edit.replace(uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
    }
  } else {
    action.edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(applyTextEdits('', result.edits)) });
  }
  // Saved only when the fix is the file's one change, and in a trusted workspace; otherwise the
  // edit waits for the user to save (the index already reads the unsaved codebook).
  if (vscode.workspace.isTrusted && !document?.isDirty) action.command = { command: saveCodebookCommand, title: 'Save the codebook', arguments: [uri] };
  return action;
}

/** Saves the codebook document at `uri` when it is open with unsaved changes. */
export async function saveCodebook(uri: vscode.Uri): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  return document?.isDirty ? document.save() : false;
}

/** Edits in order, insertions at one offset joined into one (so they land in the order given). */
function mergeInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged[merged.length - 1];
    if (last && last.start === edit.start && last.end === edit.start && edit.end === edit.start) last.newText += edit.newText;
    else merged.push({ ...edit });
  }
  return merged;
}
