import * as vscode from 'vscode';
import { commandIds } from './commandIds';
import { addCode } from './commands/addCode';
import { deleteCode } from './commands/deleteCode';
import { editCode } from './commands/editCode';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Registers the Codebook view's editing commands: edit a code's name, description or colour,
 * add a code (a child, from a view item; or from the quick fix), delete an unused code.
 */
export function registerCodebookEditing(context: vscode.ExtensionContext, index: WorkspaceIndex): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(commandIds.editCode, editCode(index)),
    vscode.commands.registerCommand(commandIds.addCode, addCode(index)),
    vscode.commands.registerCommand(commandIds.deleteCode, deleteCode(index)),
  );
}
