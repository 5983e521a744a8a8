import * as vscode from 'vscode';
import { workshopFixes } from '../../core/analysis/workshop/workshopFixes';
import { diagnosticSource } from '../editor/diagnosticsPublisher';

/**
 * Quick fixes for the problems of a workshop file (core `workshopFixes`): add an id that is not a
 * candidate to the candidates or remove it from its list, drop an id listed twice, take a card in
 * both circles out of the outer one, rename a misspelt key. Each is one exact edit, one undo.
 */
export function workshopQuickFixes(): vscode.CodeActionProvider {
  return {
    provideCodeActions(document, _range, context) {
      const actions: vscode.CodeAction[] = [];
      const text = document.getText();
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== diagnosticSource) continue;
        const ruleId = String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
        for (const fix of workshopFixes(text, { ruleId, message: diagnostic.message, offset: document.offsetAt(diagnostic.range.start) })) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.isPreferred = fix.preferred;
          action.edit = new vscode.WorkspaceEdit();
          for (const edit of fix.edits) action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
          actions.push(action);
        }
      }
      return actions;
    },
  };
}
