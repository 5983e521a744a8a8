import * as vscode from 'vscode';
import { addCodeToCodebook } from '../../core/edit/addCodeToCodebook';
import { replaceClassIdEdits } from '../../core/editor/classIds';
import { nearestCodeIds } from '../../core/codebook/nearestCodeIds';
import { DEFAULT_CODEBOOK } from '../../node/loadCodebooks';
import { commandIds } from '../commandIds';
import type { AddCodeArgs } from '../commands/addCode';
import { readSettings } from '../readSettings';
import type { DocumentSync } from './documentSync';
import { diagnosticSource } from './diagnosticsPublisher';
import { indexedFolder, uriOfWorkspacePath } from './workspacePaths';

const UNKNOWN_CODE = /unknown code `([^`]+)`/;

/**
 * Quick fixes for an unknown code in a coding:
 * - "Add `X` to the codebook…": asks for the name and, optionally, the parent, then writes the
 *   entry and an `add` history entry in the first configured codebook file (or `codebook.yaml`,
 *   created when missing), as Code Selection… writes a new code (`markdownQda.addCode`);
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

/**
 * The action that adds `id` to the first codebook file: it runs `markdownQda.addCode`, which asks
 * for the name and, optionally, the parent, then writes the entry and an `add` history entry.
 * Undefined when that file cannot take the code (an invalid id, YAML errors…).
 */
async function addToCodebookAction(folder: vscode.WorkspaceFolder, root: string, id: string): Promise<vscode.CodeAction | undefined> {
  const file = readSettings(folder).codebooks[0] ?? DEFAULT_CODEBOOK;
  let text = '';
  try {
    text = (await vscode.workspace.openTextDocument(uriOfWorkspacePath(root, file))).getText();
  } catch {
    text = '';
  }
  if (!addCodeToCodebook(text, { id, name: id }).ok) return undefined;
  const action = new vscode.CodeAction(`Add \`${id}\` to the codebook (${file})…`, vscode.CodeActionKind.QuickFix);
  const args: AddCodeArgs = { id, askParent: true };
  action.command = { command: commandIds.addCode, title: 'Add to the codebook', arguments: [args] };
  return action;
}
